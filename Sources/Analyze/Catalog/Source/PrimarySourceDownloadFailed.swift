// wording: CodeBuild agent when DOWNLOAD_SOURCE fails ("CLIENT_ERROR: authorization failed for primary
// source and source version SHA", "authentication required for ...", "repository not found for ...",
// "AccessDenied: Access Denied" then a tab-indented "status code: 403, request id: ..., host id: ... for primary
// source and source version arn:aws:s3:::..." continuation line, quoted in public CodePipeline write-ups).
extension Rule {
    static let primarySourceDownloadFailed = Rule(
        id: "primary-source-download-failed",
        category: .sourceDownloadFailed,
        title: "CodeBuild could not download the source",
        severity: .error,
        literals: ["for primary source"],
        regex: #"^\s*(?:Phase context status code: )?(?:CLIENT_ERROR:? (?:Message: )?)?(?<reason>\S.*?) for primary source(?: and source version (?<version>\S+))?"#,
        explanation: """
            CodeBuild failed to fetch the project's source before any buildspec command ran: {{reason}} \
            (source version {{version}}). For GitHub/Bitbucket/GitLab this means the OAuth token, personal \
            access token or CodeConnections connection is missing, revoked or lacks access to the repository; \
            for a CodePipeline/S3 source, the service role cannot read the artifact object or its KMS key.
            """,
        remediation: """
            Reconnect the source credential (`aws codebuild import-source-credentials` or the console's \
            Source > Connect), allow `codestar-connections:UseConnection`/`codeconnections:UseConnection` on \
            the connection ARN, or for S3 sources add `s3:GetObject`/`s3:GetObjectVersion` on the artifact \
            bucket (and `kms:Decrypt` on its key) to the CodeBuild service role. Check the branch, tag or \
            commit in the source version exists.
            """,
        docURL: "https://docs.aws.amazon.com/codebuild/latest/userguide/access-tokens.html",
        triggering: [
            #"""
            [Container] 2025/01/03 14:10:46.285161 Waiting for DOWNLOAD_SOURCE
            ↓ CLIENT_ERROR: authorization failed for primary source and source version d7e3388d2c1f0e9a8b7c6d5e4f3a2b1c0d9e8f7a
            """#,
            #"""
            [Container] 2024/03/06 10:00:01.000000 Waiting for DOWNLOAD_SOURCE
            ↓ [Container] 2024/03/06 10:00:02.000000 Phase context status code: CLIENT_ERROR Message: repository not found for primary source and source version refs/heads/main
            """#,
            #"""
            [Container] 2024/07/30 02:15:02.411032 Phase complete: DOWNLOAD_SOURCE State: FAILED
            [Container] 2024/07/30 02:15:02.419308 Phase context status code: CLIENT_ERROR Message: AccessDenied: Access Denied
            ↓ 	status code: 403, request id: JTJFZ0RRWKYAXPSG, host id: iPEceWnPJzZ7LqpiQ7rNzkqyHOdJgc48K7qYLth5qX2vFceAqadG32R8r7BpmtqUCts6DK1gmPYz1bI3AY/Q0X= for primary source and source version arn:aws:s3:::codepipeline-us-east-1-123456789012/web-api-pipeline/SourceArti/Xk2Lm9p
            """#,
        ],
        nonTriggering: [
            #"""
            [Container] 2024/03/06 10:00:01.000000 Waiting for DOWNLOAD_SOURCE
            [Container] 2024/03/06 10:00:02.000000 Phase is DOWNLOAD_SOURCE
            [Container] 2024/03/06 10:00:02.100000 CODEBUILD_SRC_DIR=/codebuild/output/src123/src
            [Container] 2024/03/06 10:00:02.200000 Phase complete: DOWNLOAD_SOURCE State: SUCCEEDED
            """#,
        ]
    )
}
