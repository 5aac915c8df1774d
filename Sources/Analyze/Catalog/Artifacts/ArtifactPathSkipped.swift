// wording: CodeBuild agent while assembling artifacts ("Skipping invalid file path imagedefinitions.json"),
// printed before "no matching artifact paths found" in aws-samples/amazon-ecs-fargate-cdk-cicd#13.
extension Rule {
    static let artifactPathSkipped = Rule(
        id: "artifact-path-skipped",
        category: .artifactsNotFound,
        title: "An artifact path matched no file",
        severity: .warning,
        literals: ["Skipping invalid file path"],
        regex: #"Skipping invalid file path (?<path>\S+)"#,
        isConsequence: true,
        explanation: """
            The artifact path `{{path}}` matched nothing in the artifact base directory, so it was left out. \
            When every path is skipped the phase fails with "no matching artifact paths found"; otherwise the \
            uploaded artifact silently lacks the file.
            """,
        remediation: """
            Make the build write `{{path}}` where the artifacts section looks (relative to `base-directory`, \
            default `$CODEBUILD_SRC_DIR`), or correct the path in `artifacts: files`.
            """,
        docURL: "https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec.artifacts",
        triggering: [
            #"""
            [Container] 2021/10/30 18:44:07 Expanding file paths for base directory .
            [Container] 2021/10/30 18:44:07 Assembling file list
            [Container] 2021/10/30 18:44:07 Expanding imagedefinitions.json
            ↓ [Container] 2021/10/30 18:44:07 Skipping invalid file path imagedefinitions.json
            """#,
        ],
        nonTriggering: [
            #"""
            [Container] 2021/10/30 18:44:07 Expanding imagedefinitions.json
            [Container] 2021/10/30 18:44:07 Found 1 file(s)
            """#,
        ]
    )
}
