// wording: Docker CLI when the socket exists but the user may not open it ("Got permission denied while
// trying to connect to the Docker daemon socket at unix:///var/run/docker.sock: ...").
extension Rule {
    static let dockerSocketPermissionDenied = Rule(
        id: "docker-socket-permission-denied",
        category: .dockerDaemonUnavailable,
        title: "No permission to use the Docker socket",
        severity: .error,
        literals: ["permission denied while trying to connect to the Docker daemon socket"],
        explanation: """
            A Docker daemon is running but the build user may not open its socket. In CodeBuild this happens \
            when the buildspec switches to a non-root user (`run-as`) or a custom image runs as a user outside \
            the `docker` group.
            """,
        remediation: """
            Run Docker commands as root (drop `run-as` for those commands) or add the user to the `docker` \
            group in the image (`usermod -aG docker <user>`); keep privileged mode enabled on the project.
            """,
        docURL: "https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec.run-as",
        triggering: [
            #"""
            [Container] 2024/03/06 10:00:05.100000 Running command docker build -t app .
            ↓ Got permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock: Post "http://%2Fvar%2Frun%2Fdocker.sock/v1.24/build?t=app": dial unix /var/run/docker.sock: connect: permission denied
            """#,
        ],
        nonTriggering: [
            #"""
            [Container] 2024/03/06 10:00:05.100000 Running command ls -l /var/run/docker.sock
            srw-rw---- 1 root docker 0 Mar  6 10:00 /var/run/docker.sock
            """#,
        ]
    )
}
