// wording: Docker's reference parser ("invalid reference format", "invalid reference format: repository
// name must be lowercase", "invalid tag \"...\": invalid reference format"), distribution/reference.
extension Rule {
    static let invalidImageReference = Rule(
        id: "invalid-image-reference",
        category: .registryURIInvalid,
        title: "Malformed image name",
        severity: .error,
        literals: ["invalid reference format"],
        regex: #"invalid reference format(?:: (?<detail>.+))?"#,
        explanation: """
            Docker could not parse the image name it was given. Typical causes: an empty variable leaves \
            `repo:` or `/app` or `..amazonaws.com`, uppercase letters in the repository name, a space or quote \
            inside the name, or `https://` in front of the registry host.
            """,
        remediation: """
            Print the name before using it (`echo "$REPOSITORY_URI:$IMAGE_TAG"`), set every variable it uses, \
            and keep it to `registry-host/lowercase-name:tag` without a scheme.
            """,
        docURL: "https://docs.docker.com/reference/cli/docker/image/tag/",
        triggering: [
            #"""
            [Container] 2024/03/06 10:00:05.100000 Running command docker build -t $REPOSITORY_URI:$IMAGE_TAG .
            ↓ invalid argument "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:" for "-t, --tag" flag: invalid reference format
            See 'docker build --help'.
            """#,
            #"""
            ↓ invalid reference format: repository name must be lowercase
            """#,
        ],
        nonTriggering: [
            #"""
            Successfully tagged 123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1.0.0
            """#,
        ]
    )
}
