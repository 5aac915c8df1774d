/// Compares the reference a failing `docker push` asked for with the references the build tagged or
/// built. "An image does not exist locally with the tag" then says *which* name was wrong: the build
/// tagged `435345345.dkr.ecr.us-east01.amazonaws.com/app:latest` and pushed
/// `3453523626.dkr.ecr.us-east-1.amazonaws.com/app:latest`, so the account id and the region differ.
///
/// Commands are compared as written (`$REPOSITORY_URI:$IMAGE_TAG` against `$REPOSITORY_URI:latest`), so a
/// tag variable that differs between the tag and the push is found without knowing its value; expanded
/// names come from `Successfully tagged` / `naming to` lines and commands with no variables.
final class PushedReferenceNotTaggedCheck: LineCheck {
    /// References tagged or built so far, as written, oldest first (bounded).
    private var tagged: [String] = []

    func inspect(_ line: InspectedLine, emit: (CheckHit) -> Void) {
        let message = line.message
        if line.isAgentLine {
            guard message.hasPrefix("Running command ") else { return }
            for invocation in DockerReferenceSites.invocations(of: String(message.dropFirst("Running command ".count))) {
                switch invocation.subcommand {
                case "tag": remember(invocation.references)
                case "build": remember(invocation.references)
                default: break
                }
            }
            return
        }
        for marker in Self.builtMarkers {
            if let range = message.range(of: marker) {
                let rest = message[range.upperBound...]
                if let word = rest.split(separator: " ").first { remember([String(word)]) }
                return
            }
        }
        guard let missing = Self.missingReference(in: message), !tagged.isEmpty else { return }
        let pushed = Self.pushedReference(commandText: line.commandText) ?? missing
        guard !tagged.contains(pushed), !tagged.contains(missing) else { return }
        let best = Self.closest(to: pushed, among: tagged)
        emit(CheckHit(ruleId: Self.ruleId, captures: [
            "pushed": pushed, "tagged": best,
            "difference": Self.difference(tagged: best, pushed: pushed),
        ]))
    }

    private func remember(_ references: [String]) {
        for reference in references where !reference.isEmpty && !tagged.contains(reference) {
            tagged.append(reference)
            if tagged.count > 32 { tagged.removeFirst() }
        }
    }

    private static let builtMarkers = ["Successfully tagged ", "naming to "]
    private static let missingMarkers = ["An image does not exist locally with the tag: ", "tag does not exist: ",
                                         "No such image: "]

    /// The name in Docker's "no such local image" message.
    static func missingReference(in message: String) -> String? {
        for marker in missingMarkers {
            guard let range = message.range(of: marker) else { continue }
            let word = message[range.upperBound...].prefix { !" \t\"'".contains($0) }
            let trimmed = word.hasSuffix(".") ? word.dropLast() : word
            return trimmed.isEmpty ? nil : String(trimmed)
        }
        return nil
    }

    /// The reference the running `docker push` (or `docker tag` source) was given, as written.
    static func pushedReference(commandText: String?) -> String? {
        guard let commandText else { return nil }
        let invocations = DockerReferenceSites.invocations(of: commandText)
        if let push = invocations.last(where: { $0.subcommand == "push" }), let reference = push.references.first {
            return reference
        }
        return nil
    }

    /// Name and tag of a reference (`latest` when none is written).
    static func split(_ reference: String) -> (name: String, tag: String) {
        if let colon = reference.lastIndex(of: ":"), !reference[colon...].contains("/") {
            return (String(reference[..<colon]), String(reference[reference.index(after: colon)...]))
        }
        return (reference, "latest")
    }

    private static func basename(_ name: String) -> String {
        String(name.split(separator: "/").last ?? Substring(name))
    }

    /// The tagged reference most like the pushed one: same repository name first, then the latest.
    static func closest(to pushed: String, among tagged: [String]) -> String {
        let pushedName = split(pushed).name
        if let sameName = tagged.last(where: { split($0).name == pushedName }) { return sameName }
        if let sameBase = tagged.last(where: { basename(split($0).name) == basename(pushedName) }) { return sameBase }
        return tagged.last ?? pushed
    }

