// wording: Docker daemon API error for an unknown image reference ("Error response from daemon: No such
// image: NAME"), printed by `docker tag`, `docker save`, `docker inspect`, `docker rmi`.
extension Rule {
    static let daemonNoSuchImage = Rule(
        id: "daemon-no-such-image",
        category: .imageTagMismatch,
        title: "Image to tag or use does not exist locally",
        severity: .error,
        literals: ["No such image: "],
        regex: #"Error response from daemon: No such image: (?<image>\S+)"#,
        isConsequence: true,
        explanation: """
            The Docker daemon has no image called `{{image}}`. Usually the `docker build -t` name differs from the \
            source name given to `docker tag` (a different repository name or tag variable), or the build that \
            should have produced it failed or was skipped.
            """,
        remediation: """
            Use one variable for both steps, e.g. `docker build -t $IMAGE_REPO_NAME:$IMAGE_TAG .` and \
            `docker tag $IMAGE_REPO_NAME:$IMAGE_TAG $REPOSITORY_URI:$IMAGE_TAG`; run `docker images` to list \
            what the build produced.
            """,
        docURL: "https://docs.docker.com/reference/cli/docker/image/tag/",
        triggering: [
            #"""
            [Container] 2024/03/06 10:00:05.000000 Entering phase BUILD
            [Container] 2024/03/06 10:00:05.100000 Running command docker tag $IMAGE_REPO_NAME:$IMAGE_TAG $REPOSITORY_URI:$IMAGE_TAG
            ↓ Error response from daemon: No such image: web:1.4.2
            [Container] 2024/03/06 10:00:05.200000 Command did not exit successfully docker tag $IMAGE_REPO_NAME:$IMAGE_TAG $REPOSITORY_URI:$IMAGE_TAG exit status 1
            """#,
        ],
        nonTriggering: [
            #"""
            Successfully built 3fa1fdd9b471
            Successfully tagged web:1.4.2
            Error response from daemon: No such container: web-test
            """#,
        ]
    )
}
