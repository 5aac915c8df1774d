/// Validates every ECR registry reference in commands and output: account id, region code, host form,
/// repository and tag grammar; an empty piece names the unset variable that left it empty.
final class RegistryURICheck: LineCheck {
    func inspect(_ line: InspectedLine, emit: (CheckHit) -> Void) {
        for site in DockerReferenceSites.texts(in: line.message, isAgentLine: line.isAgentLine) {
            for uri in RegistryURI.all(in: site) where !uri.isTemplate {
                // Every defect of every reference is a finding of its own (one per defective value).
                for problem in uri.problems { emit(Self.hit(for: problem, uri: uri, commandText: line.commandText)) }
            }
        }
    }

    private static func hit(for problem: RegistryURIProblem, uri: RegistryURI, commandText: String?) -> CheckHit {
        var captures = ["uri": uri.text, "registry": uri.host]
        switch problem {
        case .emptyPiece(let piece, let offset):
            captures["piece"] = piece
            captures["variable"] = describeCulprit(command: commandText, uri: uri, offset: offset, piece: piece)
            return CheckHit(ruleId: unsetVariable, captures: captures, subject: piece)
        case .invalidAccount(let account):
            captures["account"] = account
            captures["digits"] = Self.describeLength(account)
            return CheckHit(ruleId: invalidAccount, captures: captures, subject: account)
        case .invalidRegion(let region):
            captures["region"] = region
            return CheckHit(ruleId: invalidRegion, captures: captures, subject: region)
        case .invalidHost(let host):
            captures["host"] = host
            return CheckHit(ruleId: invalidHost, captures: captures, subject: host)
        case .invalidRepository(let repository):
            captures["repository"] = repository
            return CheckHit(ruleId: invalidRepository, captures: captures, subject: repository)
        case .invalidTag(let tag):
            captures["tag"] = tag
            return CheckHit(ruleId: invalidTag, captures: captures, subject: tag)
        }
    }

    /// "9 digits", "12 characters with a letter".
    private static func describeLength(_ account: String) -> String {
        let allDigits = account.allSatisfy { $0.isASCII && $0.isNumber }
        return allDigits ? "\(account.count) digits" : "\(account.count) characters, not all digits"
    }

    private static func describeCulprit(command: String?, uri: RegistryURI, offset: Int, piece: String) -> String {
        guard let command else { return "the variable that supplies the \(piece) (the command's text is not in the log)" }
        switch VariableAlignment.culprit(command: command, expanded: uri.text, offset: offset) {
        case .unset(let name)?: return "$\(name)"
        case .within(let name)?: return "the value of $\(name)"
        case nil: return "the variable that supplies the \(piece)"
        }
    }

    static let unsetVariable = "ecr-uri-unset-variable"
    static let invalidAccount = "ecr-uri-invalid-account"
    static let invalidRegion = "ecr-uri-invalid-region"
    static let invalidHost = "ecr-uri-invalid-host"
    static let invalidRepository = "ecr-uri-invalid-repository"
    static let invalidTag = "ecr-uri-invalid-tag"

    static let kind = CheckKind(rules: rules, literals: [".dkr.ecr"], make: { RegistryURICheck() })

    private static let docURL = "https://docs.aws.amazon.com/AmazonECR/latest/userguide/docker-push-ecr-image.html"
    private static let push = "[Container] 2024/03/06 10:00:05.123456 Running command docker push "
        + "$AWS_ACCOUNT_ID.dkr.ecr.$AWS_DEFAULT_REGION.amazonaws.com/$IMAGE_REPO_NAME:$IMAGE_TAG"

