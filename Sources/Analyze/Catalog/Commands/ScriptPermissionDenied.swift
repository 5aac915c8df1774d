// wording: shells when a script lacks the execute bit ("/codebuild/output/tmp/script.sh: line 4:
// ./deploy.sh: Permission denied", dash: "/codebuild/output/tmp/script.sh: 4: ./deploy.sh: Permission denied").
extension Rule {
    static let scriptPermissionDenied = Rule(
        id: "script-permission-denied",
        category: .commandNotFound,
        title: "Script is not executable",
        severity: .error,
        literals: ["Permission denied"],
        regex: #"^(?:\S*/)?(?:[\w.-]*\.sh|(?:ba|z|da)?sh):(?: line \d+:| \d+:)? (?<script>\.{0,2}/[^\s:]+): Permission denied\s*$"#,
        explanation: """
            `{{script}}` exists but is not executable: the execute bit was not committed (Windows checkouts, \
            zip uploads to S3 lose it), so the shell refused to run it.
            """,
        remediation: """
            Commit the mode (`git update-index --chmod=+x {{script}}`), or run it through its interpreter \
            (`bash {{script}}`) or `chmod +x {{script}}` before calling it.
            """,
        docURL: "https://docs.aws.amazon.com/codebuild/latest/userguide/troubleshooting.html",
        triggering: [
            #"""
            [Container] 2024/03/06 10:00:05.100000 Running command ./scripts/deploy.sh
            ↓ /codebuild/output/tmp/script.sh: line 4: ./scripts/deploy.sh: Permission denied
            [Container] 2024/03/06 10:00:05.200000 Command did not exit successfully ./scripts/deploy.sh exit status 126
            """#,
        ],
        nonTriggering: [
            #"""
            Got permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock: connect: permission denied
            rm: cannot remove '/etc/hosts': Permission denied
            """#,
        ]
    )
}
