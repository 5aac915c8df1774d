@testable import Analyze
import Fetch
import Foundation
import XCTest

/// Lines as they appear in build logs, each with the secret that must not survive.
let secretCorpus: [(line: String, secret: String)] = [
    ("export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE", "AKIAIOSFODNN7EXAMPLE"),
    ("Using credentials ASIAY34FZKBOKMUTVV7A from the environment", "ASIAY34FZKBOKMUTVV7A"),
    ("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
    ("AWS_SECRET_ACCESS_KEY=je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY ./deploy.sh", "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY"),
    (#"{"AccessKeyId": "ASIAXXXXXXXXXXXXXXXX", "SecretAccessKey": "Zx9+ab/cdEFgh1JKlmnOPqrSTuvWXyz0123456AB", "SessionToken": "IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQD6"}"#,
     "Zx9+ab/cdEFgh1JKlmnOPqrSTuvWXyz0123456AB"),
    (#"{"SessionToken": "IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQD6"}"#,
     "IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQD6"),
    ("AWS_SESSION_TOKEN=FwoGZXIvYXdzEBYaDHqa0AP1/RRV/ExampleToken123", "FwoGZXIvYXdzEBYaDHqa0AP1/RRV/ExampleToken123"),
    ("docker login -u AWS -p eyJwYXlsb2FkIjoiZXhhbXBsZSJ9.c2lnbmF0dXJl -e none https://1.dkr.ecr.us-east-1.amazonaws.com",
     "eyJwYXlsb2FkIjoiZXhhbXBsZSJ9"),
    ("docker login -u deploy -p hunter2-secret registry.example.com", "hunter2-secret"),
    ("docker login --username deploy --password 'Pa55word!x' ghcr.io", "Pa55word!x"),
    ("helm registry login --password=s3cr3tValue registry.example.com", "s3cr3tValue"),
    ("curl -H 'Authorization: Basic dXNlcjpwYXNzd29yZA==' https://api.example.com", "dXNlcjpwYXNzd29yZA=="),
    ("> Authorization: token abcdef0123456789secret", "abcdef0123456789secret"),
    ("curl -H \"Bearer abc.def-ghi_jkl12345\" https://x", "abc.def-ghi_jkl12345"),
    ("git clone https://ghp_16C7e42F292c6912E7710c838347Ae178B4a@github.com/org/repo.git", "ghp_16C7e42F292c6912E7710c838347Ae178B4a"),
    ("GITHUB_TOKEN is github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz", "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz"),
    ("using gho_abcdefghijklmnopqrstuvwxyz0123456789", "gho_abcdefghijklmnopqrstuvwxyz0123456789"),
    ("CI_JOB_TOKEN glpat-xYz1234567890abcdefgh", "glpat-xYz1234567890abcdefgh"),
    ("slack token xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOp", "xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOp"),
    ("posting to https://hooks.slack.com/services/T0000/B0000/XXXXXXXXXXXXXXXXXXXXXXXX", "T0000/B0000/XXXXXXXXXXXXXXXXXXXXXXXX"),
    ("Cloning https://deploy:Sup3rS3cret@gitlab.example.com/group/project.git", "Sup3rS3cret"),
    ("psql postgres://admin:dbpass123@db.internal:5432/app", "dbpass123"),
    ("-----BEGIN RSA PRIVATE KEY-----MIIEowIBAAKCAQEA7bq-----END RSA PRIVATE KEY-----", "MIIEowIBAAKCAQEA7bq"),
    ("DB_PASSWORD=correct-horse-battery", "correct-horse-battery"),
    ("client_secret: 9f8e7d6c5b4a", "9f8e7d6c5b4a"),
]

final class RedactionTests: XCTestCase {
    func testAllPatternsCompile() {
        XCTAssertEqual(Redactor.compiledPatternCount, Redactor.declaredPatternCount)
    }

    func testNoCorpusSecretSurvivesRedaction() {
        for (line, secret) in secretCorpus {
            let redacted = Redactor.redact(line)
            XCTAssertFalse(redacted.contains(secret), "secret survived in: \(redacted)")
            XCTAssertTrue(redacted.contains("REDACTED"), "nothing masked in: \(redacted)")
        }
    }

    func testHarmlessLinesAreLeftAlone() {
        let harmless = [
            "The push refers to repository [123456789012.dkr.ecr.us-east-1.amazonaws.com/my-app]",
            "denied: Your authorization token has expired. Reauthenticate and try again.",
            "docker login --username AWS --password-stdin 123456789012.dkr.ecr.us-east-1.amazonaws.com",
            "commit 9fceb02d0ae598e95dc970b74767f19372d61af8",
            "sha256:3f5ef9003cefbeb8e2b8f0e2a25e7d7f3f2a9a2c1b0e9d8c7b6a5f4e3d2c1b0a",
            "mkdir -p /codebuild/output/src123/src/github.com/org/repo",
        ]
        for line in harmless { XCTAssertEqual(Redactor.redact(line), line) }
    }

    func testPrivateKeyBlockLinesAreRedactedWhole() {
        let lines = ["cat key.pem", "-----BEGIN OPENSSH PRIVATE KEY-----", "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ",
                     "QyNTUxOQAAACDx", "-----END OPENSSH PRIVATE KEY-----", "next"]
        var tracker = PrivateKeyBlockTracker()
        let inside = lines.map { line in withLogLine(line) { tracker.update($0.bytes) } }
        XCTAssertEqual(inside, [false, true, true, true, true, false])
    }

    func testDiagnosisJSONCarriesNoCorpusSecret() throws {
        let build = ScriptedBuild()
        build.phase("BUILD", status: .failed)
        build.command("./deploy.sh --token ghp_16C7e42F292c6912E7710c838347Ae178B4a", exit: 1)
        build.output("-----BEGIN OPENSSH PRIVATE KEY-----", "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ",
                     "-----END OPENSSH PRIVATE KEY-----")
        for (line, _) in secretCorpus { build.output("error: \(line)") }
        build.finish(status: .failed)
        let rule = testRule("echo", literals: ["error:"], regex: #"error: (?<all>.*)$"#,
                            explanation: "printed {{all}}")
        var options = AnalyzerOptions()
        options.evidencePerFinding = 100
        let (diagnosis, _) = build.diagnose(try CompiledCatalog(rules: [rule]), options: options)
        let json = String(decoding: try JSONEncoder().encode(diagnosis), as: UTF8.self)
        XCTAssertEqual(diagnosis.findings.first { $0.ruleId == "echo" }?.occurrences, secretCorpus.count)
        for (_, secret) in secretCorpus {
            let escaped = secret.replacingOccurrences(of: "/", with: "\\/")
            XCTAssertFalse(json.contains(secret) || json.contains(escaped), "secret \(secret) in JSON")
        }
        XCTAssertFalse(json.contains("b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ"))
    }
}