    static let rules: [Rule] = [
        Rule(id: unsetVariable, category: .registryURIInvalid, title: "ECR registry URI has an empty part (unset variable)",
             severity: .error, literals: [".dkr.ecr"],
             explanation: "The registry reference {{uri}} has an empty {{piece}}: {{variable}} was empty when the "
                + "command ran, so Docker got an unusable image reference.",
             remediation: "Set {{variable}} for the build: as an environment variable of the project, in the "
                + "buildspec's env section, or export it in an earlier command of the same phase.",
             docURL: docURL,
             triggering: [
                push + "\n↓ Error parsing reference: \"123456789012.dkr.ecr..amazonaws.com/my-app:latest\" is not a valid repository/tag: invalid reference format",
                push + "\n↓ The push refers to repository [.dkr.ecr.us-east-1.amazonaws.com/my-app]",
                "↓ invalid reference format: 123456789012.dkr.ecr.us-east-1.amazonaws.com/:latest",
                "↓ Error parsing reference: \"123456789012.dkr.ecr.eu-west-1.amazonaws.com/my-app:\" is not a valid repository/tag: invalid reference format",
            ],
            nonTriggering: [
                push,
                "The push refers to repository [123456789012.dkr.ecr.us-east-1.amazonaws.com/my-app]",
                "docker login --username AWS --password-stdin ${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com",
            ]),
        Rule(id: invalidAccount, category: .registryURIInvalid, title: "ECR registry URI has an invalid account id",
             severity: .error, literals: [".dkr.ecr"],
             explanation: "{{account}} in {{uri}} is not an AWS account id: it has {{digits}}, an account id has 12 digits, so "
                + "no such registry exists.",
             remediation: "Use the 12-digit account id of the registry's account (aws sts get-caller-identity "
                + "--query Account prints yours).",
             docURL: docURL,
             triggering: ["↓ The push refers to repository [43534534512.dkr.ecr.us-east-1.amazonaws.com/my-app]",
                          "↓ Get \"https://12345678901O.dkr.ecr.us-east-1.amazonaws.com/v2/\": dial tcp: lookup failed"],
             nonTriggering: ["The push refers to repository [123456789012.dkr.ecr.us-east-1.amazonaws.com/my-app]",
                             // Posters' redactions and placeholders are not defects.
                             "The push refers to repository [XXXXXXXXXXXX.dkr.ecr.us-east-1.amazonaws.com/my-app]",
                             "The push refers to repository [<account-id>.dkr.ecr.us-east-1.amazonaws.com/my-app]",
                             "The push refers to repository [123456789.dkr.ecr.us-east-1.amazonaws.com/my-app]",
                             "denied: Your authorization token has expired: **SUBACCOUNT**.dkr.ecr.eu-west-1.amazonaws.com",
                             "Error response from daemon: Get \"https://aws_account_id.dkr.ecr.region.amazonaws.com/v2/\"",
                             // Not an image reference Docker received.
                             "echo Pushing to 1234.dkr.ecr.us-east-1.amazonaws.com/my-app",
                             "\"repositoryUri\": \"1234.dkr.ecr.us-east-1.amazonaws.com/my-app\","]),
        Rule(id: invalidRegion, category: .registryURIInvalid, title: "ECR registry URI has an unknown region",
             severity: .error, literals: [".dkr.ecr"],
             explanation: "{{region}} in {{uri}} is not an AWS region code, so the registry host does not resolve.",
             remediation: "Correct the region (for example us-east-1, eu-west-1); check AWS_DEFAULT_REGION or the "
                + "variable the URI is built from.",
             docURL: "https://docs.aws.amazon.com/general/latest/gr/ecr.html",
             triggering: ["↓ The push refers to repository [123456789012.dkr.ecr.us-east01.amazonaws.com/my-app]",
                          "↓ Error response from daemon: Get \"https://123456789012.dkr.ecr.eu-west-9.amazonaws.com/v2/\": no such host"],
             nonTriggering: ["The push refers to repository [123456789012.dkr.ecr.eu-west-3.amazonaws.com/my-app]",
                             "Login to 123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn succeeded"]),
        Rule(id: invalidHost, category: .registryURIInvalid, title: "ECR registry host has the wrong form",
             severity: .error, literals: [".dkr.ecr"],
             explanation: "{{host}} is not a valid ECR host: China regions use amazonaws.com.cn, other regions "
                + "amazonaws.com, and dkr.ecr-fips exists only in US and Canada regions.",
             remediation: "Write the host as <account>.dkr.ecr.<region>.amazonaws.com (.com.cn for cn- regions).",
             docURL: "https://docs.aws.amazon.com/general/latest/gr/ecr.html",
             triggering: ["↓ The push refers to repository [123456789012.dkr.ecr.cn-north-1.amazonaws.com/my-app]",
                          "↓ docker pull 123456789012.dkr.ecr-fips.eu-west-1.amazonaws.com/base:1.0"],
             nonTriggering: ["docker pull 123456789012.dkr.ecr-fips.us-east-1.amazonaws.com/base:1.0"]),
        Rule(id: invalidRepository, category: .registryURIInvalid, title: "ECR repository name is invalid",
             severity: .error, literals: [".dkr.ecr"],
             explanation: "{{repository}} in {{uri}} is not a valid repository name: 2-256 characters, lower-case "
                + "letters, digits and . _ - / separators, no separator at either end.",
             remediation: "Rename the image reference to the ECR repository's exact (lower-case) name.",
             docURL: "https://docs.aws.amazon.com/AmazonECR/latest/userguide/repository-create.html",
             triggering: ["↓ invalid reference format: repository name must be lowercase: 123456789012.dkr.ecr.us-east-1.amazonaws.com/My-App:latest",
                          "↓ The push refers to repository [123456789012.dkr.ecr.us-east-1.amazonaws.com/team/-app]"],
             nonTriggering: ["The push refers to repository [123456789012.dkr.ecr.us-east-1.amazonaws.com/team/my_app.v2]"]),
        Rule(id: invalidTag, category: .registryURIInvalid, title: "Image tag is invalid",
             severity: .error, literals: [".dkr.ecr"],
             explanation: "{{tag}} in {{uri}} is not a valid image tag: up to 128 letters, digits, _ . - and not "
                + "starting with . or -.",
             remediation: "Build the tag from a safe value, e.g. the first 7 characters of CODEBUILD_RESOLVED_SOURCE_VERSION.",
             docURL: "https://docs.docker.com/reference/cli/docker/image/tag/",
             triggering: ["↓ invalid reference format: 123456789012.dkr.ecr.us-east-1.amazonaws.com/my-app:-rc1",
                          "↓ tag does not exist: 123456789012.dkr.ecr.us-east-1.amazonaws.com/my-app:v1+build"],
             nonTriggering: ["Successfully tagged 123456789012.dkr.ecr.us-east-1.amazonaws.com/my-app:v1.2.3_rc-1"]),
    ]
}
