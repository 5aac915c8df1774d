// wording: docker-compose v1 (Python) when the daemon is not running ("Couldn't connect to Docker daemon at
// http+docker://localhost - is it running?"), aws/aws-codebuild-docker-images#214.
extension Rule {
    static let dockerComposeDaemonUnreachable = Rule(
        id: "docker-compose-daemon-unreachable",
        category: .dockerDaemonUnavailable,
        title: "docker-compose cannot reach the Docker daemon",
        severity: .error,
        literals: ["Couldn't connect to Docker daemon"],
        explanation: """
            docker-compose found no Docker daemon. In CodeBuild the daemon runs only with privileged mode \
            enabled (and, for custom images, after you start `dockerd`).
            """,
        remediation: """
            Enable privileged mode on the project (Environment > Privileged, or `privilegedMode=true` in \
            `aws codebuild update-project --environment ...`); for a custom image start `dockerd` in the \
            install phase and wait for `docker info` to succeed.
            """,
        docURL: "https://docs.aws.amazon.com/codebuild/latest/userguide/troubleshooting.html#troubleshooting-cannot-connect-to-docker-daemon",
        triggering: [
            #"""
            [Container] 2024/03/06 10:00:05.100000 Running command docker-compose -f docker-compose.ci.yml up -d db
            ↓ ERROR: Couldn't connect to Docker daemon at http+docker://localhost - is it running?

            If it's at a non-standard location, specify the URL with the DOCKER_HOST environment variable.
            """#,
        ],
        nonTriggering: [
            #"""
            Creating network "app_default" with the default driver
            Creating app_db_1 ... done
            """#,
        ]
    )
}
