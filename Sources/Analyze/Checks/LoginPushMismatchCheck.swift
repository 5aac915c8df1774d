import Foundation

/// Compares the registry `docker login` logged into with the registry a push or pull went to; when they
/// differ (account or region) and the push fails with an authentication error, the login simply
/// did not cover that registry.
///
/// Category `ecr-auth-expired`: to Docker a registry it never logged into looks exactly like one
/// whose token expired ("no basic auth credentials", "authorization token has expired"), and that is
/// the category a reader searches; the finding's text names both registries so the fix is clear.
final class LoginPushMismatchCheck: LineCheck {
    /// What the last login named: a full registry host, or only `--region` when the host was a variable.
    private var loginRegistry: RegistryURI?
    private var loginRegion: String?
    private var target: RegistryURI?

    func inspect(_ line: InspectedLine, emit: (CheckHit) -> Void) {
        let message = line.message
        let lower = message.lowercased()
        let uris = RegistryURI.all(in: message).filter { !$0.isTemplate && !$0.account.isEmpty && !$0.region.isEmpty }
        if lower.contains("docker login") || lower.contains("get-login-password") || lower.contains("podman login") {
            if let uri = uris.last { loginRegistry = uri }
            if let region = Self.regionOption(in: message) { loginRegion = region }
            return
        }
        if lower.contains("push refers to repository") || lower.contains("docker push") || lower.contains("docker pull") {
            if let uri = uris.first { target = uri }
            return
        }
        guard Self.authErrors.contains(where: { lower.contains($0) }), let target else { return }
        var loggedInto: String?
        if let loginRegistry, !loginRegistry.sameRegistry(as: target) {
            loggedInto = loginRegistry.host
        } else if loginRegistry == nil, let loginRegion, loginRegion != target.region {
            loggedInto = "the registry in region \(loginRegion)"
        }
        guard let loggedInto else { return }
        emit(CheckHit(ruleId: Self.ruleId, captures: ["loginRegistry": loggedInto, "pushRegistry": target.host]))
    }

    private static let regionPattern = try? NSRegularExpression(pattern: #"--region[= ]+([a-z]{2}(?:-[a-z]+)+-\d+)\b"#)

    private static func regionOption(in text: String) -> String? {
        guard let regionPattern,
              let match = regionPattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              let range = Range(match.range(at: 1), in: text) else { return nil }
        return String(text[range])
    }

    private static let authErrors = [
        "no basic auth credentials", "authorization token has expired", "denied:", "unauthorized:",
        "403 forbidden", "requested access to the resource is denied", "authentication required",
    ]

    static let ruleId = "ecr-login-registry-mismatch"

    static let kind = CheckKind(
        rules: [rule],
        literals: ["docker login", "podman login", "get-login-password", "push refers to repository", "docker push",
                   "docker pull", "no basic auth credentials", "authorization token has expired", "denied",
                   "unauthorized", "403 forbidden", "authentication required"],
        make: { LoginPushMismatchCheck() })

    private static let login = "[Container] 2024/03/06 10:00:02.000001 Running command aws ecr get-login-password "
        + "--region us-east-1 | docker login --username AWS --password-stdin 111111111111.dkr.ecr.us-east-1.amazonaws.com"

    static let rule = Rule(
        id: ruleId, category: .ecrAuthExpired, title: "Logged into one ECR registry, pushed to another",
        severity: .error, literals: ["no basic auth credentials", "denied", "unauthorized", "403 forbidden"],
        explanation: "docker login authenticated to {{loginRegistry}}, but the image went to {{pushRegistry}}. "
            + "ECR logins are per account and region, so Docker had no credentials for the registry it pushed to.",
        remediation: "Log into the registry you push to: aws ecr get-login-password --region <push region> | "
            + "docker login --username AWS --password-stdin {{pushRegistry}} (build both from the same variables).",
        docURL: "https://docs.aws.amazon.com/AmazonECR/latest/userguide/registry_auth.html",
        triggering: [
            login + "\nLogin Succeeded\n"
                + "The push refers to repository [222222222222.dkr.ecr.us-east-1.amazonaws.com/my-app]\n"
                + "5f70bf18a086: Preparing\n↓ no basic auth credentials",
            "aws ecr get-login-password --region eu-west-1 | docker login --username AWS --password-stdin $REGISTRY\n"
                + "The push refers to repository [111111111111.dkr.ecr.us-east-1.amazonaws.com/my-app]\n"
                + "↓ denied: Your authorization token has expired. Reauthenticate and try again.",
        ],
        nonTriggering: [
            login + "\nLogin Succeeded\n"
                + "The push refers to repository [111111111111.dkr.ecr.us-east-1.amazonaws.com/my-app]\n"
                + "denied: Your authorization token has expired. Reauthenticate and try again.",
            "The push refers to repository [222222222222.dkr.ecr.us-east-1.amazonaws.com/my-app]\nno basic auth credentials",
        ])
}
