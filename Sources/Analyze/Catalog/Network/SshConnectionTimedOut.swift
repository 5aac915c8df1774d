// wording: OpenSSH's connect failure ("ssh: connect to host git.example.com port 22: Connection timed out",
// "… Operation timed out"), printed by `git clone` over SSH (aws-quickstart/quickstart-git2s3#84: a CodeBuild
// build that could not reach the Git server on port 22), and Ruby net-ssh's "Net::SSH::ConnectionTimeout" (envato/
// ami-spec#54: waiting for SSH to an instance from CodeBuild).
extension Rule {
    static let sshConnectionTimedOut = Rule(
        id: "ssh-connection-timed-out",
        category: .networkTimeout,
        title: "SSH connection timed out",
        severity: .error,
        literals: ["ssh: connect to host", "Net::SSH::ConnectionTimeout"],
        regex: #"(?:ssh: connect to host (?<host>\S+) port (?<port>\d+): (?:Connection|Operation) timed out|Net::SSH::ConnectionTimeout)"#,
        explanation: """
            The build could not open an SSH connection to `{{host|the server}}` port {{port|22}}: nothing answered. Outbound \
            port {{port|22}} blocked by a security group, network ACL or firewall, a VPC build without a NAT \
            gateway, or a server that accepts SSH only from listed addresses are the usual causes.
            """,
        remediation: """
            Allow outbound TCP {{port|22}} from the build (security group, NACL, NAT), ask the server's owner to \
            allow CodeBuild's addresses, or clone over HTTPS with a token (CodeBuild source credentials).
            """,
        docURL: "https://docs.aws.amazon.com/codebuild/latest/userguide/vpc-support.html",
        triggering: [
            #"""
            ↓ ssh: connect to host git.example.com port 22: Connection timed out
            fatal: Could not read from remote repository.
            """#,
            #"""
            ↓ /gems/net-ssh-5.2.0/lib/net/ssh/transport/session.rb:92:in `rescue in initialize': Net::SSH::ConnectionTimeout (Net::SSH::ConnectionTimeout)
            """#,
        ],
        nonTriggering: [
            #"""
            ssh: connect to host git.example.com port 22: Connection refused
            Warning: Permanently added 'github.com' (ED25519) to the list of known hosts.
            """#,
        ]
    )
}
