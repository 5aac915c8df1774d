// wording: BuildKit frontend when the Dockerfile is missing ("failed to solve: failed to read dockerfile:
// open /var/lib/docker/tmp/buildkit-mount.../Dockerfile: no such file or directory"), docker/docs#18991,
// docker/buildx#514; older daemons prefix "failed to solve with frontend dockerfile.v0: ".
extension Rule {
    static let dockerfileNotFoundBuildKit = Rule(
        id: "dockerfile-not-found-buildkit",
        category: .dockerfileNotFound,
        title: "Dockerfile not found (BuildKit)",
        severity: .error,
        literals: ["failed to read dockerfile"],
        regex: #"failed to read dockerfile: open (?<path>\S+): no such file or directory"#,
        explanation: """
            BuildKit found no Dockerfile at `{{path}}`. The build ran from a directory without one (CodeBuild \
            starts in `$CODEBUILD_SRC_DIR`, the repository root), `-f` points at a wrong path, or the file \
            name differs in case (`dockerfile`, `Dockerfile.prod`) — Linux file names are case-sensitive.
            """,
        remediation: """
            Pass the file and context explicitly, e.g. `docker build -f services/api/Dockerfile -t $REPOSITORY_URI:$IMAGE_TAG services/api`, \
            and check it exists in the source (`ls -la` in the same command).
            """,
        docURL: "https://docs.docker.com/reference/cli/docker/buildx/build/#file",
        triggering: [
            #"""
            [Container] 2024/03/06 10:00:05.100000 Running command docker build -t $REPOSITORY_URI:latest .
            #1 [internal] load build definition from Dockerfile
            #1 transferring dockerfile: 2B done
            #1 DONE 0.0s
            ↓ ERROR: failed to solve: failed to read dockerfile: open /var/lib/docker/tmp/buildkit-mount3577758206/Dockerfile: no such file or directory
            """#,
            #"""
            ↓ failed to solve with frontend dockerfile.v0: failed to read dockerfile: open /tmp/buildkit-mount946775422/dockfile: no such file or directory
            """#,
        ],
        nonTriggering: [
            #"""
            #1 [internal] load build definition from Dockerfile
            #1 transferring dockerfile: 612B done
            #1 DONE 0.1s
            """#,
        ]
    )
}
