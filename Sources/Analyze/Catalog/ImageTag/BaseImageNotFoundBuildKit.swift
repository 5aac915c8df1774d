// wording: BuildKit resolving a FROM image that the registry does not have ("failed to resolve source
// metadata for docker.io/library/NAME: ... not found").
extension Rule {
    static let baseImageNotFoundBuildKit = Rule(
        id: "base-image-not-found-buildkit",
        category: .imageTagMismatch,
        title: "Base image or tag not found (BuildKit)",
        severity: .error,
        literals: ["failed to resolve source metadata for"],
        regex: #"failed to resolve source metadata for (?<image>\S+): .*not found"#,
        explanation: """
            BuildKit could not find the `FROM` image `{{image}}` in its registry: the tag does not exist (a \
            typo or a version that was never published) or the repository name is wrong.
            """,
        remediation: """
            Check the `FROM` line and any `ARG` that builds it; `docker manifest inspect {{image}}` shows \
            whether the reference exists. Pin a published tag.
            """,
        docURL: "https://docs.docker.com/reference/dockerfile/#from",
        triggering: [
            #"""
            #2 [internal] load metadata for docker.io/library/node:18-alpinee
            #2 ERROR: docker.io/library/node:18-alpinee: not found
            ↓ ERROR: failed to solve: node:18-alpinee: failed to resolve source metadata for docker.io/library/node:18-alpinee: docker.io/library/node:18-alpinee: not found
            """#,
        ],
        nonTriggering: [
            #"""
            #2 [internal] load metadata for docker.io/library/node:18-alpine
            #2 DONE 0.6s
            """#,
        ]
    )
}
