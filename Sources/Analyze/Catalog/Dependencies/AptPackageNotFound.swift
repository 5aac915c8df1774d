// wording: apt ("E: Unable to locate package NAME", "E: Package 'NAME' has no installation candidate").
extension Rule {
    static let aptPackageNotFound = Rule(
        id: "apt-package-not-found",
        category: .dependencyInstallFailed,
        title: "apt could not find a package",
        severity: .error,
        literals: ["E: Unable to locate package", "has no installation candidate"],
        regex: "^" + BuiltinCatalog.buildKitStepPrefix + #"E: (?:Unable to locate package (?<package>\S+)|Package '(?<candidate>[^']+)' has no installation candidate)"#,
        explanation: """
            apt does not know the package: the package lists were not refreshed (`apt-get update` missing in \
            this image or step), the name differs on this Ubuntu/Debian release, or the build image is Amazon \
            Linux (which uses yum/dnf, not apt).
            """,
        remediation: """
            Run `apt-get update` in the same command (`apt-get update && apt-get install -y <package>`), check \
            the package name for the image's release (`apt-cache search <name>`), and use yum/dnf on Amazon \
            Linux images.
            """,
        docURL: "https://docs.aws.amazon.com/codebuild/latest/userguide/build-env-ref-available.html",
        triggering: [
            #"""
            [Container] 2024/03/06 10:00:02.100000 Running command apt-get install -y libvips-dev
            Reading package lists...
            Building dependency tree...
            ↓ E: Unable to locate package libvips-dev
            """#,
            #"""
            ↓ E: Package 'python3.7' has no installation candidate
            """#,
            #"""
            #6 [2/5] RUN apt-get update && apt-get install -y libvips-dev
            #6 3.112 Reading package lists...
            ↓ #6 3.120 E: Unable to locate package libvips-dev
            #6 ERROR: process "/bin/sh -c apt-get update && apt-get install -y libvips-dev" did not complete successfully: exit code: 100
            """#,
        ],
        nonTriggering: [
            #"""
            Reading package lists...
            libvips-dev is already the newest version (8.15.1-1).
            W: Unable to read /etc/apt/apt.conf.d/ - DirectoryExists (2: No such file or directory)
            """#,
        ]
    )
}
