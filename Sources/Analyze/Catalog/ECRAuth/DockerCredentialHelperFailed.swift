// wording: Docker CLI when a configured credential helper (e.g. docker-credential-ecr-login from
// amazon-ecr-credential-helper) fails ("error getting credentials - err: exit status 1, out: `...`").
extension Rule {
    static let dockerCredentialHelperFailed = Rule(
        id: "docker-credential-helper-failed",
        category: .ecrAuthExpired,
        title: "Docker credential helper failed",
        severity: .error,
        literals: ["error getting credentials - err: "],
        regex: #"error getting credentials - err: (?<error>[^,]+), out: `?(?<output>[^`]*)"#,
        explanation: """
            `~/.docker/config.json` names a credential helper (`credsStore`/`credHelpers`) and it failed \
            ({{error}}: {{output}}). With the ECR credential helper this means it could not get a token: \
            missing `ecr:GetAuthorizationToken` permission, no AWS credentials inside the process, or the \
            helper binary is not installed in the image.
            """,
        remediation: """
            Install `amazon-ecr-credential-helper` in the image and give the role `ecr:GetAuthorizationToken`, \
            or remove the `credsStore`/`credHelpers` entry and log in with `aws ecr get-login-password --region \
            $AWS_DEFAULT_REGION | docker login --username AWS --password-stdin $AWS_ACCOUNT_ID.dkr.ecr.$AWS_DEFAULT_REGION.amazonaws.com`.
            """,
        docURL: "https://github.com/awslabs/amazon-ecr-credential-helper",
        triggering: [
            #"""
            [Container] 2024/03/06 10:00:05.100000 Running command docker pull $BASE_IMAGE
            ↓ Error response from daemon: Get "https://123456789012.dkr.ecr.us-east-1.amazonaws.com/v2/": error getting credentials - err: exit status 1, out: `exec: "docker-credential-ecr-login": executable file not found in $PATH`
            """#,
        ],
        nonTriggering: [
            #"""
            {"credHelpers": {"123456789012.dkr.ecr.us-east-1.amazonaws.com": "ecr-login"}}
            Status: Downloaded newer image for 123456789012.dkr.ecr.us-east-1.amazonaws.com/base:18
            """#,
        ]
    )
}
