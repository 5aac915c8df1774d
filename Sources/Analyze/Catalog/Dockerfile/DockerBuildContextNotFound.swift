// wording: the Docker CLI's context check for a context directory that does not exist: "unable to prepare context:
// path "./src" not found" (docker/cli cli/command/image/build.go; nathanpeck/socket.io-chat-fargate#9, a CodeBuild
// build run from the wrong directory); BuildKit's "unable to prepare context: path "x" not found" and
// "ERROR: failed to solve: … context not found" wording is the same family.
extension Rule {
    static let dockerBuildContextNotFound = Rule(
        id: "docker-build-context-not-found",
        category: .dockerfileNotFound,
        title: "The docker build context directory does not exist",
        severity: .error,
        literals: ["unable to prepare context: path"],
        regex: #"unable to prepare context: path "(?<path>[^"]*)" not found"#,
        explanation: """
            `docker build` was given the context `{{path}}`, which does not exist where the command ran: the \
            build started in another directory (CodeBuild runs commands from `$CODEBUILD_SRC_DIR`, or where a \
            previous `cd` left it) or the path is misspelled.
            """,
        remediation: """
            Use a path relative to `$CODEBUILD_SRC_DIR` (`docker build -t "$IMAGE_URI" "$CODEBUILD_SRC_DIR/src"`), \
            or `ls` the directory first to see what the source holds.
            """,
        docURL: "https://docs.docker.com/reference/cli/docker/buildx/build/",
        triggering: [
            #"""
            [Container] 2018/10/04 03:00:19 Running command docker build --tag "${IMAGE_URI}" ./src
            ↓ unable to prepare context: path "./src" not found
            """#,
        ],
        nonTriggering: [
            #"""
            unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat /src/Dockerfile: no such file or directory
            Sending build context to Docker daemon  2.048kB
            """#,
        ]
    )
}
