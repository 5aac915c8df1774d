// wording: git over HTTPS when credentials are missing or wrong ("fatal: Authentication failed for 'URL'",
// "fatal: could not read Username for 'https://github.com': No such device or address"), as in
// submodule or extra-repository clones inside a build.
extension Rule {
    static let gitCloneAuthenticationFailed = Rule(
        id: "git-clone-authentication-failed",
        category: .sourceDownloadFailed,
        title: "git could not authenticate to the repository",
        severity: .error,
        literals: ["fatal: Authentication failed for", "fatal: could not read Username for"],
        regex: #"fatal: (?:Authentication failed for '(?<url>[^']+)'|could not read Username for '(?<host>[^']+)')"#,
        explanation: """
            A `git clone`/`fetch` in the build (a submodule, a second repository, a private dependency) had no \
            working credentials: CodeBuild's source credential is only used for the primary source download, \
            not for git commands in the buildspec.
            """,
        remediation: """
            Enable "Use Git submodules" on the project source for submodules, or give git a token from \
            Secrets Manager: `git config --global url."https://x-access-token:${GITHUB_TOKEN}@github.com/".insteadOf \
            "https://github.com/"` with `GITHUB_TOKEN` under `env: secrets-manager:` in the buildspec.
            """,
        docURL: "https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec.env.secrets-manager",
        triggering: [
            #"""
            [Container] 2024/03/06 10:00:03.100000 Running command git submodule update --init --recursive
            Cloning into '/codebuild/output/src123/src/vendor/shared'...
            ↓ fatal: could not read Username for 'https://github.com': No such device or address
            fatal: clone of 'https://github.com/acme/shared.git' into submodule path 'vendor/shared' failed
            """#,
            #"""
            remote: Invalid username or password.
            ↓ fatal: Authentication failed for 'https://github.com/acme/private-lib.git/'
            """#,
        ],
        nonTriggering: [
            #"""
            Cloning into 'private-lib'...
            remote: Enumerating objects: 42, done.
            Receiving objects: 100% (42/42), done.
            """#,
        ]
    )
}
