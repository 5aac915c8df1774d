// wording: CPython's import error ("ModuleNotFoundError: No module named 'requests'").
extension Rule {
    static let pythonModuleNotInstalled = Rule(
        id: "python-module-not-installed",
        category: .dependencyInstallFailed,
        title: "Python module not installed",
        severity: .error,
        literals: ["No module named"],
        regex: #"ModuleNotFoundError: No module named '(?<module>[^']+)'"#,
        explanation: """
            Python could not import `{{module}}`: it is not in requirements.txt, it was installed for another \
            interpreter (`pip` vs `python3 -m pip`, a virtualenv created in another phase's shell), or the \
            install step failed earlier.
            """,
        remediation: """
            Add it to the requirements and install with the same interpreter that runs the code: \
            `python3 -m pip install -r requirements.txt`; activate virtualenvs in the same command that uses them.
            """,
        docURL: "https://docs.python.org/3/library/exceptions.html#ModuleNotFoundError",
        triggering: [
            #"""
            [Container] 2024/03/06 10:00:05.100000 Running command python3 scripts/deploy.py
            Traceback (most recent call last):
              File "/codebuild/output/src1/src/scripts/deploy.py", line 3, in <module>
                import requests
            ↓ ModuleNotFoundError: No module named 'requests'
            """#,
        ],
        nonTriggering: [
            #"""
            Requirement already satisfied: requests in /usr/local/lib/python3.12/site-packages (2.31.0)
            tests/test_imports.py::test_no_module_named_error_message PASSED
            """#,
        ]
    )
}
