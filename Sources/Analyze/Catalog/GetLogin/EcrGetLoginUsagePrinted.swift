// wording: the AWS CLI's usage banner ("usage: aws [options] <command> <subcommand> [<subcommand> ...]
// [parameters]"), all that posts cut after it show of a `$(aws ecr get-login …)` that failed
// (aws-samples/cicd-for-ecs-workshop-code#5: CLI v2 in the image). CLI v1 prints the same banner before
// "Unknown options: --no-include-email", so this is a warning: the CLI's own error line, when the excerpt has
// it, is the finding that says which (ecr-get-login-removed-cli-v2, ecr-get-login-no-include-email-unknown).
extension Rule {
    static let ecrGetLoginUsagePrinted = Rule(
        id: "ecr-get-login-usage-printed",
        category: .ecrGetLoginRemoved,
        title: "`aws ecr get-login` printed the CLI's usage instead of a login command",
        severity: .warning,
        literals: ["usage: aws [options]"],
        regex: #"^usage: aws \[options\] <command> <subcommand>"#,
        scope: RuleScope(commandPattern: #"ecr\s+get-login(?:[^-]|$)"#),
        explanation: """
            `aws ecr get-login` did not print a `docker login` command: the CLI rejected the call and printed \
            its usage. AWS CLI v2 (current CodeBuild images) removed `get-login`; an old CLI v1 rejects \
            `--no-include-email`. Either way Docker was never logged in to ECR.
            """,
        remediation: """
            Replace the command with `aws ecr get-login-password --region $AWS_DEFAULT_REGION | docker login \
            --username AWS --password-stdin $AWS_ACCOUNT_ID.dkr.ecr.$AWS_DEFAULT_REGION.amazonaws.com` \
            (CLI v1 1.17.10+ and v2).
            """,
        docURL: "https://docs.aws.amazon.com/cli/latest/userguide/cliv2-migration-changes.html#cliv2-migration-ecr-get-login",
        triggering: [
            #"""
            [Container] 2023/09/27 21:11:25 Running command $(aws ecr get-login --region $AWS_DEFAULT_REGION --no-include-email)

            ↓ usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]
            To see help text, you can run:
            """#,
        ],
        nonTriggering: [
            #"""
            [Container] 2024/03/06 10:00:02.200000 Running command aws s3 cpp a b
            usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]
            """#,
        ]
    )
}
