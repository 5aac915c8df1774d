// wording: the Docker CLI's argument count check (docker/cli cli/required.go: "\"docker tag\" requires exactly 2
// arguments.", "\"docker push\" requires exactly 1 argument.", "\"docker pull\" requires exactly 1 argument."),
// what a `docker tag $SOURCE $TARGET` prints when a variable in it is unset or empty (mozilla/MozDef#1210, a
// CodeBuild build whose tag script lost its target image).
extension Rule {
    static let dockerCommandMissingImageArgument = Rule(
        id: "docker-command-missing-image-argument",
        category: .registryURIInvalid,
        title: "A docker command got no image name (empty variable)",
        severity: .error,
        literals: ["\" requires exactly ", "\" requires at least "],
        regex: #"^"docker (?<subcommand>(?:image )?(?:tag|push|pull)|build)" requires (?:exactly|at least) (?<count>\d+) arguments?\."#,
        explanation: """
            `docker {{subcommand}}` was called with fewer image arguments than it needs ({{count}}): a variable \
            holding the image URI or tag was unset or empty when the command ran, so the shell passed nothing \
            in its place.
            """,
        remediation: """
            Print the variables before the command (`echo "REPOSITORY_URI=$REPOSITORY_URI IMAGE_TAG=$IMAGE_TAG"`), \
            set them in the same phase (`env: variables:` or `exported-variables` across phases), and quote them \
            (`docker tag "$SOURCE" "$TARGET"`) so an empty one fails with a clear message.
            """,
        docURL: "https://docs.aws.amazon.com/AmazonECR/latest/userguide/docker-push-ecr-image.html",
        triggering: [
            #"""
            Successfully tagged app:latest
            ↓ "docker tag" requires exactly 2 arguments.
            See 'docker tag --help'.
            """#,
            #"""
            ↓ "docker push" requires exactly 1 argument.
            """#,
        ],
        nonTriggering: [
            #"""
            Usage:  docker tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]
            "docker run" requires at least 1 argument.
            """#,
        ]
    )
}
