// wording: `go test` output ("--- FAIL: TestName (0.00s)", "FAIL\tgithub.com/acme/pkg\t0.012s").
extension Rule {
    static let goTestFailed = Rule(
        id: "go-test-failed",
        category: .testFailure,
        title: "Go tests failed",
        severity: .error,
        literals: ["--- FAIL: "],
        regex: "^" + BuiltinCatalog.buildKitStepPrefix + #"\s*--- FAIL: (?<test>\S+)"#,
        explanation: """
            `go test` reported a failing test (`{{test}}`); the `file_test.go:N:` lines under it show the \
            assertion.
            """,
        remediation: """
            Run `go test -run '^{{test}}$' -v ./...` locally; for flaky tests use `-count=1 -race` to reproduce, \
            and publish results with `go-junit-report` to a CodeBuild report group.
            """,
        docURL: "https://pkg.go.dev/cmd/go#hdr-Test_packages",
        triggering: [
            #"""
            [Container] 2024/03/06 10:00:05.100000 Running command go test ./...
            === RUN   TestTotal
            ↓ --- FAIL: TestTotal (0.00s)
                total_test.go:25: expected 85, got 90
            FAIL
            FAIL	github.com/acme/api/internal/orders	0.012s
            """#,
        ],
        nonTriggering: [
            #"""
            === RUN   TestTotal
            --- PASS: TestTotal (0.00s)
            ok  	github.com/acme/api/internal/orders	0.011s
            """#,
        ]
    )
}
