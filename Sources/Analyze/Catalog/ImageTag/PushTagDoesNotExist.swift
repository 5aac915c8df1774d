// wording: Docker daemon on push of a repository:tag it does not hold ("tag does not exist: NAME"),
// geerlingguy/ansible-role-ecr_container_build#9, docker/hub-feedback#1080; AWS's Docker 20.10 notice
// for CodeBuild images (aws/aws-codebuild-docker-images#488) names the same error.
extension Rule {
    static let pushTagDoesNotExist = Rule(
        id: "push-tag-does-not-exist",
        category: .imageTagMismatch,
        title: "Pushed tag does not exist locally",
        severity: .error,
        literals: ["tag does not exist: "],
        regex: #"(?:^|\s|")tag does not exist: (?<image>[^\s"']+)"#,
        isConsequence: true,
        explanation: """
            Docker holds the repository but not the tag `{{image}}` that was pushed. Since Docker 20.10, \
            `docker push <repository>` without a tag pushes only `:latest`, so pushing a repository that was \
            built only with a version tag fails this way; a tag variable that differs between build and push \
            does too.
            """,
        remediation: """
            Push the exact tag you built: `docker push $REPOSITORY_URI:$IMAGE_TAG`, or push every tag of the \
            repository with `docker push --all-tags $REPOSITORY_URI`.
            """,
        docURL: "https://docs.docker.com/reference/cli/docker/image/push/",
        triggering: [
            #"""
            [Container] 2024/03/06 10:00:03.123456 Entering phase POST_BUILD
            [Container] 2024/03/06 10:00:03.200000 Running command docker push $REPOSITORY_URI
            Using default tag: latest
            The push refers to repository [123456789012.dkr.ecr.us-east-1.amazonaws.com/api]
            ↓ tag does not exist: 123456789012.dkr.ecr.us-east-1.amazonaws.com/api:latest
            [Container] 2024/03/06 10:00:03.300000 Command did not exit successfully docker push $REPOSITORY_URI exit status 1
            """#,
        ],
        nonTriggering: [
            #"""
            Using default tag: latest
            The push refers to repository [123456789012.dkr.ecr.us-east-1.amazonaws.com/api]
            latest: digest: sha256:2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae size: 528
            git tag does not exist yet, creating v1.0.0
            """#,
        ]
    )
}
