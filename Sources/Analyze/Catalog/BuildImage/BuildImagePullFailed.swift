// Category: image-tag-mismatch, the fixed category for an image reference that names no existing image.
// wording: CodeBuild's PROVISIONING phase context when the environment image cannot be pulled: status code
// BUILD_CONTAINER_UNABLE_TO_PULL_IMAGE (CodeBuild troubleshooting guide), message "Unable to pull customer's
// container image. ErrorCode: 500, Reason: invalid reference format." (aws-samples/amazon-ecs-java-microservices
// issue 6) or "... CannotPullContainerError: Error response from daemon: pull access denied for ..." (recorded
// BatchGetBuilds response). The log is empty then: only the build record (or a CodePipeline error) has it.
extension Rule {
    static let buildImagePullFailed = Rule(
        id: "build-image-pull-failed",
        category: .imageTagMismatch,
        title: "CodeBuild could not pull the build environment image",
        severity: .error,
        literals: ["BUILD_CONTAINER_UNABLE_TO_PULL_IMAGE", "Unable to pull customer's container image"],
        // Denials are `build-image-pull-access-denied`'s (iam-access-denied).
        regex: #"(?:BUILD_CONTAINER_UNABLE_TO_PULL_IMAGE(?: Message:)?|Unable to pull customer's container image\.?)\s*(?:Unable to pull customer's container image\.\s*)?(?<reason>.*)"#,
        // A refused pull is the access-denied rule's finding.
        exclude: #"pull access denied|not authorized|AccessDenied"#,
        explanation: """
            The build never started: CodeBuild could not pull the image configured as the project's build \
            environment ({{reason}}). A private ECR image needs a repository policy that lets CodeBuild pull \
            it (image pull credentials `CODEBUILD`) or a service role allowed `ecr:GetAuthorizationToken`, \
            `ecr:BatchGetImage` and `ecr:GetDownloadUrlForLayer` (`SERVICE_ROLE`); a wrong name or tag, an \
            image for another CPU architecture, or an image too large for the compute type fail here too.
            """,
        remediation: """
            Check the project's environment image URI and tag exist (`aws ecr describe-images`); for a \
            cross-account or private-registry image set `imagePullCredentialsType` to `SERVICE_ROLE` and grant \
            the service role the ECR pull actions (or add `codebuild.amazonaws.com` to the repository policy \
            for `CODEBUILD` credentials); for a private registry, point `registryCredential` at a Secrets \
            Manager secret the role can read.
            """,
        docURL: "https://docs.aws.amazon.com/codebuild/latest/userguide/sample-ecr.html",
        triggering: [
            #"""
            [Container] 2024/03/06 10:00:00.000000 Waiting for agent ping
            ↓ Phase context status code: BUILD_CONTAINER_UNABLE_TO_PULL_IMAGE Message: Unable to pull customer's container image. CannotPullContainerError: Error response from daemon: manifest for 123456789012.dkr.ecr.us-east-1.amazonaws.com/build-images/node20:v7 not found: manifest unknown: Requested image not found
            """#,
            #"""
            ↓ Unable to pull customer's container image. ErrorCode: 500, Reason: invalid reference format.
            """#,
        ],
        nonTriggering: [
            #"""
            Phase context status code: BUILD_CONTAINER_UNABLE_TO_PULL_IMAGE Message: Unable to pull customer's container image. CannotPullContainerError: pull access denied for 123456789012.dkr.ecr.us-east-1.amazonaws.com/build-images/node20
            """#,
            #"""
            [Container] 2024/03/06 10:00:02.000000 Phase complete: PROVISIONING State: SUCCEEDED
            Unable to pull image node:20 from cache, pulling from registry
            """#,
        ]
    )
}
