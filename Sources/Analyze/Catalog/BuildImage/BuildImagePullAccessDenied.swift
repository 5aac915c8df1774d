// Category: iam-access-denied — the pull was refused, not the image missing.
// wording: CodeBuild's PROVISIONING phase context, status code BUILD_CONTAINER_UNABLE_TO_PULL_IMAGE, message
// "Unable to pull customer's container image. CannotPullContainerError: Error response from daemon: pull access
// denied for …, repository does not exist or may require 'docker login': denied: User: … is not authorized to
// perform: ecr:BatchGetImage" (recorded BatchGetBuilds response, Fixtures/codebuild-api; CodeBuild
// troubleshooting guide "Unable to pull image"). The log is empty then: only the build record has it.
extension Rule {
    static let buildImagePullAccessDenied = Rule(
        id: "build-image-pull-access-denied",
        category: .iamAccessDenied,
        title: "CodeBuild was not allowed to pull the build environment image",
        severity: .error,
        literals: ["BUILD_CONTAINER_UNABLE_TO_PULL_IMAGE", "Unable to pull customer's container image"],
        regex: #"(?:BUILD_CONTAINER_UNABLE_TO_PULL_IMAGE|Unable to pull customer's container image).*?(?:pull access denied for (?<image>[^\s,]+)|not authorized to perform: (?<action>[\w:]+)|AccessDenied)"#,
        explanation: """
            The build never started: CodeBuild was refused when it pulled the project's build environment image \
            ({{image}}{{action}}). With image pull credentials `SERVICE_ROLE` the project's service role needs \
            `ecr:GetAuthorizationToken`, `ecr:BatchGetImage` and `ecr:GetDownloadUrlForLayer`; with `CODEBUILD` \
            credentials the ECR repository policy must allow the `codebuild.amazonaws.com` principal. The same \
            message also appears when the repository does not exist in that account and region.
            """,
        remediation: """
            Grant the service role `ecr:GetAuthorizationToken` (on `*`) and `ecr:BatchGetImage`, \
            `ecr:GetDownloadUrlForLayer` on the repository, or add a repository policy statement allowing \
            `codebuild.amazonaws.com` those pull actions; check the image URI's account, region and repository \
            with `aws ecr describe-images --repository-name <name> --region <region>`.
            """,
        docURL: "https://docs.aws.amazon.com/codebuild/latest/userguide/troubleshooting.html",
        triggering: [
            #"""
            [Container] 2024/03/06 10:00:00.000000 Waiting for agent ping
            ↓ Phase context status code: BUILD_CONTAINER_UNABLE_TO_PULL_IMAGE Message: Unable to pull customer's container image. CannotPullContainerError: Error response from daemon: pull access denied for 123456789012.dkr.ecr.us-east-1.amazonaws.com/build-images/node20, repository does not exist or may require 'docker login': denied: User: arn:aws:sts::123456789012:assumed-role/codebuild-role/AWSCodeBuild-1 is not authorized to perform: ecr:BatchGetImage
            """#,
        ],
        nonTriggering: [
            #"""
            Phase context status code: BUILD_CONTAINER_UNABLE_TO_PULL_IMAGE Message: Unable to pull customer's container image. ErrorCode: 500, Reason: invalid reference format.
            """#,
            #"""
            Error response from daemon: pull access denied for node, repository does not exist or may require 'docker login'
            """#,
        ]
    )
}
