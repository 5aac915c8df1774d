// wording: a connection the peer or the network dropped mid-transfer, as Python prints it ("BrokenPipeError:
// [Errno 32] Broken pipe", "ConnectionResetError: [Errno 104] Connection reset by peer", urllib3's
// "ProtocolError('Connection aborted.'") and as Go tools print it ("read: connection reset by peer"); seen while
// pip downloaded wheels in a CodeBuild docker build (awslabs idp PR #576: a transient PyPI connection drop).
extension Rule {
    static let connectionDropped = Rule(
        id: "connection-dropped",
        category: .networkTimeout,
        title: "A network connection was dropped mid-transfer",
        severity: .error,
        literals: ["Broken pipe", "Connection reset by peer", "connection reset by peer", "Connection aborted."],
        regex: #"(?:BrokenPipeError: \[Errno 32\] Broken pipe|ConnectionResetError: \[Errno 104\] Connection reset by peer|ProtocolError\('Connection aborted\.'|read(?: tcp \S+)?: connection reset by peer)"#,
        explanation: """
            A download or upload lost its connection before it finished (the other side or a network device \
            reset it). A registry or package index having a bad moment, a proxy or NAT gateway dropping long \
            transfers, or a flaky VPC route are the usual causes; the same build often passes when retried.
            """,
        remediation: """
            Retry the build; make the download retry (`pip install --retries 10 --timeout 60`, `npm ci \
            --fetch-retries 5`, a `for i in 1 2 3; do docker pull … && break; sleep 10; done` loop), and cache \
            dependencies (CodeBuild local or S3 cache) to download less.
            """,
        docURL: "https://docs.aws.amazon.com/codebuild/latest/userguide/build-caching.html",
        triggering: [
            #"""
            #8 6.437 Downloading numpy-1.26.4-cp311-cp311-manylinux_2_17_x86_64.whl (18.0 MB)
            #8 6.653 ERROR: Exception:
            ↓    BrokenPipeError: [Errno 32] Broken pipe
            """#,
            #"""
            ↓ error pulling image configuration: download failed after attempts=6: read tcp 10.0.1.5:41234->104.18.121.25:443: read: connection reset by peer
            """#,
        ],
        nonTriggering: [
            #"""
            cat big.txt | head -n 1
            Connection to github.com closed.
            """#,
        ]
    )
}
