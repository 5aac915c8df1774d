// wording: npm registry 404s ("npm ERR! code E404", "npm ERR! 404 Not Found - GET https://registry.npmjs.org/NAME
// - Not found", "npm ERR! 404  'NAME@VERSION' is not in this registry."; npm 10 uses "npm error").
extension Rule {
    static let npmPackageNotFound = Rule(
        id: "npm-package-not-found",
        category: .dependencyInstallFailed,
        title: "npm package or version not found in the registry",
        severity: .error,
        literals: ["E404", "404 Not Found - GET"],
        regex: "^" + BuiltinCatalog.buildKitStepPrefix + #"npm (?:ERR!|error) (?:code E404$|404 Not Found - GET (?<url>\S+))"#,
        explanation: """
            The registry has no such package or version ({{url}}): a typo, an unpublished or private package, or \
            a scoped package (`@acme/...`) that should come from a private registry (CodeArtifact) for which \
            the build has no `.npmrc` or token.
            """,
        remediation: """
            Check the name and version in package.json; for private packages log in before installing, e.g. \
            `aws codeartifact login --tool npm --domain <domain> --domain-owner $AWS_ACCOUNT_ID --repository <repo>`, \
            or configure the scope in `.npmrc` (`@acme:registry=https://...`).
            """,
        docURL: "https://docs.aws.amazon.com/codeartifact/latest/ug/npm-auth.html",
        triggering: [
            #"""
            [Container] 2024/03/06 10:00:03.100000 Running command npm ci
            ↓ npm ERR! code E404
            ↓ npm ERR! 404 Not Found - GET https://registry.npmjs.org/@acme%2fdesign-system - Not found
            npm ERR! 404
            npm ERR! 404  '@acme/design-system@^3.1.0' is not in this registry.
            """#,
        ],
        nonTriggering: [
            #"""
            npm ERR! code E403
            GET /api/items 404 Not Found - GET handler missing (mock server log)
            """#,
        ]
    )
}
