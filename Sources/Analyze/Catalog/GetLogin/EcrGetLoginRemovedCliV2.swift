// wording: AWS CLI v2 argument parser for an operation it does not have ("aws: error: argument operation:
// Invalid choice, valid choices are:"), for `aws ecr get-login` in aws/aws-cli#5014,
// aws-samples/cicd-for-ecs-workshop-code#5 (a CodeBuild log). The message alone does not name the
// operation, so the rule is scoped to commands that call `get-login` (not `get-login-password`).
extension Rule {
    static let ecrGetLoginRemovedCliV2 = Rule(
        id: "ecr-get-login-removed-cli-v2",
        category: .ecrGetLoginRemoved,
        title: "`aws ecr get-login` does not exist in AWS CLI v2",
        severity: .error,
        literals: ["Invalid choice"],
        regex: #"^aws: error: argument operation: Invalid choice"#,
        scope: RuleScope(commandPattern: #"ecr\s+get-login(?:[^-]|$)"#),
        explanation: """
            The build image ships AWS CLI version 2, which removed `aws ecr get-login` (deprecated in v1). The \
            CLI printed its usage and failed, so `$(aws ecr get-login ...)` ran nothing and Docker was never \
            logged in to ECR. Current CodeBuild standard images (5.0 and later) have CLI v2.
            """,
        remediation: """
            Replace the command with `aws ecr get-login-password --region $AWS_DEFAULT_REGION | docker login \
            --username AWS --password-stdin $AWS_ACCOUNT_ID.dkr.ecr.$AWS_DEFAULT_REGION.amazonaws.com` \
            (it works with CLI v1 1.17.10+ and v2).
            """,
        docURL: "https://docs.aws.amazon.com/cli/latest/userguide/cliv2-migration-changes.html#cliv2-migration-ecr-get-login",
        triggering: [
            #"""
            [Container] 2024/03/06 10:00:02.100000 Entering phase PRE_BUILD
            [Container] 2024/03/06 10:00:02.200000 Running command $(aws ecr get-login --region $AWS_DEFAULT_REGION --no-include-email)

            usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]
            To see help text, you can run:

              aws help
              aws <command> help
              aws <command> <subcommand> help

            ↓ aws: error: argument operation: Invalid choice, valid choices are:

            batch-check-layer-availability           | batch-delete-image
            get-authorization-token                  | get-login-password
            [Container] 2024/03/06 10:00:03.000000 Command did not exit successfully $(aws ecr get-login --region $AWS_DEFAULT_REGION --no-include-email) exit status 252
            """#,
        ],
        nonTriggering: [
            #"""
            [Container] 2024/03/06 10:00:02.200000 Running command aws ecr get-login-password --region $AWS_DEFAULT_REGION | docker login --username AWS --password-stdin $REGISTRY
            Login Succeeded
            """#,
            #"""
            [Container] 2024/03/06 10:00:02.200000 Running command aws ecr describe-imagez --repository-name app
            aws: error: argument operation: Invalid choice, valid choices are:
            """#,
        ]
    )
}
