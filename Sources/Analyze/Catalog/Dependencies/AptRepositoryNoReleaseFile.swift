// wording: apt's acquire-item.cc for a repository that serves no (or no longer a) Release file: "E: The repository
// 'http://dl.google.com/linux/chrome/deb stable Release' does not have a Release file." and "… no longer has a
// Release file." (aws/aws-codebuild-docker-images#477: a third-party list preinstalled in the image broke
// `apt-get update`). Signature failures have apt-repository-signature-invalid.
extension Rule {
    static let aptRepositoryNoReleaseFile = Rule(
        id: "apt-repository-no-release-file",
        category: .dependencyInstallFailed,
        title: "An apt repository has no Release file",
        severity: .error,
        literals: ["a Release file"],
        regex: #"^(?:E: |Err:\d+ )?The repository '(?<repository>[^']+)' (?:does not have|no longer has) a Release file"#,
        explanation: """
            `apt-get update` failed because the repository `{{repository}}` serves no Release file: the \
            repository moved, dropped this distribution release, or the sources list points at a wrong URL. \
            Every `apt-get update` fails (exit status 100) until that source is fixed or removed.
            """,
        remediation: """
            Remove or correct the source under `/etc/apt/sources.list.d/` before `apt-get update` (for a \
            distribution that reached end of life, point it at `archive.ubuntu.com`/`archive.debian.org`), or \
            move to a current build image.
            """,
        docURL: "https://docs.aws.amazon.com/codebuild/latest/userguide/build-env-ref-available.html",
        triggering: [
            #"""
            [Container] 2024/03/06 10:00:02.000000 Running command apt-get update -y
            Hit:1 http://archive.ubuntu.com/ubuntu focal InRelease
            ↓ E: The repository 'http://dl.google.com/linux/chrome/deb stable Release' does not have a Release file.
            N: Updating from such a repository can't be done securely, and is therefore disabled by default.
            """#,
            #"""
            ↓ E: The repository 'http://security.debian.org buster/updates Release' no longer has a Release file.
            """#,
        ],
        nonTriggering: [
            #"""
            Get:1 http://archive.ubuntu.com/ubuntu focal Release [265 kB]
            N: See apt-secure(8) manpage for repository creation and user configuration details.
            """#,
        ]
    )
}
