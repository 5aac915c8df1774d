// wording: pip when building an sdist fails ("ERROR: Failed building wheel for NAME", "ERROR: Could not build
// wheels for NAME, which is required to install pyproject.toml-based projects"); older pip's 'Command "python
// setup.py egg_info" failed with error code 1 in /tmp/pip-install-…/NAME/' and newer pip's "python setup.py
// egg_info did not run successfully." when even the package's metadata cannot be built.
extension Rule {
    static let pipWheelBuildFailed = Rule(
        id: "pip-wheel-build-failed",
        category: .dependencyInstallFailed,
        title: "pip could not build a package from source",
        severity: .error,
        literals: ["Failed building wheel for", "Could not build wheels for", "setup.py egg_info"],
        regex: #"(?:(?:Failed building wheel for|Could not build wheels for) (?<package>[\w.-]+)|Command "python setup.py egg_info" failed with error code \d+ in \S*/(?<eggpackage>[\w.-]+)/?$|python setup.py egg_info did not run successfully)"#,
        explanation: """
            No pre-built wheel of the package matched this Python version and platform, so pip tried to \
            compile it and failed, usually because a compiler or system headers (`gcc`, `python3-dev`, \
            `libpq-dev`, `libffi-dev`) are missing or the package does not support this Python version.
            """,
        remediation: """
            Pin a version that ships wheels for the build's Python, select a Python runtime that has them, or \
            install the build dependencies in the install phase (e.g. `yum install -y gcc python3-devel` on \
            Amazon Linux, `apt-get install -y build-essential python3-dev` on Ubuntu).
            """,
        docURL: "https://pip.pypa.io/en/stable/cli/pip_wheel/",
        triggering: [
            #"""
            [Container] 2024/03/06 10:00:03.100000 Running command pip install -r requirements.txt
              error: command 'gcc' failed: No such file or directory
            ↓   ERROR: Failed building wheel for psycopg2
            Failed to build psycopg2
            ↓ ERROR: Could not build wheels for psycopg2, which is required to install pyproject.toml-based projects
            """#,
            #"""
            [Container] 2022/02/18 12:58:32 Running command pip install -r requirements.txt -q
            ↓ Command "python setup.py egg_info" failed with error code 1 in /tmp/pip-install-lv6q_hbc/MarkupSafe/
            You are using pip version 18.1, however version 22.0.3 is available.
            """#,
        ],
        nonTriggering: [
            #"""
            Building wheel for psycopg2 (setup.py) ... done
            Successfully built psycopg2
            """#,
        ]
    )
}
