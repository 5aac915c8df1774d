// wording: registry API error MANIFEST_UNKNOWN as the Docker daemon prints it ("manifest for NAME not found:
// manifest unknown: ..."); ECR's detail is "Requested image not found".
extension Rule {
    static let imageManifestUnknown = Rule(
        id: "image-manifest-unknown",
        category: .imageTagMismatch,
        title: "Image tag not found in the registry",
        severity: .error,
        literals: ["manifest unknown"],
        regex: #"manifest for (?<image>\S+) not found: manifest unknown"#,
        explanation: """
            The registry has the repository but no image tagged as in `{{image}}`. The tag was never pushed, \
            was deleted by a lifecycle policy, or the tag variable (commit hash, version) differs from the one \
            the producing build pushed.
            """,
        remediation: """
            List the tags that exist (`aws ecr describe-images --repository-name <repository> --query \
            'imageDetails[].imageTags'`) and reference one of them, or push the missing tag first.
            """,
        docURL: "https://docs.aws.amazon.com/AmazonECR/latest/userguide/docker-pull-ecr-image.html",
        triggering: [
            #"""
            [Container] 2024/03/06 10:00:05.100000 Running command docker pull $REPOSITORY_URI:$BASE_TAG
            ↓ Error response from daemon: manifest for 123456789012.dkr.ecr.us-east-1.amazonaws.com/base:3.9.1 not found: manifest unknown: Requested image not found
            """#,
            #"""
            Step 1/8 : FROM node:99-alpine
            ↓ manifest for node:99-alpine not found: manifest unknown: manifest unknown
            """#,
        ],
        nonTriggering: [
            #"""
            3.9.1: Pulling from base
            Digest: sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
            Status: Downloaded newer image for 123456789012.dkr.ecr.us-east-1.amazonaws.com/base:3.9.1
            """#,
        ]
    )
}
