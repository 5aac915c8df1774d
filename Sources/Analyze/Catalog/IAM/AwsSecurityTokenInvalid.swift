// wording: STS/IAM rejection of keys that do not exist or were deleted ("UnrecognizedClientException ...
// The security token included in the request is invalid", "InvalidClientTokenId").
extension Rule {
    static let awsSecurityTokenInvalid = Rule(
        id: "aws-security-token-invalid",
        category: .iamAccessDenied,
        title: "AWS credentials are invalid",
        severity: .error,
        literals: ["The security token included in the request is invalid"],
        explanation: """
            AWS did not recognise the access key used: keys set as environment variables (`AWS_ACCESS_KEY_ID`) \
            were deleted or mistyped, a session token is missing for temporary keys, or the region is an \
            opt-in region not enabled for the account.
            """,
        remediation: """
            Remove hard-coded `AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY` from the project and buildspec and let \
            the CodeBuild service role supply credentials; if keys are needed, keep them in Secrets Manager and \
            rotate them.
            """,
        docURL: "https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-envvars.html",
        triggering: [
            #"""
            [Container] 2024/03/06 10:00:07.100000 Running command aws sts get-caller-identity
            ↓ An error occurred (InvalidClientTokenId) when calling the GetCallerIdentity operation: The security token included in the request is invalid.
            """#,
        ],
        nonTriggering: [
            #"""
            The security token included in the request is expired
            """#,
        ]
    )
}
