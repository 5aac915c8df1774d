// wording: tsc diagnostics ("src/app.ts(12,5): error TS2322: Type 'string' is not assignable to type
// 'number'." and the pretty form "src/app.ts:12:5 - error TS2322: ...").
extension Rule {
    static let typeScriptCompileError = Rule(
        id: "typescript-compile-error",
        category: .compileError,
        title: "TypeScript compile error",
        severity: .error,
        literals: ["error TS"],
        regex: #"(?<file>[^\s(:]+\.(?:ts|tsx|mts|cts))(?:\((?<line>\d+),\d+\):|:(?<prettyline>\d+):\d+ -) error TS(?<code>\d+): (?<message>.+)"#,
        // A dependency's own declarations missing a module is an install problem (type-declarations-dependency-missing).
        exclude: #"node_modules/\S+\.d\.[cm]?ts\(\d+,\d+\): error TS2307: "#,
        explanation: """
            The TypeScript compiler reported TS{{code}} in `{{file}}`: {{message}}. The code does not type-check \
            with the TypeScript version and tsconfig the build uses.
            """,
        remediation: """
            Reproduce with `npx tsc --noEmit` locally using the lockfile's TypeScript version and fix the \
            reported line; a build that passes locally but not in CI usually has a different TypeScript or \
            @types version (commit the lockfile and use `npm ci`).
            """,
        docURL: "https://www.typescriptlang.org/docs/handbook/compiler-options.html",
        triggering: [
            #"""
            [Container] 2024/03/06 10:00:05.100000 Running command npm run build
            > web@1.0.0 build
            > tsc -p tsconfig.json
            ↓ src/orders/total.ts(12,5): error TS2322: Type 'string' is not assignable to type 'number'.
            """#,
            #"""
            ↓ src/api/client.ts:41:18 - error TS2339: Property 'retries' does not exist on type 'Options'.
            
            41     return opts.retries ?? 3;
                                ~~~~~~~
            Found 1 error in src/api/client.ts:41
            """#,
        ],
        nonTriggering: [
            #"""
            Found 0 errors. Watching for file changes.
            src/errors/TS2322.md documents the error TS2322 message
            """#,
        ]
    )
}
