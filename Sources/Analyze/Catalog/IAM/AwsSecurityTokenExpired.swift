// wording: STS-signed request with expired temporary credentials ("An error occurred (ExpiredToken) when
// calling ...: The security token included in the request is expired", also ExpiredTokenException).
extension Rule {
    static let awsSecurityTokenExpired = Rule(
        id: "aws-security-token-expired",
        category: .iamAccessDenied,
        title: "AWS credentials expired during the build",
        severity: .error,
        literals: ["The security token included in the request is expired"],
        explanation: """
            An AWS call used temporary credentials that had expired. In CodeBuild this happens when a build \
            assumes another role (`aws sts assume-role`) and keeps using those keys past their duration \
            (default 1 hour), or when static keys copied from a session are stored in environment variables.
            """,
        remediation: """
            Use the CodeBuild service role's own credentials (they are refreshed automatically); if you assume \
            a role, request a longer `--duration-seconds` or assume it again right before the step, and never \
            store session keys in project environment variables.
            """,
        docURL: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_use-resources.html",
        triggering: [
            #"""
            [Container] 2024/03/06 11:10:07.100000 Running command aws cloudformation deploy --template-file out.yml --stack-name app
            ↓ An error occurred (ExpiredToken) when calling the DescribeStacks operation: The security token included in the request is expired
            """#,
        ],
        nonTriggering: [
            #"""
            Successfully created/updated stack - app
            The security token included in the request is invalid.
            """#,
        ]
    )
}
