// wording: Maven Surefire/Failsafe counts ("[ERROR] Tests run: 42, Failures: 2, Errors: 0, Skipped: 0",
// "... <<< FAILURE! - in com.acme.FooTest") and the goal failure ("There are test failures.").
extension Rule {
    static let junitTestsFailed = Rule(
        id: "junit-tests-failed",
        category: .testFailure,
        title: "JUnit tests failed (Maven Surefire)",
        severity: .error,
        literals: ["Tests run: ", "There are test failures"],
        regex: #"(?:Tests run: \d+, (?:Failures: (?<failures>[1-9]\d*), Errors: \d+|Failures: 0, Errors: (?<errors>[1-9]\d*))|There are test failures\.)"#,
        explanation: """
            Maven Surefire reported failing or erroring tests; the `<<< FAILURE!` / `<<< ERROR!` lines name the \
            classes and the `[ERROR]   FooTest.method:42` lines the methods.
            """,
        remediation: """
            Run `mvn -B test -Dtest=<FailingTest>` locally with the build's JDK, fix them, and add \
            `target/surefire-reports/*.xml` to a CodeBuild report group (`reports:` with `file-format: JUNITXML`).
            """,
        docURL: "https://docs.aws.amazon.com/codebuild/latest/userguide/test-reporting.html",
        triggering: [
            #"""
            [INFO] Running com.acme.orders.OrderServiceTest
            ↓ [ERROR] Tests run: 5, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 0.412 s <<< FAILURE! - in com.acme.orders.OrderServiceTest
            [ERROR] com.acme.orders.OrderServiceTest.appliesDiscount  Time elapsed: 0.02 s  <<< FAILURE!
            [INFO] Results:
            ↓ [ERROR] Tests run: 42, Failures: 1, Errors: 0, Skipped: 0
            [INFO] BUILD FAILURE
            ↓ [ERROR] Failed to execute goal org.apache.maven.plugins:maven-surefire-plugin:3.2.5:test (default-test) on project orders: There are test failures.
            """#,
            #"""
            ↓ [ERROR] Tests run: 12, Failures: 0, Errors: 2, Skipped: 0
            """#,
        ],
        nonTriggering: [
            #"""
            [INFO] Tests run: 42, Failures: 0, Errors: 0, Skipped: 1
            [INFO] BUILD SUCCESS
            """#,
        ]
    )
}
