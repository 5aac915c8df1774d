// wording: GCC/Clang diagnostics ("src/main.c:12:5: error: implicit declaration of function 'f'",
// "src/img.cpp:3:10: fatal error: vips/vips8: No such file or directory").
extension Rule {
    static let cCompileError = Rule(
        id: "c-compile-error",
        category: .compileError,
        title: "C/C++ compile error",
        severity: .error,
        literals: [": error: ", ": fatal error: "],
        regex: "^" + BuiltinCatalog.buildKitStepPrefix + #"(?<file>[^\s:]+\.(?:c|cc|cpp|cxx|h|hh|hpp|m|mm)):(?<line>\d+):\d+: (?:fatal )?error: (?<message>.+)"#,
        explanation: """
            The C/C++ compiler failed on `{{file}}` line {{line}}: {{message}}. A missing header usually means a \
            `-dev`/`-devel` package is not installed in the build image.
            """,
        remediation: """
            For a missing header install the library's development package in the install phase (e.g. \
            `apt-get install -y libvips-dev`, `yum install -y vips-devel`); otherwise reproduce with the \
            image's compiler version and fix the code.
            """,
        docURL: "https://gcc.gnu.org/onlinedocs/gcc/Diagnostic-Message-Formatting-Options.html",
        triggering: [
            #"""
            gcc -O2 -Iinclude -c src/main.c -o build/main.o
            ↓ src/main.c:12:5: error: implicit declaration of function 'frobnicate' [-Werror=implicit-function-declaration]
            ↓ src/img.cpp:3:10: fatal error: vips/vips8: No such file or directory
            compilation terminated.
            """#,
        ],
        nonTriggering: [
            #"""
            src/main.c:40:9: warning: unused variable 'tmp' [-Wunused-variable]
            src/errors.c compiled OK
            """#,
        ]
    )
}
