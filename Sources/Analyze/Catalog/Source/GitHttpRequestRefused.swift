// wording: git's HTTP transport when the server refuses a clone or fetch ("error: RPC failed; HTTP 429 curl 22 The
// requested URL returned error: 429", "fatal: unable to access 'https://…/': The requested URL returned error: 403",
// remote-curl.c and http.c), seen when a build clones its source or a dependency repository and the host rate
// limits (429), forbids (403) or fails (5xx) the request.
extension Rule {
    static let gitHttpRequestRefused = Rule(
        id: "git-http-request-refused",
        category: .sourceDownloadFailed,
        title: "The Git server refused the clone or fetch",
        severity: .error,
        literals: ["RPC failed; HTTP", "The requested URL returned error:"],
        regex: #"(?:error: RPC failed; HTTP |fatal: unable to access '[^']+': The requested URL returned error: )(?<status>\d{3})"#,
        explanation: """
            The Git server answered the clone or fetch with HTTP {{status}}: 429 means it rate-limited the \
            build (many builds cloning at once, or anonymous clones from shared NAT addresses), 401/403 that the \
            credentials lack access, 5xx that the server failed.
            """,
        remediation: """
            For 429: authenticate the clone (CodeBuild source credentials or a token from Secrets Manager), use a \
            shallow clone (`git-clone-depth: 1`) and fewer concurrent builds; for 401/403: give the token or \
            connection read access to the repository; for 5xx: retry.
            """,
        docURL: "https://docs.aws.amazon.com/codebuild/latest/userguide/access-tokens.html",
        triggering: [
            #"""
            Cloning into 'vendor/lib'...
            ↓ error: RPC failed; HTTP 429 curl 22 The requested URL returned error: 429
            fatal: the remote end hung up unexpectedly
            """#,
            #"""
            ↓ fatal: unable to access 'https://github.com/acme/app.git/': The requested URL returned error: 403
            """#,
        ],
        nonTriggering: [
            #"""
            Cloning into 'app'...
            remote: Enumerating objects: 120, done.
            """#,
        ]
    )
}
