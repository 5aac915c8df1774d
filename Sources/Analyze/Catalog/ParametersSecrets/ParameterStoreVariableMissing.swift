// wording: CodeBuild agent for `env: parameter-store:` names that do not exist ("Phase context status
// code: Decrypted Variables Error Message: parameter does not exist: NAME"), cloudposse/terraform-aws-cicd#107,
// aws/aws-codebuild-docker-images#159.
extension Rule {
    static let parameterStoreVariableMissing = Rule(
        id: "parameter-store-variable-missing",
        category: .parameterOrSecretMissing,
        title: "Parameter Store parameter for an environment variable does not exist",
        severity: .error,
        literals: ["parameter does not exist"],
        regex: #"Decrypted Variables Error:? (?:Message: )?parameter does not exist: (?<parameter>\S+)"#,
        explanation: """
            The buildspec (`env: parameter-store:`) or the project's environment variables reference the SSM \
            parameter `{{parameter}}`, which does not exist in this account and region, so the build stopped \
            before DOWNLOAD_SOURCE finished. The value may have been pasted where the parameter *name* belongs.
            """,
        remediation: """
            Create it (`aws ssm put-parameter --name {{parameter}} --type SecureString --value <value>`) in the \
            build's region, or fix the name; the value column of a PARAMETER_STORE variable must hold the \
            parameter name (e.g. `/app/prod/db-url`), never the secret itself.
            """,
        docURL: "https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec.env.parameter-store",
        triggering: [
            #"""
            [Container] 2022/11/23 03:53:37 Processing environment variables
            [Container] 2022/11/23 03:53:37 Decrypting parameter store environment variables
            [Container] 2022/11/23 03:53:39 Phase complete: DOWNLOAD_SOURCE State: FAILED
            ↓ [Container] 2022/11/23 03:53:39 Phase context status code: Decrypted Variables Error Message: parameter does not exist: /app/prod/db-url
            """#,
        ],
        nonTriggering: [
            #"""
            [Container] 2022/11/23 03:53:37 Decrypting parameter store environment variables
            [Container] 2022/11/23 03:53:38 Phase complete: DOWNLOAD_SOURCE State: SUCCEEDED
            """#,
        ]
    )
}
