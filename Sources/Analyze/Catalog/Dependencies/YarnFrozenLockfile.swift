// wording: Yarn 1 ("error Your lockfile needs to be updated, but yarn was run with `--frozen-lockfile`.")
// and Yarn Berry ("YN0028: The lockfile would have been modified by this install, which is explicitly
// forbidden.").
extension Rule {
    static let yarnFrozenLockfile = Rule(
        id: "yarn-frozen-lockfile",
        category: .dependencyInstallFailed,
        title: "yarn.lock is out of date",
        severity: .error,
        literals: ["Your lockfile needs to be updated", "The lockfile would have been modified by this install"],
        explanation: """
            The install ran with a frozen lockfile (`--frozen-lockfile`, `--immutable`, or CI defaults) but \
            package.json asks for versions yarn.lock does not contain.
            """,
        remediation: """
            Run `yarn install` locally with the same Yarn version, commit the updated yarn.lock, and keep the \
            frozen install in CI.
            """,
        docURL: "https://classic.yarnpkg.com/lang/en/docs/cli/install/#toc-yarn-install-frozen-lockfile",
        triggering: [
            #"""
            [Container] 2024/03/06 10:00:03.100000 Running command yarn install --frozen-lockfile
            yarn install v1.22.19
            [1/4] Resolving packages...
            ↓ error Your lockfile needs to be updated, but yarn was run with `--frozen-lockfile`.
            info Visit https://yarnpkg.com/en/docs/cli/install for documentation about this command.
            """#,
            #"""
            ↓ ➤ YN0028: │ The lockfile would have been modified by this install, which is explicitly forbidden.
            """#,
        ],
        nonTriggering: [
            #"""
            [1/4] Resolving packages...
            success Already up-to-date.
            """#,
        ]
    )
}
