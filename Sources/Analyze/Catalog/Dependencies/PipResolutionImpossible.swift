// wording: pip's backtracking resolver ("ERROR: Cannot install A==1 and B==2 because these package versions
// have conflicting dependencies.", "ERROR: ResolutionImpossible: for help visit https://pip.pypa.io/...").
extension Rule {
    static let pipResolutionImpossible = Rule(
        id: "pip-resolution-impossible",
        category: .dependencyInstallFailed,
        title: "pip found conflicting requirements",
        severity: .error,
        literals: ["ResolutionImpossible", "have conflicting dependencies"],
        regex: "^" + BuiltinCatalog.buildKitStepPrefix + #"ERROR: (?:ResolutionImpossible|Cannot install .+ because these package versions have conflicting dependencies)"#,
        explanation: """
            The pinned requirements cannot all be satisfied together: two packages require incompatible \
            versions of a shared dependency. The lines between these errors name the conflict.
            """,
        remediation: """
            Relax or align the conflicting pins (pip prints "The conflict is caused by: ..."), regenerate a \
            lock file with pip-tools or Poetry, and install from it.
            """,
        docURL: "https://pip.pypa.io/en/latest/topics/dependency-resolution/#dealing-with-dependency-conflicts",
        triggering: [
            #"""
            ↓ ERROR: Cannot install -r requirements.txt (line 3) and urllib3==2.2.1 because these package versions have conflicting dependencies.

            The conflict is caused by:
                The user requested urllib3==2.2.1
                botocore 1.31.0 depends on urllib3<1.27 and >=1.25.4; python_version < "3.10"
            ↓ ERROR: ResolutionImpossible: for help visit https://pip.pypa.io/en/latest/topics/dependency-resolution/#dealing-with-dependency-conflicts
            """#,
        ],
        nonTriggering: [
            #"""
            INFO: pip is looking at multiple versions of botocore to determine which version is compatible with other requirements. This could take a while.
            Successfully installed botocore-1.34.0 urllib3-2.0.7
            """#,
        ]
    )
}
