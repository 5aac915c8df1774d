// wording: Gradle's test task summary ("42 tests completed, 2 failed", "> There were failing tests. See the
// report at: file:///...").
extension Rule {
    static let gradleTestsFailed = Rule(
        id: "gradle-tests-failed",
        category: .testFailure,
        title: "Tests failed (Gradle)",
        severity: .error,
        literals: ["tests completed", "There were failing tests"],
        regex: #"(?:^(?<total>\d+) tests completed, (?<failed>\d+) failed|There were failing tests\. See the report at: (?<report>\S+))"#,
        explanation: """
            Gradle's test task reported failing tests; the `FooTest > method FAILED` lines above name them and \
            the HTML report has the details.
            """,
        remediation: """
            Run `./gradlew test --tests '<FailingTest>'` locally; add `**/build/test-results/test/*.xml` to a \
            CodeBuild report group to see failures per build.
            """,
        docURL: "https://docs.aws.amazon.com/codebuild/latest/userguide/test-reporting.html",
        triggering: [
            #"""
            OrderServiceTest > appliesDiscount() FAILED
                org.opentest4j.AssertionFailedError at OrderServiceTest.kt:42
            ↓ 42 tests completed, 1 failed
            > Task :app:test FAILED
            * What went wrong:
            Execution failed for task ':app:test'.
            ↓ > There were failing tests. See the report at: file:///codebuild/output/src1/src/app/build/reports/tests/test/index.html
            """#,
        ],
        nonTriggering: [
            #"""
            > Task :app:test
            BUILD SUCCESSFUL in 41s
            """#,
        ]
    )
}
