// wording: `dotnet test` summary ("Failed!  - Failed:     2, Passed:    40, Skipped:     0, Total:    42,
// Duration: 3 s - Orders.Tests.dll (net8.0)").
extension Rule {
    static let dotnetTestsFailed = Rule(
        id: "dotnet-tests-failed",
        category: .testFailure,
        title: ".NET tests failed",
        severity: .error,
        literals: ["Failed!  - Failed:"],
        regex: #"Failed!  - Failed: +(?<failed>\d+), Passed: +\d+"#,
        explanation: """
            `dotnet test` reported {{failed}} failed test(s); the `Failed <TestName>` lines above show each failure.
            """,
        remediation: """
            Run `dotnet test --filter <TestName>` locally, and publish `--logger trx` results to a CodeBuild \
            report group (`file-format: VISUALSTUDIOTRX`).
            """,
        docURL: "https://docs.aws.amazon.com/codebuild/latest/userguide/test-reporting.html",
        triggering: [
            #"""
              Failed Orders.Tests.TotalTests.AppliesDiscount [12 ms]
            ↓ Failed!  - Failed:     1, Passed:    41, Skipped:     0, Total:    42, Duration: 3 s - Orders.Tests.dll (net8.0)
            """#,
        ],
        nonTriggering: [
            #"""
            Passed!  - Failed:     0, Passed:    42, Skipped:     0, Total:    42, Duration: 3 s - Orders.Tests.dll (net8.0)
            """#,
        ]
    )
}
