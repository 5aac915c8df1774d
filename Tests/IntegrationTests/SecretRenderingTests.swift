import Foundation
import TestSupport
import XCTest

/// Secret kinds on a failing line, through every rendered format of the built binary: the secret never
/// appears, whether as evidence, context, or filled into an explanation by a rule's capture; the
/// near-miss printed beside it stays as it is (redaction must not eat ordinary text).
final class SecretRenderingTests: XCTestCase {
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
        for entry in SecretCorpus.kinds {
            let log = """
                [Container] 2024/03/06 10:00:00.000000 Entering phase BUILD
                [Container] 2024/03/06 10:00:00.000000 Running command ./deploy.sh
                \(entry.nearMiss)
                leak: \(entry.line)
                [Container] 2024/03/06 10:00:01.000000 Command did not exit successfully ./deploy.sh exit status 1
                [Container] 2024/03/06 10:00:01.000000 Phase complete: BUILD State: FAILED

                """
            // The compact text report names a finding that is not the root cause in one line; --verbose
            // renders its filled explanation and context too, which is what this test is about.
            let compact = try EndToEnd.run(["--rules", rules.path, "-"], stdin: Data(log.utf8),
                                           environment: ["COLUMNS": "250"])
            XCTAssertFalse(compact.stdout.contains(entry.secret), "\(entry.kind) leaked in the compact text report")
            for format in ["text", "json", "markdown", "slack"] {
                let run = try EndToEnd.run(["--rules", rules.path, "--format", format, "--verbose", "-"],
                                           stdin: Data(log.utf8), environment: ["COLUMNS": "250"])
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

    static let formats = ["text", "json", "markdown", "slack"]

    /// Rules `echo-1` … `echo-N`: rule `i` fires on `leak-i: …` and copies the rest of the line into its
    /// explanation and remediation, so every corpus line is evidence of its own finding in one run.
    static func echoRules(count: Int) -> String {
        var yaml = "rules:\n"
        for index in 1...count {
            yaml += """
                  - id: echo-\(index)
                    category: credential-leak
                    title: Echoed line \(index)
                    severity: critical
                    literals: ['leak-\(index): ']
                    regex: 'leak-\(index): (?<all>.*)$'
                    explanation: 'The build printed {{all}}'
                    remediation: 'Stop printing {{all}}'
                    examples:
                      triggering:
                        - "↓ leak-\(index): something"
                      nonTriggering:
                        - "no leak here"

                """
        }
        return yaml
    }

    /// Every line of the secret corpus on a failing line, each echoed whole into its own finding's explanation,
    /// beside a multi-line private key and a token in the running command: no secret in any rendered format,
    /// nor on stderr.
    func testNoCorpusSecretInAnyRenderedFormat() throws {
        let directory = try EndToEnd.scratchDirectory(for: self)
        let rules = directory.appendingPathComponent("echo-each.yaml")
        let corpus = SecretCorpus.lines
        try Data(Self.echoRules(count: corpus.count).utf8).write(to: rules)
        let keyBody = "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ"
        let token = "ghp_16C7e42F292c6912E7710c838347Ae178B4a"
        var log = """
            [Container] 2024/03/06 10:00:00.000000 Entering phase BUILD
            [Container] 2024/03/06 10:00:00.000000 Running command ./deploy.sh --token \(token)
            -----BEGIN OPENSSH PRIVATE KEY-----
            \(keyBody)
            -----END OPENSSH PRIVATE KEY-----

            """
        for (index, entry) in corpus.enumerated() { log += "leak-\(index + 1): \(entry.line)\n" }
        log += """
            [Container] 2024/03/06 10:00:01.000000 Command did not exit successfully ./deploy.sh --token \(token) exit status 1
            [Container] 2024/03/06 10:00:01.000000 Phase complete: BUILD State: FAILED

            """
        for format in Self.formats {
            let run = try EndToEnd.run(["--rules", rules.path, "--format", format, "--verbose", "-"], stdin: Data(log.utf8),
                                       environment: ["COLUMNS": "250"])
            XCTAssertEqual(run.status, 0, "\(format): \(run.stderr)")
            let shown = try Self.readable(run.stdout, format: format)
            if format == "json" {
                // Every line fired its own rule, so every secret had its chance to be shown.
                let fired = (1...corpus.count).filter { shown.contains("echo-\($0)\n") || shown.hasSuffix("echo-\($0)") }
                XCTAssertEqual(fired.count, corpus.count, "rules that fired: \(fired)")
            }
            for secret in corpus.map(\.secret) + [keyBody, token] {
                XCTAssertFalse(shown.contains(secret), "\(secret) leaked in \(format):\n\(shown)")
                XCTAssertFalse(run.stderr.contains(secret), "\(secret) leaked on stderr")
            }
        }
    }

    /// `ecr-get-login-printed-not-run` prints a (fake) 1,000+ character ECR token in a `docker login -p` line:
    /// no 24-character piece of it reaches any rendered format.
    func testPrintedLoginTokenInNoRenderedFormat() throws {
        let log = EndToEnd.packageRoot.appendingPathComponent("Fixtures/logs/ecr-get-login-printed-not-run.log")
        let text = try String(contentsOf: log, encoding: .utf8)
        let loginLine = text.split(separator: "\n").first { $0.hasPrefix("docker login -u AWS -p ") }
        let token = try XCTUnwrap(loginLine?.split(separator: " ").dropFirst(5).first.map(String.init))
        XCTAssertGreaterThan(token.count, 1000, "the fixture's token is a realistic length")
        for format in Self.formats {
            let run = try EndToEnd.run(["--format", format, "--verbose", log.path], environment: ["COLUMNS": "250"])
            XCTAssertEqual(run.status, 0, "\(format): \(run.stderr)")
            let shown = try Self.readable(run.stdout, format: format)
            for start in stride(from: 0, to: token.count - 24, by: 200) {
                let piece = String(token.dropFirst(start).prefix(24))
                XCTAssertFalse(shown.contains(piece), "token piece at \(start) in \(format)")
            }
        }
    }

    /// Credentials a command printed are credential-leak findings of the built-in catalog, shown in every format
    /// without their values.
    func testPrintedCredentialsAreReportedWithoutTheirValues() throws {
        let secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
        let githubToken = "ghp_1234567890abcdefghijklmnopqrstuvwxyzAB"
        let log = """
            [Container] 2024/03/06 10:00:00.000000 Entering phase BUILD
            [Container] 2024/03/06 10:00:00.000000 Running command env
            AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE
            AWS_SECRET_ACCESS_KEY=\(secret)
            [Container] 2024/03/06 10:00:00.000000 Running command git clone https://x-access-token:\(githubToken)@github.com/acme/app.git
            [Container] 2024/03/06 10:00:00.000000 Running command ./deploy.sh
            ./deploy.sh: line 3: terraform: command not found
            [Container] 2024/03/06 10:00:01.000000 Command did not exit successfully ./deploy.sh exit status 127
            [Container] 2024/03/06 10:00:01.000000 Phase complete: BUILD State: FAILED

            """
        for format in Self.formats {
            let run = try EndToEnd.run(["--format", format, "--verbose", "-"], stdin: Data(log.utf8), environment: ["COLUMNS": "250"])
            XCTAssertEqual(run.status, 0, "\(format): \(run.stderr)")
            let shown = try Self.readable(run.stdout, format: format)
            if format == "json" {
                XCTAssertTrue(shown.contains("aws-secret-key-in-log") && shown.contains("access-token-in-log"), shown)
            }
            for value in [secret, githubToken, "AKIAIOSFODNN7EXAMPLE"] {
                XCTAssertFalse(shown.contains(value) || run.stderr.contains(value), "\(value) leaked in \(format)")
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
