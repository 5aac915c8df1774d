import Foundation

/// Removes secrets from text before it leaves Analyze: evidence lines and their context, captures,
/// explanations, command texts.
///
/// Runs only on the few strings a diagnosis keeps, when it keeps them (evidence, captures, command texts),
/// never per log line and never again when a report is rendered. Every step scans bytes in bounded time:
/// one literal pass decides which patterns may match, PCRE2 replaces only those, within a match budget
/// (`RedactionPatterns`; a text over budget is masked whole), and the patterns that must look at
/// whole character runs (long base64, bare secret access keys) are a byte scanner, `SecretRunScanner`, not
/// lookaheads. Over-redaction is preferred to a leak: a `password=` that was harmless costs a reader little.
public enum Redactor {
    /// What replaces a secret.
    public static let mask = "[REDACTED]"

    /// `text` with every recognised secret replaced by `mask`.
    public static func redact(_ text: String) -> String {
        guard !text.isEmpty else { return text }
        // First, while the access key id is still there to say a secret key may follow it.
        let keysMasked = SecretRunScanner.maskSecretKeysAfterKeyIds(text, mask: mask)
        guard let replaced = patterns.replaceAll(in: keysMasked) else { return mask }
        return SecretRunScanner.maskBase64Runs(replaced, mask: mask)
    }

    /// A line inside a `-----BEGIN … PRIVATE KEY-----` block, shown in place of its content.
    public static let privateKeyLine = "[REDACTED PRIVATE KEY LINE]"

