// wording: npm's script failure lines for `test` scripts (see npm-script-failed). Generic: the test
// runner's summary is the specific evidence.
extension Rule {
    static let npmTestScriptFailed = Rule(
        id: "npm-test-script-failed",
        category: .testFailure,
        title: "npm test script failed",
        severity: .error,
        literals: ["Lifecycle script `test", "Failed at the "],
        regex: "^" + BuiltinCatalog.buildKitStepPrefix + #"npm (?:ERR!|error) (?:Lifecycle script `(?<script>test[^`]*)` failed with error:|Failed at the \S+ (?<npm6script>test\S*) script\.)"#,
        isGenericSymptom: true,
        explanation: """
            The package's `{{script}}` script exited non-zero: the test runner reported failures (or crashed) \
            above the `npm ERR!` block.
            """,
        remediation: """
            Read the test runner's summary and first failure above; run `CI=true npm test` locally with the \
            build's Node.js version.
            """,
        docURL: "https://docs.aws.amazon.com/codebuild/latest/userguide/test-reporting.html",
        triggering: [
            #"""
            Tests:       2 failed, 40 passed, 42 total
            npm ERR! code 1
            ↓ npm ERR! Lifecycle script `test` failed with error:
            npm ERR! Error: command failed
            """#,
        ],
        nonTriggering: [
            #"""
            npm ERR! Lifecycle script `build` failed with error:
            > web@1.0.0 test
            > jest --ci
            """#,
        ]
    )
}
