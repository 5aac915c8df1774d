// wording: ECR registry error for a stale `docker login` (12-hour token), e.g. aws/aws-cli#6580,
// aws/copilot-cli troubleshooting; older ECR wording "Your Authorization Token has expired. Please run
// 'aws ecr get-login' to fetch a new one." seen in buildkite/elastic-ci-stack-for-aws#178.
extension Rule {
    static let ecrAuthTokenExpired = Rule(
        id: "ecr-auth-token-expired",
        category: .ecrAuthExpired,
        title: "ECR login token expired",
        severity: .error,
        literals: ["uthorization token has expired", "uthorization Token has expired"],
        regex: #"[Aa]uthorization [Tt]oken has expired"#,
        explanation: """
            The registry rejected Docker's credentials: the token from the last `docker login` to Amazon ECR \
            has expired (ECR tokens are valid for 12 hours) or belongs to a different registry. A long-running \
            build, a cached ~/.docker/config.json in a custom image, or a login done for another account or \
            region all end this way.
            """,
        remediation: """
            Log in again right before pushing or pulling, in the same phase: \
            `aws ecr get-login-password --region $AWS_DEFAULT_REGION | docker login --username AWS \
            --password-stdin $AWS_ACCOUNT_ID.dkr.ecr.$AWS_DEFAULT_REGION.amazonaws.com`. Make sure the \
            registry you log in to is exactly the one in the image name (same account id and region).
            """,
        docURL: "https://docs.aws.amazon.com/AmazonECR/latest/userguide/registry_auth.html",
        triggering: [
            #"""
            [Container] 2024/03/06 10:00:03.123456 Entering phase POST_BUILD
            [Container] 2024/03/06 10:00:03.200000 Running command docker push $REPOSITORY_URI:latest
            The push refers to repository [123456789012.dkr.ecr.us-east-1.amazonaws.com/app]
            5f70bf18a086: Preparing
            ↓ denied: Your authorization token has expired. Reauthenticate and try again.
            [Container] 2024/03/06 10:00:04.100000 Command did not exit successfully docker push $REPOSITORY_URI:latest exit status 1
            """#,
            #"""
            Pulling base (123456789012.dkr.ecr.eu-west-1.amazonaws.com/base:1.4)...
            ↓ ERROR: denied: Your Authorization Token has expired. Please run 'aws ecr get-login --no-include-email' to fetch a new one.
            """#,
        ],
        nonTriggering: [
            #"""
            [Container] 2024/03/06 10:00:01.000000 Running command aws ecr get-login-password --region $AWS_DEFAULT_REGION | docker login --username AWS --password-stdin $REGISTRY
            Login Succeeded
            # Tokens expire after 12 hours; we re-authenticate in every build.
            """#,
        ]
    )
}
