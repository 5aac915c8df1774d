// wording: pytest's final summary line ("==== 2 failed, 40 passed in 3.21s ====", "=== 1 failed, 3 passed,
// 1 warning in 0.12s ===") and its short test summary lines ("FAILED tests/test_x.py::test_y - AssertionError"),
// which name the failing tests.
extension Rule {
    static let pytestTestsFailed = Rule(
        id: "pytest-tests-failed",
        category: .testFailure,
        title: "Python tests failed (pytest)",
        severity: .error,
        literals: [" failed", "FAILED "],
        regex: "^" + BuiltinCatalog.buildKitStepPrefix + #"(?:=+ (?:.*, )?(?<failed>[1-9]\d*) failed\b.* in [\d.]+s(?: \([\d:]+\))? =+$|FAILED (?<test>\S+::\S+)(?: - (?<reason>.+))?$)"#,
        explanation: """
            pytest reported failing tests (the `FAILED <file>::<test>` lines of the short test summary name \
            them, e.g. `{{test}}`: {{reason}}).
            """,
        remediation: """
            Run `python -m pytest -x -q` locally with the same Python version and dependencies, fix the \
            failures, and publish `--junitxml=reports/junit.xml` to a CodeBuild report group.
            """,
        docURL: "https://docs.aws.amazon.com/codebuild/latest/userguide/test-reporting.html",
        triggering: [
            #"""
            [Container] 2024/03/06 10:00:05.100000 Running command python -m pytest
            tests/test_orders.py::test_total PASSED
            tests/test_orders.py::test_discount FAILED
            =========================== short test summary info ============================
            ↓ FAILED tests/test_orders.py::test_discount - AssertionError: assert 90 == 85
            ↓ ========================= 1 failed, 41 passed in 3.21s =========================
            """#,
        ],
        nonTriggering: [
            #"""
            tests/test_errors.py::test_error_handling PASSED
            ============================== 42 passed in 2.95s ==============================
            """#,
        ]
    )
}