    /// Each pattern with the literals one of which every match of it holds (`(?i)` patterns: in any ASCII case):
    /// a text holding none of them skips the pattern. `RedactionTests` holds the lists to the patterns.
    private static let table: [RedactionPatterns.Entry] = [
            // PEM and PGP private keys on one line (JSON-escaped files, echoed variables), or a BEGIN line alone.
            .init(#"-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----|$)"#,
                  "[REDACTED PRIVATE KEY]", literals: ["-----BEGIN "]),
            // `docker login -u AWS -p "<password with spaces>"`: a quoted value is secret up to its closing quote.
            .init(#"(?i)(\blogin\b.{0,512}?\s(?:-p|--password)(?:\s+|=))(["'])(?!-stdin)[^"'\r\n]{1,4096}\2"#,
                  "$1$2" + mask + "$2", literals: ["login"]),
            // `docker login -u AWS -p <token>` / `--password <pw>` (not --password-stdin).
            .init(#"(?i)(\blogin\b.{0,512}?\s(?:-p|--password)(?:\s+|=)['"]?)(?!-stdin)([^\s'"]+)"#, "$1" + mask,
                  literals: ["login"]),
            // Authorization headers: everything after the colon is credential material.
            .init(#"(?i)(\bauthorization["']?\s*[:=]\s*["']?)([^"'\r\n]+)"#, "$1" + mask, literals: ["authorization"]),
            .init(#"(?i)(\bbearer\s+)([A-Za-z0-9._~+/=-]{8,})"#, "$1" + mask, literals: ["bearer"]),
            // Named secrets: KEY=value, KEY: value, "Key": "value"; `.npmrc`'s `_auth=` (base64 of user:password).
            .init(#"(?i)((?:secret_?access_?key|session_?token|security_?token|x-amz-security-token|x-amz-signature|"#
                    + #"secret_?key|client_?secret|password|passwd|pwd|api_?key|access_?token|auth_?token|\btoken|"#
                    + #"\bsecret|\b_auth)["']?\s*[:=]\s*["']?)([^\s"',;}]+)"#, "$1" + mask,
                  literals: ["secret", "session", "security", "x-amz-signature", "password", "passwd", "pwd", "api",
                             "access", "auth", "token"]),
            // AWS access key ids (long-term AKIA…, temporary ASIA…, and the other IAM unique-id prefixes).
            .init(#"(?<![A-Z0-9])(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|ANPA|ANVA|APKA|AROA|ASCA)[A-Z0-9]{16}(?![A-Z0-9])"#,
                  mask, literals: ["AKIA", "ASIA", "ABIA", "ACCA", "AGPA", "AIDA", "AIPA", "ANPA", "ANVA", "APKA", "AROA", "ASCA"]),
            // GitHub, GitLab and Slack tokens.
            .init(#"\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{20,}"#, mask, literals: ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"]),
            .init(#"\bgithub_pat_[A-Za-z0-9_]{20,}"#, mask, literals: ["github_pat_"]),
            // npm automation and publish tokens (`npm_` and 36 characters; longer or shorter ones too,
            // never `npm_config_…`, whose underscore ends the run).
            .init(#"\bnpm_[A-Za-z0-9]{20,}"#, mask, literals: ["npm_"]),
            .init(#"\bgl(?:pat|dt|rt|ptt|cbt|oas)-[A-Za-z0-9_-]{16,}"#, mask,
                  literals: ["glpat-", "gldt-", "glrt-", "glptt-", "glcbt-", "gloas-"]),
            .init(#"\bxox[abposre]-[A-Za-z0-9-]{10,}"#, mask, literals: ["xox"]),
            .init(#"(?i)(https?://hooks\.slack\.com/)(?:services|workflows|triggers)/[A-Za-z0-9/_-]+"#, "$1" + mask,
                  literals: ["hooks.slack.com/"]),
            // Credentials in URLs: scheme://user:password@host, scheme://token@host. Bounded: an unbounded
            // scheme part retried from every letter of a long word made this quadratic.
            .init(#"([A-Za-z][A-Za-z0-9+.-]{0,31}://)([^/\s:@]{1,256}):([^/\s@]{1,4096})@"#, "$1$2:" + mask + "@",
                  literals: ["://"]),
            .init(#"([A-Za-z][A-Za-z0-9+.-]{0,31}://)([^/\s:@]{20,4096})@"#, "$1" + mask + "@", literals: ["://"]),
            // JWTs and ECR get-login tokens (base64 of JSON: they start `eyJ`).
            .init(#"eyJ[A-Za-z0-9_+/=-]{16,}(?:\.[A-Za-z0-9_+/=-]*)*"#, mask, literals: ["eyJ"]),
    ]

    // The patterns are fixed; one that does not compile is a programming error caught by the redaction tests.
    static let patterns = RedactionPatterns(table)

    /// Patterns declared and patterns that compiled; the tests require them equal.
    static var declaredPatternCount: Int { table.count }
    static var compiledPatternCount: Int { patterns.count }
}

/// Follows `-----BEGIN … PRIVATE KEY-----` … `-----END … PRIVATE KEY-----` blocks across lines, so that
/// the lines between (which carry no marker of their own) are redacted whole.
struct PrivateKeyBlockTracker {
    private(set) var inside = false

    /// Updates the state with one line; returns true when the line is inside a block (BEGIN and END
    /// lines included).
    mutating func update(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // One scan for the common case: a line without "PRIVATE KEY" can only be inside a block.
        guard contains(bytes, Self.privateKey) else { return inside }
        let hasEnd = contains(bytes, Self.end)
        if inside {
            if hasEnd { inside = false }
            return true
        }
        if contains(bytes, Self.begin) {
            inside = !hasEnd
            return true
        }
        return false
    }

    private static let begin = Array("-----BEGIN ".utf8)
    private static let end = Array("-----END ".utf8)
    private static let privateKey = Array("PRIVATE KEY".utf8)

    private func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        guard bytes.count >= needle.count, let first = needle.first else { return false }
        var index = 0
        while index + needle.count <= bytes.count {
            if bytes[index] == first {
                var offset = 1
                while offset < needle.count, bytes[index + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return true }
            }
            index += 1
        }
        return false
    }
}
