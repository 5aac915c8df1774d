import Foundation
import XCTest

/// Secret kinds on a failing line, through every rendered format of the built binary: the secret never
/// appears, whether as evidence, context, or filled into an explanation by a rule's capture; the
/// near-miss printed beside it stays as it is (redaction must not eat ordinary text).
final class SecretRenderingTests: XCTestCase {
    static let kinds: [(kind: String, line: String, secret: String, nearMiss: String)] = [
        ("AWS secret key without / or + after its key id",
         "aws configure list: AKIAIOSFODNN7EXAMPLE wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEYab",
         "wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEYab",
         "checksum Kx7mQ2pLw9RtY4vBn6HsZ3cFd8GjA1eUoI5yTqWr for release"),
        ("quoted docker login password",
         #"docker login -u deploy -p "hunter2 horse staple" registry.example.com"#, "horse staple",
         "docker login -u deploy --password-stdin registry.example.com"),
        ("npm token", "echo npm_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abc", "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abc",
         "npm_config_cache=/root/.npm npm_package_version=1.2.3"),
        (".npmrc _auth", "//registry.npmjs.org/:_auth=dXNlcjpzM2NyZXRQYXNzd29yZA==", "dXNlcjpzM2NyZXRQYXNzd29yZA==",
         "npm ERR! need: _auth setting for the registry"),
        ("one-line PGP private key",
         "-----BEGIN PGP PRIVATE KEY BLOCK----- lQOYBGPgpgpsecretmaterialXYZ -----END PGP PRIVATE KEY BLOCK-----",
         "lQOYBGPgpgpsecretmaterialXYZ",
         "-----BEGIN PGP PUBLIC KEY BLOCK----- mQENBFpublicmaterialABC -----END PGP PUBLIC KEY BLOCK-----"),
    ]

    /// A rule that fires on the secret's line and copies the whole line into its explanation.
    static let echoRule = """
        rules:
          - id: echoed-line
            category: credential-leak
            title: Echoed line
            severity: critical
            literals: ['leak: ']
            regex: 'leak: (?<all>.*)$'
            explanation: 'The build printed {{all}}'
            remediation: 'Stop printing {{all}}'
            examples:
              triggering:
                - "↓ leak: something"
              nonTriggering:
                - "no leak here"

        """

    func testNoSecretKindIsRenderedAndNearMissesStay() throws {
        let directory = try EndToEnd.scratchDirectory(for: self)
        let rules = directory.appendingPathComponent("echo.yaml")
        try Data(Self.echoRule.utf8).write(to: rules)
        for entry in Self.kinds {
            let log = """
                [Container] 2024/03/06 10:00:00.000000 Entering phase BUILD
                [Container] 2024/03/06 10:00:00.000000 Running command ./deploy.sh
                \(entry.nearMiss)
                leak: \(entry.line)
                [Container] 2024/03/06 10:00:01.000000 Command did not exit successfully ./deploy.sh exit status 1
                [Container] 2024/03/06 10:00:01.000000 Phase complete: BUILD State: FAILED

                """
            for format in ["text", "json", "markdown", "slack"] {
                let run = try EndToEnd.run(["--rules", rules.path, "--format", format, "-"], stdin: Data(log.utf8),
                                           environment: ["COLUMNS": "250"])
                XCTAssertEqual(run.status, 0, "\(entry.kind) \(format): \(run.stderr)")
                let shown = try Self.readable(run.stdout, format: format)
                XCTAssertTrue(shown.contains("Echoed line"), "\(entry.kind) \(format): the rule did not fire")
                XCTAssertFalse(shown.contains(entry.secret), "\(entry.kind) leaked in \(format):\n\(shown)")
                XCTAssertFalse(run.stderr.contains(entry.secret), "\(entry.kind) leaked on stderr")
                XCTAssertTrue(shown.contains("REDACTED"), "\(entry.kind) \(format): nothing masked")
                if format != "slack" {
                    // Slack's payload keeps the evidence line only, not its context.
                    XCTAssertTrue(shown.contains(entry.nearMiss), "\(entry.kind) \(format): near-miss altered:\n\(shown)")
                }
            }
        }
    }

    /// The text a reader sees: JSON and Slack payloads decoded, so escaping cannot hide a secret.
    static func readable(_ output: String, format: String) throws -> String {
        guard format == "json" || format == "slack" else { return output }
        let document = try JSONSerialization.jsonObject(with: Data(output.utf8))
        var strings: [String] = []
        func collect(_ value: Any) {
            switch value {
            case let text as String: strings.append(text)
            case let array as [Any]: array.forEach(collect)
            case let object as [String: Any]: object.values.forEach(collect)
            default: break
            }
        }
        collect(document)
        return strings.joined(separator: "\n")
    }
}
