// wording: Jest's summary ("Tests:       2 failed, 40 passed, 42 total", "Test Suites: 1 failed, 12 passed,
// 13 total") and Vitest's ("Tests  2 failed | 40 passed (42)"); Jest's per-file verdict "FAIL  src/x.test.ts"
// (jest-reporters' DefaultReporter), which is all an excerpt cut before the summary shows.
extension Rule {
    static let jestTestsFailed = Rule(
        id: "jest-tests-failed",
        category: .testFailure,
        title: "JavaScript tests failed (Jest/Vitest)",
        severity: .error,
        literals: ["Tests:", "Tests  ", "FAIL "],
        regex: "^" + BuiltinCatalog.buildKitStepPrefix + #"\s*(?:Tests(?::\s+|\s{2,})(?<failed>[1-9]\d*) failed\b|FAIL +(?<file>\S+\.(?:test|spec)\.[cm]?[jt]sx?)\b)"#,
        explanation: """
            Tests failed. The failing test names and assertion diffs are printed above the summary \
            (lines starting with `●` for Jest, `FAIL` for files).
            """,
        remediation: """
            Run the same command locally with `CI=true` (Jest runs serially and without watch mode then), fix \
            the failing tests, and publish results to a CodeBuild report group (`reports:` with \
            `file-format: JUNITXML` via jest-junit) to see them per build.
            """,
        docURL: "https://docs.aws.amazon.com/codebuild/latest/userguide/test-reporting.html",
        triggering: [
            #"""
            [Container] 2024/03/06 10:00:05.100000 Running command npm test -- --ci
            ↓  FAIL  src/cart/total.test.ts
              ● cart total › applies discount
            Test Suites: 1 failed, 12 passed, 13 total
            ↓ Tests:       2 failed, 40 passed, 42 total
            Snapshots:   0 total
            Time:        8.412 s
            """#,
            #"""
            ↓  Tests  3 failed | 97 passed (100)
            """#,
        ],
        nonTriggering: [
            #"""
            Test Suites: 13 passed, 13 total
            Tests:       42 passed, 42 total
            Tests:       0 failed, 42 passed, 42 total
             PASS  src/cart/total.test.ts
            FAIL_ON_WARNINGS=true npm run lint
            """#,
        ]
    )
}
