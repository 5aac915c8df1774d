// wording: the CodeBuild agent's failure line ("Command did not exit successfully CMD exit status N") when CMD is
// a test runner: newman, pytest, jest, vitest, mocha, go test, `mvn … test`, `gradle … test`, `npm test`,
// phpunit, rspec, dotnet test, tox, cargo test. A test runner that exits non-zero reports failed tests (the
// postmanlabs/newman CodeBuild write-ups: an assertion failed, exit status 1). Generic: the runner's own output,
// when the log has it, is the specific evidence.
extension Rule {
    static let testRunnerCommandFailed = Rule(
        id: "test-runner-command-failed",
        category: .testFailure,
        title: "The test command failed",
        severity: .error,
        literals: ["Command did not exit successfully "],
        regex: #"Command did not exit successfully (?<command>"# + BuiltinCatalog.testRunnerCommand + #"\b.*) exit status (?<status>\d+)"#,
        isGenericSymptom: true,
        explanation: """
            The test command `{{command}}` exited with status {{status}}: tests failed (or the runner could not \
            start them). The failing tests are in the command's output above this line.
            """,
        remediation: """
            Read the runner's summary and first failure above; run the same command locally with the build \
            image, and publish results to a CodeBuild report group (`reports:` with JUnit XML) to see them per test.
            """,
        docURL: "https://docs.aws.amazon.com/codebuild/latest/userguide/test-reporting.html",
        triggering: [
            #"""
            ↓ [Container] 2024/03/06 10:00:09.000000 Command did not exit successfully newman run api.postman_collection.json -r junit exit status 1
            """#,
            #"""
            ↓ [Container] 2024/03/06 10:00:09.000000 Command did not exit successfully python -m pytest tests/ exit status 1
            """#,
        ],
        nonTriggering: [
            #"""
            [Container] 2024/03/06 10:00:09.000000 Command did not exit successfully npm run build exit status 1
            [Container] 2024/03/06 10:00:09.000000 Command did not exit successfully pip install pytest exit status 1
            """#,
        ]
    )
}
