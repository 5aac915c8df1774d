// wording: npm network errors ("npm ERR! code ETIMEDOUT", "npm ERR! errno ETIMEDOUT", npm 10 "npm error code
// ETIMEDOUT", "request to URL failed, reason: connect ETIMEDOUT IP:443") and yarn's "ESOCKETTIMEDOUT".
extension Rule {
    static let npmRequestTimedOut = Rule(
        id: "npm-request-timed-out",
        category: .networkTimeout,
        title: "Package registry request timed out",
        severity: .error,
        literals: ["ETIMEDOUT", "ESOCKETTIMEDOUT"],
        regex: #"(?:^npm (?:ERR!|error) code ETIMEDOUT$|request to (?<url>\S+) failed, reason: connect ETIMEDOUT|ESOCKETTIMEDOUT)"#,
        explanation: """
            npm or yarn timed out talking to the package registry: the build has no outbound route (VPC \
            without NAT), a proxy or private registry (CodeArtifact) is unreachable, or the registry was slow.
            """,
        remediation: """
            For VPC projects route outbound traffic through a NAT gateway (or use CodeArtifact with its VPC \
            endpoints); retry with longer timeouts: `npm config set fetch-retries 5` and \
            `npm config set fetch-retry-maxtimeout 120000`; cache `~/.npm` between builds.
            """,
        docURL: "https://docs.aws.amazon.com/codebuild/latest/userguide/vpc-support.html",
        triggering: [
            #"""
            [Container] 2024/03/06 10:00:05.100000 Running command npm ci
            ↓ npm ERR! code ETIMEDOUT
            npm ERR! errno ETIMEDOUT
            ↓ npm ERR! network request to https://registry.npmjs.org/react failed, reason: connect ETIMEDOUT 104.16.27.34:443
            npm ERR! network This is a problem related to network connectivity.
            """#,
            #"""
            ↓ error An unexpected error occurred: "https://registry.yarnpkg.com/lodash/-/lodash-4.17.21.tgz: ESOCKETTIMEDOUT".
            """#,
        ],
        nonTriggering: [
            #"""
            added 1289 packages, and audited 1290 packages in 41s
            npm WARN config fetch-retry-mintimeout is set, ETIMEDOUT retries enabled
            """#,
        ]
    )
}
