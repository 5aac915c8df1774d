// wording: rustc diagnostics ("error[E0425]: cannot find value `x` in this scope") and cargo's summary
// ("error: could not compile `app` (bin \"app\") due to 2 previous errors").
extension Rule {
    static let rustCompileError = Rule(
        id: "rust-compile-error",
        category: .compileError,
        title: "Rust compile error",
        severity: .error,
        literals: ["error[E", "error: could not compile"],
        regex: "^" + BuiltinCatalog.buildKitStepPrefix + #"(?:error\[(?<code>E\d{4})\]: (?<message>.+)|error: could not compile `(?<crate>[^`]+)`)"#,
        explanation: """
            rustc rejected the code ({{code}}: {{message}}); cargo stops the build of the crate.
            """,
        remediation: """
            Run `cargo build --locked` locally with the toolchain in rust-toolchain.toml (install the same one \
            in the build with `rustup toolchain install`), and fix the reported error; `rustc --explain <code>` \
            describes it.
            """,
        docURL: "https://doc.rust-lang.org/error_codes/error-index.html",
        triggering: [
            #"""
               Compiling api v0.1.0 (/codebuild/output/src1/src)
            ↓ error[E0425]: cannot find value `retries` in this scope
              --> src/client.rs:41:12
            ↓ error: could not compile `api` (bin "api") due to 1 previous error
            """#,
        ],
        nonTriggering: [
            #"""
               Compiling api v0.1.0 (/codebuild/output/src1/src)
            warning: unused variable: `x`
                Finished `release` profile [optimized] target(s) in 41.20s
            """#,
        ]
    )
}
