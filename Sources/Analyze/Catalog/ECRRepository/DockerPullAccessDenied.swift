// wording: Docker daemon when a pull is refused ("pull access denied for NAME, repository does not exist or
// may require 'docker login': denied: requested access to the resource is denied").
extension Rule {
    static let dockerPullAccessDenied = Rule(
        id: "docker-pull-access-denied",
        category: .ecrRepoNotFound,
        title: "Image repository not found or login required",
        severity: .error,
        literals: ["pull access denied for "],
        regex: #"pull access denied for (?<repository>[^,\s]+), repository does not exist or may require"#,
        explanation: """
            The registry refused to serve `{{repository}}`: the repository does not exist under that name, or it \
            is private and Docker is not logged in. An image name without a registry host goes to Docker Hub, \
            so a private ECR image referenced without its `<account>.dkr.ecr.<region>.amazonaws.com/` prefix \
            fails this way too.
            """,
        remediation: """
            Use the full image URI (`$AWS_ACCOUNT_ID.dkr.ecr.$AWS_DEFAULT_REGION.amazonaws.com/{{repository}}:<tag>`) \
            and log in first: `aws ecr get-login-password --region $AWS_DEFAULT_REGION | docker login --username \
            AWS --password-stdin $AWS_ACCOUNT_ID.dkr.ecr.$AWS_DEFAULT_REGION.amazonaws.com`; for Docker Hub \
            private images, `docker login` with a token stored in Secrets Manager.
            """,
        docURL: "https://docs.aws.amazon.com/AmazonECR/latest/userguide/docker-pull-ecr-image.html",
        triggering: [
            #"""
            [Container] 2024/03/06 10:00:05.100000 Running command docker pull acme-base:latest
            ↓ Error response from daemon: pull access denied for acme-base, repository does not exist or may require 'docker login': denied: requested access to the resource is denied
            """#,
        ],
        nonTriggering: [
            #"""
            latest: Pulling from library/alpine
            Status: Image is up to date for alpine:latest
            docker.io/library/alpine:latest
            """#,
        ]
    )
}
