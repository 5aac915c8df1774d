// wording: the agent's DOWNLOAD_SOURCE errors for an S3 source object that is gone or unreadable, from S3's error
// codes ("NoSuchKey: The specified key does not exist.", "NoSuchBucket", "AccessDenied: Access Denied") printed on
// the agent's "Waiting for DOWNLOAD_SOURCE" line or in the phase context (awslabs/aws-deployment-framework
// issues: a retried pipeline whose source artifact had expired; CodePipeline artifact buckets with a KMS key the
// role cannot use). A source-download failure comes first: the `AccessDenied` is the source's, not a command's.
extension Rule {
    static let sourceS3ObjectUnavailable = Rule(
        id: "source-s3-object-unavailable",
        category: .sourceDownloadFailed,
        title: "CodeBuild could not read the S3 source object",
        severity: .error,
        literals: ["Waiting for DOWNLOAD_SOURCE ", "CLIENT_ERROR"],
        regex: #"(?:Waiting for DOWNLOAD_SOURCE (?:\S+ )*?|CLIENT_ERROR:?(?: Message:)? )(?<code>NoSuchKey|NoSuchBucket|AccessDenied|KMS\.\w+Exception)\b"#,
        // The agent's primary-source lines, including the `CLIENT_ERROR … AccessDenied` one its continuation
        // ends with "for primary source", belong to primary-source-download-failed.
        exclude: #"(?:for primary source|CLIENT_ERROR:?(?: Message:)? AccessDenied)"#,
        explanation: """
            CodeBuild's download of the source from S3 failed with `{{code}}` before any command ran: the \
            object named as the source version does not exist (a pipeline execution re-run after its artifact \
            expired or was deleted, a wrong key) or the service role cannot read it or decrypt it.
            """,
        remediation: """
            Start a new pipeline execution (or build) so a fresh source artifact is written; check that the \
            object exists (`aws s3api head-object`), and that the CodeBuild service role has `s3:GetObject`, \
            `s3:GetObjectVersion` on it and `kms:Decrypt` on the bucket's key.
            """,
        docURL: "https://docs.aws.amazon.com/codebuild/latest/userguide/setting-up-service-role.html",
        triggering: [
            #"""
            ↓ [Container] 2020/10/28 09:43:24 Waiting for DOWNLOAD_SOURCE NoSuchKey: The specified key does not exist.
            """#,
            #"""
            ↓ [Container] 2024/03/06 10:00:02.000000 Phase context status code: CLIENT_ERROR Message: NoSuchBucket: The specified bucket does not exist
            """#,
        ],
        nonTriggering: [
            #"""
            [Container] 2024/03/06 10:00:01.000000 Waiting for DOWNLOAD_SOURCE
            [Container] 2024/03/06 10:00:02.000000 Phase context status code: CLIENT_ERROR Message: authorization failed for primary source and source version main
            """#,
        ]
    )
}
