// wording: Docker CLI when the daemon socket does not answer ("Cannot connect to the Docker daemon at
// unix:///var/run/docker.sock. Is the docker daemon running?"), aws/aws-codebuild-docker-images#164,
// #574 and the CodeBuild troubleshooting guide; pre-17.x clients said "... Is the docker daemon running
// on this host?" (aws/aws-codebuild-docker-images#1).
extension Rule {
    static let dockerDaemonNotRunning = Rule(
        id: "docker-daemon-not-running",
        category: .dockerDaemonUnavailable,
        title: "Docker daemon not running (privileged mode off?)",
        severity: .error,
        literals: ["Cannot connect to the Docker daemon"],
        regex: #"Cannot connect to the Docker daemon(?: at (?<socket>\S+?))?\.? Is the docker daemon running"#,
        explanation: """
            The Docker client found no daemon listening. In CodeBuild the Docker daemon only runs when the \
            project's environment has privileged mode enabled; with a custom image you must also start \
            `dockerd` yourself.
            """,
        remediation: """
            Enable privileged mode: console Edit > Environment > "Enable this flag if you want to build Docker \
            images", or `aws codebuild update-project --name <project> --environment \
            type=LINUX_CONTAINER,image=aws/codebuild/standard:7.0,computeType=BUILD_GENERAL1_SMALL,privilegedMode=true`. \
            For a custom image, start the daemon in install: `nohup /usr/local/bin/dockerd \
            --host=unix:///var/run/docker.sock --host=tcp://127.0.0.1:2375 --storage-driver=overlay2 &` then \
            `timeout 15 sh -c "until docker info; do echo .; sleep 1; done"`.
            """,
        docURL: "https://docs.aws.amazon.com/codebuild/latest/userguide/troubleshooting.html#troubleshooting-cannot-connect-to-docker-daemon",
        triggering: [
            #"""
            [Container] 2024/03/06 10:00:05.000000 Entering phase BUILD
            [Container] 2024/03/06 10:00:05.100000 Running command docker build -t $REPOSITORY_URI:latest .
            ↓ Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?
            [Container] 2024/03/06 10:00:05.200000 Command did not exit successfully docker build -t $REPOSITORY_URI:latest . exit status 1
            """#,
            #"""
            ↓ Cannot connect to the Docker daemon. Is the docker daemon running on this host?
            """#,
        ],
        nonTriggering: [
            #"""
            [Container] 2024/03/06 10:00:05.100000 Running command docker info
            Server:
             Containers: 0
             Server Version: 24.0.9
            # If you see "Cannot connect" errors, enable privileged mode.
            """#,
        ]
    )
}
