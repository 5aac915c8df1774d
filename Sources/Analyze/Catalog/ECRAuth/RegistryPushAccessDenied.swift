// wording: registry reply to a push without write access, as the Docker CLI prints it on its own line
// ("denied: requested access to the resource is denied"), typical of `docker push` to Docker Hub without
// `docker login` or to a namespace the account does not own. The same text ends "pull access denied ..."
// lines, which docker-pull-access-denied covers; this rule only takes the standalone line.
extension Rule {
    static let registryPushAccessDenied = Rule(
        id: "registry-push-access-denied",
        category: .ecrAuthExpired,
        title: "Registry denied the push (not logged in or no write access)",
        severity: .error,
        literals: ["denied: requested access to the resource is denied"],
        regex: #"^denied: requested access to the resource is denied$"#,
        explanation: """
            The registry refused the push: Docker was not logged in to it, or the account it logged in with \
            may not write to that repository. An image name without a registry host goes to Docker Hub \
            (`docker.io/library/...`), so a push meant for ECR but missing the `<account>.dkr.ecr.<region>.amazonaws.com/` \
            prefix ends here too.
            """,
        remediation: """
            Tag the image with the full registry URI (`docker tag app $AWS_ACCOUNT_ID.dkr.ecr.$AWS_DEFAULT_REGION.amazonaws.com/app:$IMAGE_TAG`) \
            and log in to that registry before pushing (`aws ecr get-login-password --region $AWS_DEFAULT_REGION | \
            docker login --username AWS --password-stdin $AWS_ACCOUNT_ID.dkr.ecr.$AWS_DEFAULT_REGION.amazonaws.com`).
            """,
        docURL: "https://docs.aws.amazon.com/AmazonECR/latest/userguide/docker-push-ecr-image.html",
        triggering: [
            #"""
            [Container] 2024/03/06 10:00:03.200000 Running command docker push acme/web:1.4.2
            The push refers to repository [docker.io/acme/web]
            5f70bf18a086: Preparing
            ↓ denied: requested access to the resource is denied
            """#,
        ],
        nonTriggering: [
            #"""
            Error response from daemon: pull access denied for acme-base, repository does not exist or may require 'docker login': denied: requested access to the resource is denied
            """#,
        ]
    )
}
