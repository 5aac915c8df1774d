// wording: pip's resolver ("ERROR: Could not find a version that satisfies the requirement NAME==X (from
// versions: ...)", "ERROR: No matching distribution found for NAME==X").
extension Rule {
    static let pipNoMatchingDistribution = Rule(
        id: "pip-no-matching-distribution",
        category: .dependencyInstallFailed,
        title: "pip found no matching version of a package",
        severity: .error,
        literals: ["Could not find a version that satisfies the requirement", "No matching distribution found for"],
        regex: #"(?:Could not find a version that satisfies the requirement|No matching distribution found for) (?<requirement>[^\s(]+)"#,
        explanation: """
            pip could not find `{{requirement}}` on the package index: the version does not exist, it has no \
            wheel or sdist for this Python version or platform (e.g. a package dropped Python 3.8), or the \
            package lives on a private index the build is not configured for.
            """,
        remediation: """
            Check the name and pin against `pip index versions <name>`, select a matching Python runtime in the \
            buildspec (`runtime-versions: python: 3.12`), or point pip at the private index (`aws codeartifact \
            login --tool pip --domain <domain> --repository <repo>`).
            """,
        docURL: "https://docs.aws.amazon.com/codeartifact/latest/ug/python-configure-pip.html",
        triggering: [
            #"""
            [Container] 2024/03/06 10:00:03.100000 Running command pip install -r requirements.txt
            ↓ ERROR: Could not find a version that satisfies the requirement numpy==1.19.5 (from versions: 1.24.4, 1.25.2, 1.26.4)
            ↓ ERROR: No matching distribution found for numpy==1.19.5
            """#,
        ],
        nonTriggering: [
            #"""
            Collecting numpy==1.26.4
              Using cached numpy-1.26.4-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl (18.0 MB)
            Successfully installed numpy-1.26.4
            """#,
        ]
    )
}
