// wording: apt's signature errors when a third-party repository's key expired or is missing:
// "W: GPG error: https://dl.yarnpkg.com/debian stable InRelease: The following signatures were invalid: EXPKEYSIG
// 23E7166788B63E1E Yarn Packaging", "NO_PUBKEY …", then "E: The repository '…' is not signed."
// (aws/aws-codebuild-docker-images#419, #594, #739; apt's apt-pkg/acquire-item.cc).
extension Rule {
    static let aptRepositorySignatureInvalid = Rule(
        id: "apt-repository-signature-invalid",
        category: .dependencyInstallFailed,
        title: "An apt repository's signing key expired or is missing",
        severity: .error,
        literals: ["is not signed", "EXPKEYSIG", "NO_PUBKEY"],
        regex: #"(?:E: The repository '(?<repository>[^']+)' is not signed|signatures were invalid: EXPKEYSIG (?<expired>[0-9A-F]+)|public key is not available: NO_PUBKEY (?<missing>[0-9A-F]+)|signatures couldn't be verified because the public key is not available: NO_PUBKEY (?<missingkey>[0-9A-F]+))"#,
        explanation: """
            `apt-get update` refused a repository because its signature could not be verified: the repository's \
            signing key in the image has expired or is missing. Third-party repositories preinstalled in build images (Yarn, Google Chrome, GitHub \
            CLI) rotate their keys, and every `apt-get update` then fails until the key is renewed.
            """,
        remediation: """
            Import the repository's current key before `apt-get update` (e.g. `curl -sS \
            https://dl.yarnpkg.com/debian/pubkey.gpg | apt-key add -`, or write the vendor's keyring to \
            /etc/apt/keyrings), remove the repository if you do not use it (`rm \
            /etc/apt/sources.list.d/<name>.list`), or move to a newer image.
            """,
        docURL: "https://wiki.debian.org/SecureApt",
        triggering: [
            #"""
            [Container] 2021/02/10 10:00:00 Running command apt-get update
            ↓ W: GPG error: https://dl.yarnpkg.com/debian stable InRelease: The following signatures were invalid: EXPKEYSIG 23E7166788B63E1E Yarn Packaging <yarn@dan.cx>
            ↓ E: The repository 'https://dl.yarnpkg.com/debian stable InRelease' is not signed.
            """#,
            #"""
            ↓ W: GPG error: https://cli.github.com/packages stable InRelease: The following signatures couldn't be verified because the public key is not available: NO_PUBKEY 23F3D4EA75716059
            """#,
        ],
        nonTriggering: [
            "Get:1 https://dl.yarnpkg.com/debian stable InRelease [17.1 kB]",
            "W: https://cli.github.com/packages/dists/stable/InRelease: Key is stored in legacy trusted.gpg keyring (/etc/apt/trusted.gpg)",
        ]
    )
}
