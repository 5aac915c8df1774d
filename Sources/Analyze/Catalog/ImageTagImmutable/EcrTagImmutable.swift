// wording: ECR registry error on a push that would move a tag in an IMMUTABLE repository, e.g. a CodeBuild
// log in aws/containers-roadmap#862 and BuildKit output in moby/buildkit#3776; since ECR's per-tag immutability
// (2025) it ends "… because the tag is immutable.". Posters often wrap the long line after "repository".
extension Rule {
    static let ecrTagImmutable = Rule(
        id: "ecr-tag-immutable",
        category: .imageTagImmutable,
        title: "Tag already exists in an immutable ECR repository",
        severity: .error,
        literals: ["' repository and cannot be overwritten", "' repository"],
        regex: #"The image tag '(?<tag>[^']*)' already exists in the '(?<repository>[^']*)' repository(?:$| and cannot be overwritten because the (?:repository|tag) is immutable)"#,
        explanation: """
            Repository `{{repository}}` has tag immutability enabled and already holds an image tagged \
            `{{tag}}`, so ECR refused to point the tag at the new image. Pushing a fixed tag such as `latest` \
            from every build always fails on an immutable repository; so does re-running a build for the same \
            commit when the tag is the commit hash.
            """,
        remediation: """
            Tag each build uniquely, e.g. `IMAGE_TAG=$(echo $CODEBUILD_RESOLVED_SOURCE_VERSION | cut -c 1-7)-$CODEBUILD_BUILD_NUMBER`, \
            and push only that tag; or, if moving tags is intended, make the repository mutable: \
            `aws ecr put-image-tag-mutability --repository-name {{repository}} --image-tag-mutability MUTABLE`.
            """,
        docURL: "https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-tag-mutability.html",
        triggering: [
            #"""
            [Container] 2024/03/06 10:00:03.123456 Entering phase POST_BUILD
            [Container] 2024/03/06 10:00:03.200000 Running command docker push $REPOSITORY_URI:latest
            The push refers to repository [123456789012.dkr.ecr.us-east-1.amazonaws.com/app_service_image]
            49faa1768b47: Layer already exists
            ↓ tag invalid: The image tag 'latest' already exists in the 'app_service_image' repository and cannot be overwritten because the repository is immutable.
            [Container] 2024/03/06 10:00:04.000000 Command did not exit successfully docker push $REPOSITORY_URI:latest exit status 1
            """#,
            #"""
            ↓ tag invalid: The image tag 'v1.4.0' already exists in the 'web' repository and cannot be overwritten because the tag is immutable.
            """#,
            #"""
            ↓ tag invalid: The image tag '3f9c2e1' already exists in the 'taskmanager-dev' repository
            and cannot be overwritten because the tag is immutable.
            """#,
            #"""
            ↓ ERROR: tag invalid: The image tag 'v2.3.0' already exists in the 'payments/api' repository and cannot be overwritten because the repository is immutable.
            """#,
        ],
        nonTriggering: [
            #"""
            {"repository": {"repositoryName": "app_service_image", "imageTagMutability": "IMMUTABLE"}}
            v2.3.1: digest: sha256:5994471abb01112afcc18159f6cc74b4f511b99806da59b3caf5a9c173cacfc5 size: 1996
            """#,
        ]
    )
}
