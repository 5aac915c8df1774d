// wording: CodeBuild agent in UPLOAD_ARTIFACTS when no file matches `artifacts: files` ("Phase context
// status code: CLIENT_ERROR Message: no matching artifact paths found"), aws/copilot-cli#5788,
// aws-samples/amazon-ecs-fargate-cdk-cicd#13.
extension Rule {
    static let noMatchingArtifactPaths = Rule(
        id: "no-matching-artifact-paths",
        category: .artifactsNotFound,
        title: "No files matched the buildspec artifacts",
        severity: .error,
        literals: ["no matching artifact paths found"],
        isConsequence: true,
        explanation: """
            The build finished its commands but none of the paths under `artifacts: files` (relative to \
            `base-directory` or the source root) existed: the build wrote its output elsewhere (e.g. after a \
            `cd`, or to `build/` instead of `dist/`), the file was written by a failed step, or the pattern is \
            wrong.
            """,
        remediation: """
            List what exists at the end of post_build (`ls -la` and `find . -maxdepth 3 -newer buildspec.yml`), \
            then fix `artifacts: files` / `base-directory`, e.g. `files: ['**/*']` with `base-directory: dist`, \
            or write files like `imagedefinitions.json` to `$CODEBUILD_SRC_DIR`.
            """,
        docURL: "https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec.artifacts",
        triggering: [
            #"""
            [Container] 2021/10/30 18:44:07 Expanding base directory path: .
            [Container] 2021/10/30 18:44:07 Assembling file list
            [Container] 2021/10/30 18:44:07 Expanding imagedefinitions.json
            [Container] 2021/10/30 18:44:07 Phase complete: UPLOAD_ARTIFACTS State: FAILED
            ↓ [Container] 2021/10/30 18:44:07 Phase context status code: CLIENT_ERROR Message: no matching artifact paths found
            """#,
        ],
        nonTriggering: [
            #"""
            [Container] 2021/10/30 18:44:07 Expanding imagedefinitions.json
            [Container] 2021/10/30 18:44:07 Found 1 file(s)
            [Container] 2021/10/30 18:44:07 Phase complete: UPLOAD_ARTIFACTS State: SUCCEEDED
            """#,
        ]
    )
}
