// wording: Docker client when no credentials are stored for the registry ("no basic auth credentials"),
// e.g. aws/aws-cli#2351 and many CodeBuild pushes that skip `docker login`.
extension Rule {
    static let ecrNoBasicAuthCredentials = Rule(
        id: "ecr-no-basic-auth-credentials",
        category: .ecrAuthExpired,
        title: "Docker is not logged in to the registry",
        severity: .error,
        literals: ["no basic auth credentials"],
        explanation: """
            Docker had no stored credentials for the registry it tried to push to or pull from. The build never \
            ran `docker login` for this registry, logged in to a different one (another account, region or a \
            typo in the host), or the login ran in a separate shell or container whose credential store is gone.
            """,
        remediation: """
            Add a login step before the first push or pull (pre_build is usual): \
            `aws ecr get-login-password --region $AWS_DEFAULT_REGION | docker login --username AWS \
            --password-stdin $AWS_ACCOUNT_ID.dkr.ecr.$AWS_DEFAULT_REGION.amazonaws.com` and check that the \
            registry host matches the image name exactly. The CodeBuild role needs `ecr:GetAuthorizationToken`.
            """,
        docURL: "https://docs.aws.amazon.com/AmazonECR/latest/userguide/registry_auth.html",
        triggering: [
            #"""
            [Container] 2024/03/06 10:00:03.123456 Entering phase POST_BUILD
            [Container] 2024/03/06 10:00:03.200000 Running command docker push 123456789012.dkr.ecr.us-east-1.amazonaws.com/app:latest
            The push refers to repository [123456789012.dkr.ecr.us-east-1.amazonaws.com/app]
            a1b2c3d4e5f6: Preparing
            a1b2c3d4e5f6: Waiting
            ↓ no basic auth credentials
            [Container] 2024/03/06 10:00:04.100000 Command did not exit successfully docker push 123456789012.dkr.ecr.us-east-1.amazonaws.com/app:latest exit status 1
            """#,
            #"""
            Step 1/6 : FROM 123456789012.dkr.ecr.us-east-1.amazonaws.com/base:18
            ↓ Get "https://123456789012.dkr.ecr.us-east-1.amazonaws.com/v2/base/manifests/18": no basic auth credentials
            """#,
        ],
        nonTriggering: [
            #"""
            WARNING! Your password will be stored unencrypted in /root/.docker/config.json.
            Configure a credential helper to remove this warning. See
            https://docs.docker.com/engine/reference/commandline/login/#credentials-store
            Login Succeeded
            """#,
        ]
    )
}
