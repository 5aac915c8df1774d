@testable import Analyze
import Fetch
import TestSupport
import Foundation
import XCTest

extension RedactionPatterns {
    /// Whether pattern `index` would replace anything in `text`, asked of PCRE2 without the literal pass.
    func matches(_ index: Int, _ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return substitute(index, in: bytes).map { $0 != bytes } ?? true
    }
}

final class RedactionTests: XCTestCase {
    func testAllPatternsCompile() {
        XCTAssertEqual(Redactor.compiledPatternCount, Redactor.declaredPatternCount)
    }

    /// Each pattern's literal list must hold for its matches: wherever PCRE2 would replace something, the literal
    /// pass lets the pattern run. Checked on every corpus line and near miss, and on each pattern's own required
    /// run where `RequiredLiteral` finds one (it must be one of the listed literals, or contain one).
    func testEveryPatternsLiteralsAreInEveryTextItMatches() {
        let patterns = Redactor.patterns
        var checked = 0
        for text in SecretCorpus.lines.map(\.0) + SecretCorpus.kinds.map(\.nearMiss) {
            let bytes = Array(text.utf8)
            guard bytes.allSatisfy({ $0 < 0x80 }) else { continue }
            let allowed = patterns.mayMatch(bytes)
            for (index, entry) in patterns.entries.enumerated() where patterns.matches(index, text) {
                XCTAssertTrue(allowed[index], "pattern \(index) (\(entry.literals)) matches but its literals are not in: \(text)")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 20)
        for entry in patterns.entries {
            guard let run = RequiredLiteral.of(entry.pattern, caseInsensitive: false) else { continue }
            let text = String(decoding: run.bytes, as: UTF8.self)
            XCTAssertTrue(entry.literals.contains { text.lowercased().contains($0.lowercased()) },
                          "\(entry.pattern): its run `\(text)` holds none of \(entry.literals)")
        }
    }

    func testNoCorpusSecretSurvivesRedaction() {
        for (line, secret) in SecretCorpus.lines {
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
        for entry in SecretCorpus.kinds {
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
}
