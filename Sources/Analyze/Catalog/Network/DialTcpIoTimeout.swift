// wording: Go net errors as Docker, the Go toolchain and other Go tools print them ("dial tcp IP:443: i/o
// timeout", the resolver's "dial tcp: lookup HOST on IP:53: … i/o timeout", "net/http: TLS handshake timeout", "net/http: request canceled while waiting for connection").
extension Rule {
    static let dialTcpIoTimeout = Rule(
        id: "dial-tcp-io-timeout",
        category: .networkTimeout,
        title: "Network connection timed out",
        severity: .error,
        literals: ["i/o timeout", "TLS handshake timeout", "request canceled while waiting for connection"],
        // The resolver's form names the host it looked up: "dial tcp: lookup proxy.golang.org on 10.0.0.2:53: read
        // udp 10.0.1.5:40000->10.0.0.2:53: i/o timeout".
        regex: #"(?:dial tcp(?: (?<address>[^\s:]+:\d+))?: (?:lookup (?<host>\S+) on \S+: .*)?i/o timeout|net/http: TLS handshake timeout|net/http: request canceled while waiting for connection)"#,
        explanation: """
            A connection from the build timed out. In a CodeBuild project attached to a VPC, outbound traffic \
            needs private subnets with a NAT gateway (or VPC endpoints for AWS services); public subnets do not \
            work because build containers get no public IP. Security groups or network ACLs blocking port 443 \
            and registry outages look the same.
            """,
        remediation: """
            Check the project's VPC settings: private subnets whose route table sends 0.0.0.0/0 to a NAT \
            gateway, a security group allowing outbound 443, or VPC endpoints (com.amazonaws.<region>.ecr.api, \
            ecr.dkr, s3 gateway) for ECR. The console's "Validate VPC settings" button tests this.
            """,
        docURL: "https://docs.aws.amazon.com/codebuild/latest/userguide/vpc-support.html",
        triggering: [
            #"""
            ↓ go: github.com/aws/aws-sdk-go@v1.44.0: Get "https://proxy.golang.org/github.com/aws/aws-sdk-go/@v/v1.44.0.mod": dial tcp: lookup proxy.golang.org on 10.0.0.2:53: read udp 10.0.1.5:40000->10.0.0.2:53: i/o timeout
            """#,
            #"""
            [Container] 2024/03/06 10:00:05.100000 Running command docker pull node:18-alpine
            ↓ Error response from daemon: Get "https://registry-1.docker.io/v2/": dial tcp 54.196.99.49:443: i/o timeout
            """#,
            #"""
            ↓ Error response from daemon: Get "https://123456789012.dkr.ecr.us-east-1.amazonaws.com/v2/": net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)
            """#,
            #"""
            ↓ go: github.com/aws/aws-sdk-go-v2@v1.25.0: Get "https://proxy.golang.org/github.com/aws/aws-sdk-go-v2/@v/v1.25.0.mod": net/http: TLS handshake timeout
            """#,
        ],
        nonTriggering: [
            #"""
            --- PASS: TestClientHandlesIOTimeout (0.01s)
            level=info msg="retrying after i/o error" attempt=1
            """#,
        ]
    )
}
