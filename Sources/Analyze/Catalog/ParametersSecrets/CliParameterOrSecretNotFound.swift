// wording: AWS CLI service errors for SSM and Secrets Manager lookups in build commands ("An error occurred
// (ParameterNotFound) when calling the GetParameter operation:", awslabs/aws-simple-cicd#10; "An error
// occurred (ResourceNotFoundException) when calling the GetSecretValue operation: Secrets Manager can't find
// the specified secret.", awslabs/aws-codeseeder#16).
extension Rule {
    static let cliParameterOrSecretNotFound = Rule(
        id: "cli-parameter-or-secret-not-found",
        category: .parameterOrSecretMissing,
        title: "Parameter or secret read by a command does not exist",
        severity: .error,
        literals: ["(ParameterNotFound) when calling", "(ResourceNotFoundException) when calling the GetSecretValue"],
        regex: #"An error occurred \((?:ParameterNotFound\) when calling the (?<operation>GetParameters?)|ResourceNotFoundException\) when calling the (?<secretOperation>GetSecretValue)) operation"#,
        explanation: """
            A command asked Parameter Store or Secrets Manager for a parameter or secret that does not exist in \
            this account and region. Names are case-sensitive and Parameter Store names need their leading `/` path.
            """,
        remediation: """
            List what exists (`aws ssm get-parameters-by-path --path /app --recursive --query 'Parameters[].Name'` \
            or `aws secretsmanager list-secrets --query 'SecretList[].Name'`), fix the name or create it in the \
            build's region (`--region $AWS_DEFAULT_REGION`).
            """,
        docURL: "https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-working-with.html",
        triggering: [
            #"""
            [Container] 2024/03/06 10:00:03.100000 Running command export DB_URL=$(aws ssm get-parameter --name /app/prod/db_url --with-decryption --query Parameter.Value --output text)
            ↓ An error occurred (ParameterNotFound) when calling the GetParameter operation:
            """#,
            #"""
            ↓ An error occurred (ResourceNotFoundException) when calling the GetSecretValue operation: Secrets Manager can't find the specified secret.
            """#,
        ],
        nonTriggering: [
            #"""
            An error occurred (ResourceNotFoundException) when calling the DescribeStacks operation: Stack with id app does not exist
            """#,
        ]
    )
}
