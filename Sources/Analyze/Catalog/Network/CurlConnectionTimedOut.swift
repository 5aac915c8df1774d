// wording: curl's error texts for CURLE_OPERATION_TIMEDOUT and connect failures ("curl: (28) Connection timed
// out after 10001 milliseconds", "curl: (28) Failed to connect to HOST port 443 after 129 ms: Connection
// timed out"), and git over HTTPS reusing them ("Failed to connect to github.com port 443 ...").
extension Rule {
    static let curlConnectionTimedOut = Rule(
        id: "curl-connection-timed-out",
        category: .networkTimeout,
        title: "Download connection timed out",
        severity: .error,
        literals: ["Connection timed out", "Operation timed out"],
        regex: #"(?:curl: \(28\)|Failed to connect to (?<host>\S+) port \d+)(?:.*?)(?:Connection timed out|Operation timed out)"#,
        explanation: """
            A download with curl (or git over HTTPS) could not connect in time. Builds in a VPC without a NAT \
            gateway, firewalls blocking outbound HTTPS, or an unreachable server cause it.
            """,
        remediation: """
            Check the URL and that the build can reach the internet (NAT gateway for VPC projects); add retries \
            for flaky downloads: `curl --retry 5 --retry-all-errors --connect-timeout 20 -fsSLO <url>`.
            """,
        docURL: "https://docs.aws.amazon.com/codebuild/latest/userguide/vpc-support.html",
        triggering: [
            #"""
            [Container] 2024/03/06 10:00:03.100000 Running command curl -fsSLo terraform.zip https://releases.hashicorp.com/terraform/1.7.4/terraform_1.7.4_linux_amd64.zip
            ↓ curl: (28) Failed to connect to releases.hashicorp.com port 443 after 130012 ms: Connection timed out
            """#,
            #"""
            ↓ fatal: unable to access 'https://github.com/acme/tools.git/': Failed to connect to github.com port 443: Connection timed out
            """#,
        ],
        nonTriggering: [
            #"""
              % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current
            100 25.1M  100 25.1M    0     0  41.2M      0 --:--:-- --:--:-- --:--:-- 41.2M
            """#,
        ]
    )
}
