// wording: pnpm's error codes ("ERR_PNPM_OUTDATED_LOCKFILE  Cannot install with \"frozen-lockfile\" because
// pnpm-lock.yaml is not up to date with package.json", "ERR_PNPM_FETCH_404  GET URL: Not Found - 404",
// "ERR_PNPM_NO_MATCHING_VERSION").
extension Rule {
    static let pnpmInstallError = Rule(
        id: "pnpm-install-error",
        category: .dependencyInstallFailed,
        title: "pnpm install failed",
        severity: .error,
        literals: ["ERR_PNPM_"],
        regex: #"ERR_PNPM_(?<code>OUTDATED_LOCKFILE|FETCH_\d{3}|NO_MATCHING_VERSION|PEER_DEP_ISSUES|LOCKFILE_CONFIG_MISMATCH|UNSUPPORTED_ENGINE)\b\s*(?<detail>.*)"#,
        explanation: """
            pnpm stopped with `ERR_PNPM_{{code}}`: {{detail}}. An outdated pnpm-lock.yaml, a version that does \
            not exist, a private package without registry credentials, or an engine mismatch.
            """,
        remediation: """
            For OUTDATED_LOCKFILE run `pnpm install` locally with the build's pnpm version and commit \
            pnpm-lock.yaml; for FETCH_404/NO_MATCHING_VERSION fix the name/version or configure the private \
            registry in `.npmrc`; pin pnpm with `corepack enable && corepack prepare pnpm@<version> --activate`.
            """,
        docURL: "https://pnpm.io/cli/install#--frozen-lockfile",
        triggering: [
            #"""
            [Container] 2024/03/06 10:00:03.100000 Running command pnpm install --frozen-lockfile
            Lockfile is up to date, resolution step is skipped
            ↓  ERR_PNPM_OUTDATED_LOCKFILE  Cannot install with "frozen-lockfile" because pnpm-lock.yaml is not up to date with package.json
            """#,
        ],
        nonTriggering: [
            #"""
            Lockfile is up to date, resolution step is skipped
            Packages: +312
            Done in 6.1s
            """#,
        ]
    )
}
