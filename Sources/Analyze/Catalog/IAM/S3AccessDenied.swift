// wording: AWS CLI s3 commands on a 403 from S3 ("upload failed: ... An error occurred (AccessDenied) when
// calling the PutObject operation: Access Denied"); S3 does not name the missing action.
extension Rule {
    static let s3AccessDenied = Rule(
        id: "s3-access-denied",
        category: .iamAccessDenied,
        title: "S3 denied access",
        severity: .error,
        literals: ["(AccessDenied) when calling the"],
        regex: #"An error occurred \(AccessDenied\) when calling the (?<operation>\w+) operation"#,
        explanation: """
            S3 refused a `{{operation}}` call: the build role's policy does not allow the matching `s3:` action \
            on that bucket or key, the bucket policy denies it, or the object is encrypted with a KMS key the \
            role may not use.
            """,
        remediation: """
            Grant the role the action on the exact ARN (e.g. `s3:PutObject` on `arn:aws:s3:::<bucket>/<prefix>/*`, \
            `s3:ListBucket` on `arn:aws:s3:::<bucket>`), check the bucket policy, and add `kms:Decrypt`/`kms:GenerateDataKey` \
            for SSE-KMS buckets. `aws sts get-caller-identity` shows which role the build used.
            """,
        docURL: "https://docs.aws.amazon.com/codebuild/latest/userguide/setting-up-service-role.html",
        triggering: [
            #"""
            [Container] 2024/03/06 10:00:07.100000 Running command aws s3 sync dist/ s3://acme-web-prod/ --delete
            ↓ upload failed: dist/index.html to s3://acme-web-prod/index.html An error occurred (AccessDenied) when calling the PutObject operation: Access Denied
            """#,
        ],
        nonTriggering: [
            #"""
            upload: dist/index.html to s3://acme-web-prod/index.html
            An error occurred (NoSuchBucket) when calling the ListObjectsV2 operation: The specified bucket does not exist
            """#,
        ]
    )
}
