import Foundation

/// Credentials a command printed into the log: an AWS secret access key or session token (`env`, `set -x`,
/// `aws sts assume-role` JSON, `aws configure export-credentials`), a GitHub, GitLab or npm token. Anyone who can
/// read the log group can use them. Never the cause of a failure; always reported, and redacted like every
/// secret (the report shows `[REDACTED]` in their place).
///
/// A value the shell did not expand (`$AWS_SECRET_ACCESS_KEY`), a masked one (`****************ABCD`) or one
/// shorter than the credential's format is not a leak.
final class SecretPrintedCheck: LineCheck {
    private struct Detector {
        let ruleId: String
        let kind: String
        let regex: NSRegularExpression
    }

    private static let detectors: [Detector] = [
        (secretKeyRuleId, "AWS secret access key",
         #"(?i)(?:aws_?secret_?access_?key|secret_?access_?key)["']?\s*[:=]\s*["']?[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])"#),
        (sessionTokenRuleId, "AWS session token",
         #"(?i)(?:aws_?session_?token|aws_?security_?token|session_?token)["']?\s*[:=]\s*["']?[A-Za-z0-9/+]{100,}"#),
        (tokenRuleId, "GitHub token", #"\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,})"#),
        (tokenRuleId, "GitLab token", #"\bglpat-[A-Za-z0-9_-]{20,}"#),
        (tokenRuleId, "npm token", #"(?:\bnpm_[A-Za-z0-9]{36}\b|_authToken=(?!\$)[A-Za-z0-9._~+/=-]{20,})"#),
    ].compactMap { entry in
        // Fixed patterns: a failure here is a programming error the check's examples catch.
        guard let regex = try? NSRegularExpression(pattern: entry.2) else { return nil }
        return Detector(ruleId: entry.0, kind: entry.1, regex: regex)
    }

    func inspect(_ line: InspectedLine, emit: (CheckHit) -> Void) {
        let text = line.message
        let range = NSRange(text.startIndex..., in: text)
        var reported: Set<String> = []
        for detector in Self.detectors where !reported.contains(detector.ruleId) {
            guard detector.regex.firstMatch(in: text, range: range) != nil else { continue }
            reported.insert(detector.ruleId)
            emit(CheckHit(ruleId: detector.ruleId, captures: ["kind": detector.kind]))
        }
    }

    static let secretKeyRuleId = "aws-secret-key-in-log"
    static let sessionTokenRuleId = "aws-session-token-in-log"
    static let tokenRuleId = "access-token-in-log"

    static let kind = CheckKind(
        rules: [secretKeyRule, sessionTokenRule, tokenRule],
        literals: ["secret_access_key", "secretaccesskey", "session_token", "sessiontoken", "security_token",
                   "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_", "glpat-", "npm_", "_authToken="],
        make: { SecretPrintedCheck() })

    private static let rotate = "Treat it as compromised: revoke or rotate it now, then remove what printed it (an `env`, "
        + "`printenv` or `set -x`, a command that echoes its output) and restrict who can read the log group."

    static let secretKeyRule = Rule(
        id: secretKeyRuleId, category: .credentialLeak, title: "AWS secret access key printed in the build log",
        severity: .critical, literals: ["secret_access_key", "SecretAccessKey"],
        explanation: "A command printed an AWS secret access key (redacted in this report). With its access key id, "
            + "which is usually printed beside it, anyone who can read the log group can act as that IAM identity.",
        remediation: "Deactivate and delete the access key in IAM (or, for a role's temporary key, revoke its "
            + "sessions). " + rotate + " Builds need no keys: the project's service role provides credentials.",
        docURL: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html#rotating_access_keys_console",
        triggering: [
            "[Container] 2024/03/06 10:00:02.000001 Running command env\n"
                + "AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\n"
                + "↓ AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            "↓         \"SecretAccessKey\": \"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\",",
        ],
        nonTriggering: [
            "[Container] 2024/03/06 10:00:02.000001 Running command aws configure set aws_secret_access_key $AWS_SECRET_ACCESS_KEY",
            "secret_key     ****************EKEY shared-credentials-file",
            "AWS_SECRET_ACCESS_KEY=[REDACTED]",
        ])

    static let sessionTokenRule = Rule(
        id: sessionTokenRuleId, category: .credentialLeak, title: "AWS session token printed in the build log",
        severity: .critical, literals: ["session_token", "SessionToken"],
        explanation: "A command printed an AWS session token (redacted in this report): with the key pair printed "
            + "near it, anyone who can read the log group can use the role's session until it expires (up to 12 hours).",
        remediation: "Revoke the role's active sessions (IAM console: Revoke active sessions) if the log was readable "
            + "by others. " + rotate,
        docURL: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_revoke-sessions.html",
        triggering: [
            "↓ AWS_SESSION_TOKEN=IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQDexampleexampleexampleexampleexampleAiBexampleexampleexampleexampleexampleKpoDCBIQAhoMMTIzNDU2Nzg5MDEyIgx",
        ],
        nonTriggering: [
            "export AWS_SESSION_TOKEN=$(jq -r .Credentials.SessionToken creds.json)",
            "AWS_SESSION_TOKEN=",
        ])

    static let tokenRule = Rule(
        id: tokenRuleId, category: .credentialLeak, title: "Access token printed in the build log",
        severity: .critical, literals: ["ghp_", "github_pat_", "glpat-", "npm_", "_authToken="],
        explanation: "A command printed a {{kind}} (redacted in this report). Anyone who can read the log group can "
            + "use it with its scopes until it is revoked.",
        remediation: "Revoke the token at its issuer (GitHub: Settings > Developer settings; npm: `npm token revoke`; "
            + "GitLab: Access tokens) and issue a new one kept in Secrets Manager (`secrets-manager:` in the "
            + "buildspec's env), never echoed. " + rotate,
        docURL: "https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec.env.secrets-manager",
        triggering: [
            "↓ git clone https://x-access-token:ghp_1234567890abcdefghijklmnopqrstuvwxyzAB@github.com/acme/app.git",
            "↓ //registry.npmjs.org/:_authToken=npm_abcdefghijklmnopqrstuvwxyz0123456789",
        ],
        nonTriggering: [
            "echo \"//registry.npmjs.org/:_authToken=${NPM_TOKEN}\" > .npmrc",
            "//registry.npmjs.org/:_authToken=$NPM_TOKEN",
            "Resolving ghp_ prefixed names",
        ])
}