    /// What differs, piece by piece: registry account and region, repository, tag.
    static func difference(tagged: String, pushed: String) -> String {
        let (taggedName, taggedTag) = split(tagged)
        let (pushedName, pushedTag) = split(pushed)
        var parts: [String] = []
        if let taggedURI = RegistryURI.all(in: taggedName).first, let pushedURI = RegistryURI.all(in: pushedName).first {
            if taggedURI.account != pushedURI.account {
                parts.append("the account id differs (\(taggedURI.account) tagged, \(pushedURI.account) pushed)")
            }
            if taggedURI.region != pushedURI.region {
                parts.append("the region differs (\(taggedURI.region) tagged, \(pushedURI.region) pushed)")
            }
            if (taggedURI.repository ?? "") != (pushedURI.repository ?? "") {
                parts.append("the repository differs (\(taggedURI.repository ?? "none") tagged, \(pushedURI.repository ?? "none") pushed)")
            }
        } else if taggedName != pushedName {
            parts.append("the image name differs (\(taggedName) tagged, \(pushedName) pushed)")
        }
        if taggedTag != pushedTag { parts.append("the tag differs (\(taggedTag) tagged, \(pushedTag) pushed)") }
        return parts.isEmpty ? "they are written differently" : parts.joined(separator: " and ")
    }

    static let ruleId = "docker-push-reference-not-tagged"

    static let kind = CheckKind(
        rules: [rule],
        literals: ["Running command", "Successfully tagged ", "naming to ", "does not exist locally with the tag",
                   "tag does not exist: ", "No such image: "],
        specificity: 120,
        make: { PushedReferenceNotTaggedCheck() })

    private static let prefix = "[Container] 2021/03/01 10:00:01 Running command "

    // wording: Docker CLI's "An image does not exist locally with the tag: NAME" on `docker push` of a name no
    // local image has (aws-samples/sagemaker-studio-image-build-cli#16, aws/copilot-cli#1675); "tag does not
    // exist" from `docker push` of a missing tag on newer daemons; "No such image" from `docker tag`.
    static let rule = Rule(
        id: ruleId, category: .imageTagMismatch, title: "Pushed a reference that was never tagged",
        severity: .error, literals: ["does not exist locally with the tag", "tag does not exist: ", "No such image: "],
        explanation: "`docker push` asked for {{pushed}}, but the build tagged {{tagged}}: {{difference}}. No local "
            + "image carries the pushed name, so Docker had nothing to push.",
        remediation: "Push exactly the reference you tagged. Build both from one variable: "
            + "REPOSITORY_URI=$AWS_ACCOUNT_ID.dkr.ecr.$AWS_DEFAULT_REGION.amazonaws.com/$IMAGE_REPO_NAME, then "
            + "`docker tag $IMAGE_REPO_NAME:$IMAGE_TAG $REPOSITORY_URI:$IMAGE_TAG` and `docker push $REPOSITORY_URI:$IMAGE_TAG`.",
        docURL: "https://docs.aws.amazon.com/AmazonECR/latest/userguide/docker-push-ecr-image.html",
        triggering: [
            prefix + "docker tag myimagerepo:latest 111111111111.dkr.ecr.us-east-1.amazonaws.com/myimagerepo:latest\n"
                + prefix + "docker push 222222222222.dkr.ecr.us-east-1.amazonaws.com/myimagerepo:latest\n"
                + "The push refers to repository [222222222222.dkr.ecr.us-east-1.amazonaws.com/myimagerepo]\n"
                + "↓ An image does not exist locally with the tag: 222222222222.dkr.ecr.us-east-1.amazonaws.com/myimagerepo",
            prefix + "docker build -t $REPOSITORY_URI:$IMAGE_TAG .\nSuccessfully built 4f2a\n"
                + prefix + "docker push $REPOSITORY_URI:latest\n"
                + "The push refers to repository [111111111111.dkr.ecr.us-east-1.amazonaws.com/web]\n"
                + "↓ tag does not exist: 111111111111.dkr.ecr.us-east-1.amazonaws.com/web:latest",
        ],
        nonTriggering: [
            // Pushed what was tagged: the image is missing for another reason (the tag command failed).
            prefix + "docker tag web:latest $REPOSITORY_URI:latest\n" + prefix + "docker push $REPOSITORY_URI:latest\n"
                + "An image does not exist locally with the tag: 111111111111.dkr.ecr.us-east-1.amazonaws.com/web",
            // Nothing was tagged in this log: the plain rule speaks.
            prefix + "docker push 111111111111.dkr.ecr.us-east-1.amazonaws.com/web:latest\n"
                + "An image does not exist locally with the tag: 111111111111.dkr.ecr.us-east-1.amazonaws.com/web",
        ])
}
