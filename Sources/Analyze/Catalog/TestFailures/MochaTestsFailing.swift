// wording: Mocha's spec reporter summary ("  40 passing (2s)", "  2 failing").
extension Rule {
    static let mochaTestsFailing = Rule(
        id: "mocha-tests-failing",
        category: .testFailure,
        title: "JavaScript tests failed (Mocha)",
        severity: .error,
        literals: [" failing"],
        regex: "^" + BuiltinCatalog.buildKitStepPrefix + #"\s*(?<failed>[1-9]\d*) failing$"#,
        explanation: """
            Mocha reported {{failed}} failing test(s); the numbered entries after the summary show each \
            failure with its stack trace.
            """,
        remediation: """
            Run `npx mocha` locally with the same Node.js version; publish results with mocha-junit-reporter \
            to a CodeBuild report group.
            """,
        docURL: "https://docs.aws.amazon.com/codebuild/latest/userguide/test-reporting.html",
        triggering: [
            #"""
              40 passing (2s)
            ↓   2 failing

              1) Cart
                   applies discount:
                 AssertionError: expected 90 to equal 85
            """#,
        ],
        nonTriggering: [
            #"""
              42 passing (2s)
              1 pending
            """#,
        ]
    )
}
