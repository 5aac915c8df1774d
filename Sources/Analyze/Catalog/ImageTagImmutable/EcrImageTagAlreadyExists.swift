// wording: ECR API exception name (ImageTagAlreadyExistsException) as the AWS CLI prints service errors:
// "An error occurred (CODE) when calling the OPERATION operation: MESSAGE".
extension Rule {
    static let ecrImageTagAlreadyExists = Rule(
        id: "ecr-image-tag-already-exists",
        category: .imageTagImmutable,
        title: "ECR API refused to re-use an immutable tag",
        severity: .error,
        literals: ["ImageTagAlreadyExistsException"],
        regex: #"An error occurred \(ImageTagAlreadyExistsException\) when calling the (?<operation>\w+) operation"#,
        explanation: """
            An ECR `{{operation}}` call (e.g. re-tagging an image with `aws ecr put-image`) tried to give an \
            existing tag to another image in a repository with tag immutability enabled.
            """,
        remediation: """
            Use a unique tag per build (commit hash plus `$CODEBUILD_BUILD_NUMBER`), or disable immutability \
            for the repository with `aws ecr put-image-tag-mutability --image-tag-mutability MUTABLE`.
            """,
        docURL: "https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-tag-mutability.html",
        triggering: [
            #"""
            [Container] 2024/03/06 10:00:03.200000 Running command aws ecr put-image --repository-name app --image-tag prod --image-manifest "$MANIFEST"
            ↓ An error occurred (ImageTagAlreadyExistsException) when calling the PutImage operation: Image tag 'prod' already exists in the 'app' repository and cannot be changed because the repository is immutable.
            """#,
        ],
        nonTriggering: [
            #"""
            {"image": {"registryId": "123456789012", "repositoryName": "app", "imageId": {"imageTag": "prod"}}}
            """#,
        ]
    )
}
