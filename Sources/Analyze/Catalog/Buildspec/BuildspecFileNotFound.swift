// wording: CodeBuild agent when the buildspec path does not exist in the source ("YAML_FILE_ERROR Message:
// stat /codebuild/output/srcNNN/src/buildspec.yml: no such file or directory").
extension Rule {
    static let buildspecFileNotFound = Rule(
        id: "buildspec-file-not-found",
        category: .buildspecInvalid,
        title: "buildspec file not found in the source",
        severity: .error,
        literals: ["YAML_FILE_ERROR"],
        regex: #"YAML_FILE_ERROR:? (?:Message: )?stat (?<path>\S+): no such file or directory"#,
        explanation: """
            CodeBuild looked for the buildspec at `{{path}}` and the source has no such file: the project's \
            buildspec name is wrong, the file sits in a subdirectory, or it is named `buildspec.yaml` while the \
            project expects `buildspec.yml`.
            """,
        remediation: """
            Commit the file at the repository root as `buildspec.yml`, or set the project's buildspec to its \
            real path relative to the source root (`aws codebuild update-project --name <project> --source \
            type=...,location=...,buildspec=ci/buildspec.yml`).
            """,
        docURL: "https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec-ref-name-storage",
        triggering: [
            #"""
            [Container] 2024/03/06 10:00:01.000000 Phase is DOWNLOAD_SOURCE
            [Container] 2024/03/06 10:00:01.100000 CODEBUILD_SRC_DIR=/codebuild/output/src518/src/github.com/acme/app
            [Container] 2024/03/06 10:00:01.200000 Phase complete: DOWNLOAD_SOURCE State: FAILED
            ↓ [Container] 2024/03/06 10:00:01.300000 Phase context status code: YAML_FILE_ERROR Message: stat /codebuild/output/src518/src/github.com/acme/app/buildspec.yml: no such file or directory
            """#,
        ],
        nonTriggering: [
            #"""
            [Container] 2024/03/06 10:00:01.100000 YAML location is /codebuild/output/src518/src/github.com/acme/app/buildspec.yml
            stat: cannot statx 'buildspec.yaml': No such file or directory
            """#,
        ]
    )
}
