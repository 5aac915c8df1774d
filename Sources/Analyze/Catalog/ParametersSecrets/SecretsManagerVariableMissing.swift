// wording: CodeBuild agent for `env: secrets-manager:` references ("Phase context status code: Secrets
// Manager Error Message: ..."), seen with AccessDeniedException in public write-ups; Secrets Manager's
// not-found text is "ResourceNotFoundException: Secrets Manager can't find the specified secret."
extension Rule {
    static let secretsManagerVariableMissing = Rule(
        id: "secrets-manager-variable-missing",
        category: .parameterOrSecretMissing,
        title: "Secrets Manager secret for an environment variable not found",
        severity: .error,
        literals: ["Secrets Manager Error"],
        regex: #"Secrets Manager Error:? (?:Message: )?ResourceNotFoundException"#,
        explanation: """
            A `secrets-manager` environment variable (buildspec `env: secrets-manager:` or a SECRETS_MANAGER \
            project variable) names a secret that does not exist in this account and region, or the JSON key \
            or version stage after the secret id is wrong.
            """,
        remediation: """
            Check the reference format `secret-id:json-key:version-stage:version-id` and that the secret exists: \
            `aws secretsmanager describe-secret --secret-id <secret-id> --region $AWS_DEFAULT_REGION`. Use the \
            full ARN for secrets in another account.
            """,
        docURL: "https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec.env.secrets-manager",
        triggering: [
            #"""
            [Container] 2024/06/20 13:33:42.400000 Processing environment variables
            [Container] 2024/06/20 13:33:42.555331 Phase complete: DOWNLOAD_SOURCE State: FAILED
            ↓ [Container] 2024/06/20 13:33:42.555331 Phase context status code: Secrets Manager Error Message: ResourceNotFoundException: Secrets Manager can't find the specified secret.
            """#,
        ],
        nonTriggering: [
            #"""
            [Container] 2024/06/20 13:33:42.400000 Processing environment variables
            An error occurred (ResourceNotFoundException) when calling the GetSecretValue operation: Secrets Manager can't find the specified secret.
            """#,
        ]
    )
}
