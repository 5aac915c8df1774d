// wording: Go's resolver error as printed by the Docker client/daemon ("dial tcp: lookup HOST on DNS:53:
// no such host"), e.g. docker/cli and moby/moby reports; the ECR host form comes from the ECR user guide.
extension Rule {
    static let registryHostNotFound = Rule(
        id: "registry-host-not-found",
        category: .registryURIInvalid,
        title: "ECR registry host does not resolve",
        severity: .error,
        literals: ["no such host"],
        regex: #"lookup (?<host>(?<account>[^.\s]*)\.dkr\.ecr(?:-fips)?\.(?<region>[^.\s]*)\.amazonaws\.com(?:\.cn)?)(?: on [^\s:]+:\d+)?: no such host"#,
        explanation: """
            The registry host `{{host}}` does not exist in DNS, so Docker could not reach it. An ECR host is \
            `<12-digit account>.dkr.ecr.<region>.amazonaws.com`: here the account part is `{{account}}` and the \
            region part is `{{region}}`. A typo in the region (`us-east01`), an account id with the wrong number \
            of digits, or an empty environment variable in the image URI produce a host that cannot resolve.
            """,
        remediation: """
            Fix the image URI in the buildspec: check `AWS_ACCOUNT_ID` (12 digits) and `AWS_DEFAULT_REGION` \
            (e.g. `us-east-1`) are set and spelled right, e.g. \
            `REPOSITORY_URI=$AWS_ACCOUNT_ID.dkr.ecr.$AWS_DEFAULT_REGION.amazonaws.com/$IMAGE_REPO_NAME` and \
            `echo $REPOSITORY_URI` before using it.
            """,
        docURL: "https://docs.aws.amazon.com/AmazonECR/latest/userguide/Registries.html",
        triggering: [
            #"""
            [Container] 2024/03/06 10:00:03.123456 Entering phase POST_BUILD
            [Container] 2024/03/06 10:00:03.200000 Running command docker push $REPOSITORY_URI:latest
            The push refers to repository [123456789012.dkr.ecr.us-east01.amazonaws.com/app]
            ↓ Get "https://123456789012.dkr.ecr.us-east01.amazonaws.com/v2/": dial tcp: lookup 123456789012.dkr.ecr.us-east01.amazonaws.com on 10.0.0.2:53: no such host
            [Container] 2024/03/06 10:00:04.100000 Command did not exit successfully docker push $REPOSITORY_URI:latest exit status 1
            """#,
            #"""
            ↓ Error response from daemon: Get "https://12345678901.dkr.ecr.eu-west-1.amazonaws.com/v2/": dial tcp: lookup 12345678901.dkr.ecr.eu-west-1.amazonaws.com: no such host
            """#,
        ],
        nonTriggering: [
            #"""
            npm ERR! request to https://registry.npmjs.org/left-pad failed, reason: getaddrinfo ENOTFOUND registry.npmjs.org
            Get "https://registry-1.docker.io/v2/": dial tcp: lookup registry-1.docker.io on 10.0.0.2:53: no such host
            """#,
        ]
    )
}
