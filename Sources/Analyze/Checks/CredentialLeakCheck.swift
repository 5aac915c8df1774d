import Foundation

/// A registry password printed in the log: `docker login -p <password>` in a command's text, or the
/// `docker login -u AWS -p eyJ…` line that the removed `aws ecr get-login` printed. Anyone who can
/// read the log can use it until it expires. Never the cause of a failure; always reported.
final class CredentialLeakCheck: LineCheck {
    func inspect(_ line: InspectedLine, emit: (CheckHit) -> Void) {
        guard let tool = Self.leakingLogin(in: line.message) else { return }
        emit(CheckHit(ruleId: Self.ruleId, captures: ["tool": tool]))
    }

    /// `-p VALUE` / `--password VALUE` / `--password=VALUE` after `<tool> login`, where VALUE is a literal
    /// (a `$VARIABLE` is expanded by the shell and never printed by the agent).
    private static let pattern = try? NSRegularExpression(
        pattern: #"\b(docker|podman|buildah|skopeo|helm registry|oras|nerdctl)\s+login\b.*?\s(?:-p|--password)(?:\s+|=)['"]?([^\s'"]+)"#,
        options: [.caseInsensitive])

    static func leakingLogin(in message: String) -> String? {
        guard let pattern,
              let match = pattern.firstMatch(in: message, range: NSRange(message.startIndex..., in: message)),
              let toolRange = Range(match.range(at: 1), in: message),
              let valueRange = Range(match.range(at: 2), in: message) else { return nil }
        let value = message[valueRange]
        if value.hasPrefix("$") || value.hasPrefix("-") { return nil }
        return String(message[toolRange]).lowercased()
    }

    static let ruleId = "docker-login-password-in-log"

    static let kind = CheckKind(rules: [rule], literals: ["login"], make: { CredentialLeakCheck() })

    static let rule = Rule(
        id: ruleId, category: .credentialLeak, title: "Registry password printed in the build log",
        severity: .critical, literals: ["login"],
        explanation: "A {{tool}} login password appears in the build log (it is redacted in this report). Anyone "
            + "who can read the log group can use it until it expires; an ECR token lasts 12 hours.",
        remediation: "Pipe the password instead: aws ecr get-login-password | docker login --username AWS "
            + "--password-stdin <registry>. Treat the printed password as compromised: rotate it, and restrict "
            + "who can read the log group.",
        docURL: "https://docs.aws.amazon.com/AmazonECR/latest/userguide/registry_auth.html",
        triggering: [
            "[Container] 2024/03/06 10:00:02.000001 Running command $(aws ecr get-login --no-include-email --region us-east-1)\n"
                + "↓ docker login -u AWS -p eyJwYXlsb2FkIjoiQUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVoiLCJkYXRha2V5IjoiMTIzIn0= -e none https://111111111111.dkr.ecr.us-east-1.amazonaws.com",
            "↓ [Container] 2024/03/06 10:00:02.000001 Running command docker login -u deploy --password hunter2-secret registry.example.com",
        ],
        nonTriggering: [
            "[Container] 2024/03/06 10:00:02.000001 Running command aws ecr get-login-password --region us-east-1 | docker login --username AWS --password-stdin 111111111111.dkr.ecr.us-east-1.amazonaws.com",
            "[Container] 2024/03/06 10:00:02.000001 Running command docker login -u $DOCKERHUB_USER -p $DOCKERHUB_PASS",
            "Login Succeeded",
        ])
}
