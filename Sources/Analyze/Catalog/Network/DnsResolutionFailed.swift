// wording: resolver failures: Go ("lookup HOST on DNS:53: no such host"; ECR hosts have their own rule),
// glibc via Python ("Temporary failure in name resolution"), apt ("Temporary failure resolving 'HOST'"), curl/git ("Could not resolve host: HOST"),
// Node ("getaddrinfo EAI_AGAIN HOST", "getaddrinfo ENOTFOUND HOST").
extension Rule {
    static let dnsResolutionFailed = Rule(
        id: "dns-resolution-failed",
        category: .networkTimeout,
        title: "Host name could not be resolved",
        severity: .error,
        literals: ["no such host", "Temporary failure in name resolution", "Temporary failure resolving", "Could not resolve host", "getaddrinfo EAI_AGAIN", "getaddrinfo ENOTFOUND"],
        regex: #"(?:lookup (?<host>\S+?)(?: on \S+)?: no such host|Temporary failure in name resolution|Temporary failure resolving '(?<apthost>[^']+)'|Could not resolve host: (?<curlhost>[^\s;]+)|getaddrinfo (?:EAI_AGAIN|ENOTFOUND) (?<nodehost>\S+))"#,
        // An ECR registry that does not resolve is the registry-URI rules' finding.
        exclude: #"lookup \S*\.dkr\.ecr"#,
        explanation: """
            The build could not resolve a host name. In a VPC-attached CodeBuild project this means the VPC's \
            DNS resolution is off or the subnets have no route to the internet (no NAT gateway); outside a VPC \
            it is usually a typo in the host name or a transient DNS failure.
            """,
        remediation: """
            Check the host name; for a VPC project enable DNS resolution and DNS hostnames on the VPC, use \
            private subnets with a NAT gateway, and run "Validate VPC settings" in the project's environment \
            settings. Retry once to rule out a transient failure.
            """,
        docURL: "https://docs.aws.amazon.com/codebuild/latest/userguide/vpc-support.html",
        triggering: [
            #"""
            [Container] 2024/03/06 10:00:05.100000 Running command npm ci
            ↓ npm ERR! request to https://registry.npmjs.org/express failed, reason: getaddrinfo EAI_AGAIN registry.npmjs.org
            """#,
            #"""
            ↓ Get "https://registry-1.docker.io/v2/": dial tcp: lookup registry-1.docker.io on 10.0.0.2:53: no such host
            """#,
            #"""
            ↓ fatal: unable to access 'https://github.com/acme/lib.git/': Could not resolve host: github.com
            Err:1 http://deb.debian.org/debian bookworm InRelease
            ↓   Temporary failure resolving 'deb.debian.org'
            ↓ requests.exceptions.ConnectionError: HTTPSConnectionPool(host='api.acme.dev', port=443): Max retries exceeded with url: /v1/health (Caused by NameResolutionError("<urllib3.connection.HTTPSConnection object at 0x7f2a1c3b4d60>: Failed to resolve 'api.acme.dev' ([Errno -3] Temporary failure in name resolution)"))
            """#,
        ],
        nonTriggering: [
            #"""
            Get "https://123456789012.dkr.ecr.us-east01.amazonaws.com/v2/": dial tcp: lookup 123456789012.dkr.ecr.us-east01.amazonaws.com on 10.0.0.2:53: no such host
            Resolving registry.npmjs.org... done
            """#,
        ]
    )
}
