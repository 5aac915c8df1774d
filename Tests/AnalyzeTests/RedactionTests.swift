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
] + secretKindCorpus.map { ($0.line, $0.secret) }

/// Secret kinds that once came out unredacted, each with a near-miss that must stay as it is. Shared with
/// the end-to-end test that checks every rendered format of the built binary.
let secretKindCorpus: [(kind: String, line: String, secret: String, nearMiss: String)] = [
    ("AWS secret key without / or + after its key id",
     "aws configure list: AKIAIOSFODNN7EXAMPLE wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEYab",
     "wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEYab",
     "checksum Kx7mQ2pLw9RtY4vBn6HsZ3cFd8GjA1eUoI5yTqWr for release"),
    ("quoted docker login password with spaces",
     #"docker login -u deploy -p "hunter2 horse staple" registry.example.com"#, "horse staple",
     #"docker login -u deploy --password-stdin registry.example.com < "token file""#),
    ("npm token of another length",
     "echo npm_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abc", "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abc",
     "npm_config_cache=/root/.npm npm_package_version=1.2.3"),
    (".npmrc _auth value",
     "//registry.npmjs.org/:_auth=dXNlcjpzM2NyZXRQYXNzd29yZA==", "dXNlcjpzM2NyZXRQYXNzd29yZA==",
     "npm ERR! code E401 Unable to authenticate, need: _auth setting for the registry"),
    ("one-line PGP private key block",
     "-----BEGIN PGP PRIVATE KEY BLOCK----- lQOYBGPgpgpsecretmaterialXYZ -----END PGP PRIVATE KEY BLOCK-----",
     "lQOYBGPgpgpsecretmaterialXYZ",
     "-----BEGIN PGP PUBLIC KEY BLOCK----- mQENBFpublicmaterialABC -----END PGP PUBLIC KEY BLOCK-----"),
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

    func testNearMissesOfTheSecretKindsStay() {
        for entry in secretKindCorpus {
            XCTAssertEqual(Redactor.redact(entry.nearMiss), entry.nearMiss, entry.kind)
        }
    }

    /// Long runs are judged whole by the byte scanner, the same way the lookahead patterns judged them.
    func testLongRunsAreJudgedWhole() {
        let mixed = String(repeating: "Ab3+", count: 17_500)
        XCTAssertEqual(Redactor.redact("token " + mixed + "== end"), "token [REDACTED] end")
        let lettersOnly = String(repeating: "a", count: 70_000)
        XCTAssertEqual(Redactor.redact("word " + lettersOnly), "word " + lettersOnly)
        let noDigits = String(repeating: "aB", count: 35_000)
        XCTAssertEqual(Redactor.redact(noDigits), noDigits)
        // A run after `=` was never taken for a token on its own (the `=` ends a padded run before it).
        let afterPadding = "x==" + String(repeating: "Ab3", count: 30)
        XCTAssertEqual(Redactor.redact(afterPadding), afterPadding)
        // Exactly 40 with a slash: a bare secret key; 41 or followed by `=`: not one.
        let key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
        XCTAssertEqual(Redactor.redact("key " + key + " x"), "key [REDACTED] x")
        XCTAssertEqual(Redactor.redact("key " + key + "Q x"), "key " + key + "Q x")
        XCTAssertEqual(Redactor.redact("key " + key + "= x"), "key " + key + "= x")
    }

    /// Long words near URL and login syntax: the bounded patterns still find the secret after them.
    func testBoundedPatternsStillRedactAfterLongWords() {
        let word = String(repeating: "a", count: 70_000)
        XCTAssertEqual(Redactor.redact(word + " https://deploy:Sup3rS3cret@gitlab.example.com/x"),
                       word + " https://deploy:[REDACTED]@gitlab.example.com/x")
        XCTAssertEqual(Redactor.redact(word + "https://deploy:Sup3rS3cret@host/x").contains("Sup3rS3cret"), false)
        XCTAssertEqual(Redactor.redact(String(repeating: "login ", count: 2_000) + "-p s3cret").contains("s3cret"), false)
        XCTAssertEqual(Redactor.redact(String(repeating: "a://", count: 17_500)), String(repeating: "a://", count: 17_500))
    }

    func testSecretKeyAfterKeyIdOnlyOnItsLine() {
        let secret = "wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEYab"
        XCTAssertEqual(Redactor.redact("AKIAIOSFODNN7EXAMPLE,\(secret)\nnext \(secret)"),
                       "[REDACTED],[REDACTED]\nnext \(secret)")
        // A git SHA after a key id is hex, not a mixed-case key.
        let sha = "9fceb02d0ae598e95dc970b74767f19372d61af8"
        XCTAssertEqual(Redactor.redact("AKIAIOSFODNN7EXAMPLE \(sha)"), "[REDACTED] \(sha)")
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
