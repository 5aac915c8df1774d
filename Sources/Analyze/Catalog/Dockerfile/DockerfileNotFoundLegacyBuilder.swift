// wording: the classic builder's CLI check ("unable to prepare context: unable to evaluate symlinks in
// Dockerfile path: lstat PATH: no such file or directory"), moby/moby#14339 and many reports.
extension Rule {
    static let dockerfileNotFoundLegacyBuilder = Rule(
        id: "dockerfile-not-found-legacy-builder",
        category: .dockerfileNotFound,
        title: "Dockerfile not found",
        severity: .error,
        literals: ["unable to evaluate symlinks in Dockerfile path"],
        regex: #"unable to evaluate symlinks in Dockerfile path: lstat (?<path>\S+): no such file or directory"#,
        explanation: """
            Docker found no Dockerfile at `{{path}}`: the command ran in a directory without one, the `-f` path \
            is wrong, or the name differs in case.
            """,
        remediation: """
            Point at the file and context explicitly: `docker build -f <dir>/Dockerfile -t $REPOSITORY_URI:$IMAGE_TAG <dir>`; \
            CodeBuild starts each command in `$CODEBUILD_SRC_DIR` unless a previous `cd` in the same phase moved it.
            """,
        docURL: "https://docs.docker.com/reference/cli/docker/buildx/build/#file",
        triggering: [
            #"""
            [Container] 2024/03/06 10:00:05.100000 Running command docker build -t app:latest .
            ↓ unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat /codebuild/output/src123/src/github.com/acme/app/Dockerfile: no such file or directory
            """#,
        ],
        nonTriggering: [
            #"""
            Sending build context to Docker daemon  4.096kB
            Step 1/3 : FROM alpine:3.19
            """#,
        ]
    )
}
