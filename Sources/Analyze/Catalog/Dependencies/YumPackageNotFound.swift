// wording: yum ("No package NAME available.", then "Error: Nothing to do") and dnf ("Error: Unable to find a
// match: NAME", "No match for argument: NAME") on Amazon Linux images.
extension Rule {
    static let yumPackageNotFound = Rule(
        id: "yum-package-not-found",
        category: .dependencyInstallFailed,
        title: "yum/dnf could not find a package",
        severity: .error,
        literals: ["available.", "Unable to find a match", "No match for argument"],
        regex: "^" + BuiltinCatalog.buildKitStepPrefix + #"(?:No package (?<package>\S+) available\.|Error: Unable to find a match: (?<dnfpackage>.+)|No match for argument: (?<argument>\S+))"#,
        explanation: """
            The package manager has no such package in the enabled repositories: the name differs on Amazon \
            Linux 2 vs 2023, the package is in EPEL or an extra repository that is not enabled, or the image is \
            Ubuntu (which uses apt).
            """,
        remediation: """
            Search the right name (`dnf search <name>` / `yum search <name>`), enable the repository that has \
            it (e.g. `amazon-linux-extras enable <topic>` on Amazon Linux 2), or use apt-get on Ubuntu images.
            """,
        docURL: "https://docs.aws.amazon.com/linux/al2023/ug/managing-repos-os-updates.html",
        triggering: [
            #"""
            [Container] 2024/03/06 10:00:02.100000 Running command yum install -y ImageMagick-devel
            Loaded plugins: ovl, priorities
            ↓ No package ImageMagick-devel available.
            Error: Nothing to do
            """#,
            #"""
            ↓ No match for argument: python3.8
            ↓ Error: Unable to find a match: python3.8
            """#,
        ],
        nonTriggering: [
            #"""
            Package git-2.40.1-1.amzn2023.0.1.x86_64 is already installed.
            Dependencies resolved.
            Nothing to do.
            Complete!
            """#,
        ]
    )
}
