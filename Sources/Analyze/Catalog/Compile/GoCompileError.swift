// wording: the Go compiler's diagnostics ("./main.go:12:2: undefined: foo", "pkg/x.go:7:9: cannot use ...")
// printed under a "# package/path" header by `go build` and `go vet`.
extension Rule {
    static let goCompileError = Rule(
        id: "go-compile-error",
        category: .compileError,
        title: "Go compile error",
        severity: .error,
        literals: [".go:"],
        regex: "^" + BuiltinCatalog.buildKitStepPrefix + #"(?<file>(?:\./)?[\w./-]+\.go):(?<line>\d+):\d+: (?<message>.+)"#,
        // A missing go.sum entry is a dependency problem, not a compile error.
        exclude: #"\.go:\d+:\d+: missing go\.sum entry"#,
        explanation: """
            The Go compiler rejected `{{file}}` line {{line}}: {{message}}.
            """,
        remediation: """
            Reproduce with `go build ./... && go vet ./...` using the Go version of the build image \
            (`runtime-versions: golang: 1.22`); a go.mod `go` directive newer than the image's toolchain also \
            fails here.
            """,
        docURL: "https://go.dev/doc/cmd",
        triggering: [
            #"""
            [Container] 2024/03/06 10:00:05.100000 Running command go build -o bin/api ./cmd/api
            # github.com/acme/api/internal/orders
            ↓ internal/orders/total.go:31:9: undefined: roundCents
            ↓ internal/orders/total.go:44:15: cannot use qty (variable of type int) as float64 value in argument to math.Floor
            """#,
        ],
        nonTriggering: [
            #"""
            go: downloading github.com/google/uuid v1.6.0
                main_test.go:25: expected 3 items, got 2
            main.go:7:2: missing go.sum entry for module providing package github.com/google/uuid (imported by github.com/acme/api); to add:
            """#,
        ]
    )
}
