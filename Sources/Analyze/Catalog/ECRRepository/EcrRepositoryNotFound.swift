// wording: ECR registry error on push/pull to a repository that does not exist, e.g.
// actions/starter-workflows#2647, fabric8io/docker-maven-plugin#369.
extension Rule {
    static let ecrRepositoryNotFound = Rule(
        id: "ecr-repository-not-found",
        category: .ecrRepoNotFound,
        title: "ECR repository does not exist",
        severity: .error,
        literals: ["does not exist in the registry with id"],
        regex: #"The repository with name '(?<repository>[^']*)' does not exist in the registry with id '(?<registry>[^']*)'"#,
        explanation: """
            Amazon ECR has no repository named `{{repository}}` in registry (account) `{{registry}}` in the region \
            the request went to. ECR does not create repositories on push. Either the repository was never \
            created, it lives in another account or region, or the name in the image URI is wrong (a typo, a \
            missing path prefix, or the full URI used where only the name belongs).
            """,
        remediation: """
            Create it once: `aws ecr create-repository --repository-name {{repository}} --region $AWS_DEFAULT_REGION`, \
            or fix the image URI so it is `{{registry}}.dkr.ecr.<region>.amazonaws.com/<existing-repository>:<tag>`. \
            Check with `aws ecr describe-repositories --registry-id {{registry}} --region $AWS_DEFAULT_REGION`.
            """,
        docURL: "https://docs.aws.amazon.com/AmazonECR/latest/userguide/repository-create.html",
        triggering: [
            #"""
            [Container] 2024/03/06 10:00:03.123456 Entering phase POST_BUILD
            [Container] 2024/03/06 10:00:03.200000 Running command docker push $REPOSITORY_URI:$IMAGE_TAG
            The push refers to repository [123456789012.dkr.ecr.us-east-1.amazonaws.com/acme/web-app]
            3e207b409db3: Preparing
            ↓ name unknown: The repository with name 'acme/web-app' does not exist in the registry with id '123456789012'
            [Container] 2024/03/06 10:00:04.100000 Command did not exit successfully docker push $REPOSITORY_URI:$IMAGE_TAG exit status 1
            """#,
            #"""
            [Container] 2024/03/06 10:00:01.000000 Running command aws ecr describe-images --repository-name web --image-ids imageTag=latest
            ↓ An error occurred (RepositoryNotFoundException) when calling the DescribeImages operation: The repository with name 'web' does not exist in the registry with id '123456789012'
            """#,
        ],
        nonTriggering: [
            #"""
            The push refers to repository [123456789012.dkr.ecr.us-east-1.amazonaws.com/acme/web-app]
            latest: digest: sha256:0d5c1a9b2f3e4d5c6b7a8990a1b2c3d4e5f60718293a4b5c6d7e8f9012345678 size: 1573
            """#,
            #"""
            name unknown: repository name not known to registry
            """#,
        ]
    )
}
