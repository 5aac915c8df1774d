// wording: Docker CLI `docker push` of a name no local image has ("An image does not exist locally with
// the tag: NAME"), in a CodeBuild log in aws-samples/sagemaker-studio-image-build-cli#16 and
// aws/copilot-cli#1675.
extension Rule {
    static let imageNotFoundLocallyForPush = Rule(
        id: "image-not-found-locally-for-push",
        category: .imageTagMismatch,
        title: "Pushed image name was never built or tagged",
        severity: .error,
        literals: ["An image does not exist locally with the tag"],
        regex: #"An image does not exist locally with the tag: (?<image>\S+)"#,
        isConsequence: true,
        explanation: """
            `docker push` was asked for `{{image}}`, but no local image carries that name. The image was built \
            under another name (e.g. `docker build -t app .` without `docker tag app {{image}}`), the tag \
            variable differs between the build and push commands, or the build step failed or ran in another \
            phase's shell with different variables.
            """,
        remediation: """
            Build and push the same reference: `docker build -t $REPOSITORY_URI:$IMAGE_TAG .` then \
            `docker push $REPOSITORY_URI:$IMAGE_TAG`, or tag explicitly: `docker tag <local-image> {{image}}`. \
            Run `docker images` before the push to see what exists.
            """,
        docURL: "https://docs.docker.com/reference/cli/docker/image/push/",
        triggering: [
            #"""
            [Container] 2024/03/06 10:00:03.123456 Entering phase POST_BUILD
            [Container] 2024/03/06 10:00:03.200000 Running command docker push $AWS_ACCOUNT_ID.dkr.ecr.$AWS_DEFAULT_REGION.amazonaws.com/$IMAGE_REPO_NAME:$IMAGE_TAG
            The push refers to repository [123456789012.dkr.ecr.eu-central-1.amazonaws.com/web]
            ↓ An image does not exist locally with the tag: 123456789012.dkr.ecr.eu-central-1.amazonaws.com/web
            [Container] 2024/03/06 10:00:03.300000 Command did not exit successfully docker push $AWS_ACCOUNT_ID.dkr.ecr.$AWS_DEFAULT_REGION.amazonaws.com/$IMAGE_REPO_NAME:$IMAGE_TAG exit status 1
            """#,
        ],
        nonTriggering: [
            #"""
            The push refers to repository [123456789012.dkr.ecr.eu-central-1.amazonaws.com/web]
            5f70bf18a086: Pushed
            v1.2.3: digest: sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 size: 1362
            """#,
        ]
    )
}
