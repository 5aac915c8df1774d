// wording: AWS CLI v1 older than 1.11.91 rejects the flag added for Docker 17.06 ("Unknown options:
// --no-include-email"); the same parser message is used for any unknown option.
extension Rule {
    static let ecrGetLoginNoIncludeEmailUnknown = Rule(
        id: "ecr-get-login-no-include-email-unknown",
        category: .ecrGetLoginRemoved,
        title: "AWS CLI too old for `get-login --no-include-email`",
        severity: .error,
        literals: ["Unknown options: --no-include-email"],
        explanation: """
            The image's AWS CLI v1 predates the `--no-include-email` option of `aws ecr get-login`, so the login \
            command failed and Docker was never logged in. `get-login` itself is deprecated and gone in CLI v2.
            """,
        remediation: """
            Upgrade the CLI (`pip install --upgrade awscli`, or use a current CodeBuild standard image) and log \
            in with `aws ecr get-login-password --region $AWS_DEFAULT_REGION | docker login --username AWS \
            --password-stdin $AWS_ACCOUNT_ID.dkr.ecr.$AWS_DEFAULT_REGION.amazonaws.com`.
            """,
        docURL: "https://docs.aws.amazon.com/AmazonECR/latest/userguide/registry_auth.html",
        triggering: [
            #"""
            [Container] 2024/03/06 10:00:02.100000 Entering phase PRE_BUILD
            [Container] 2024/03/06 10:00:02.200000 Running command $(aws ecr get-login --region $AWS_DEFAULT_REGION --no-include-email)
            usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]
            To see help text, you can run:
            ↓ Unknown options: --no-include-email
            [Container] 2024/03/06 10:00:03.000000 Command did not exit successfully $(aws ecr get-login --region $AWS_DEFAULT_REGION --no-include-email) exit status 255
            """#,
        ],
        nonTriggering: [
            #"""
            [Container] 2024/03/06 10:00:02.200000 Running command $(aws ecr get-login --region $AWS_DEFAULT_REGION --no-include-email)
            WARNING! Using --password via the CLI is insecure. Use --password-stdin.
            Login Succeeded
            Unknown options: --query-strict
            """#,
        ]
    )
}
