import Analyze
import Fetch
import XCTest

/// The redactor cleans what came from the log, never the catalog's own advice: every rule's explanation and fix
/// reach the finding as written (placeholders filled), while a secret in a capture is still redacted.
final class CatalogAdviceRedactionTests: XCTestCase {
    private func findings(for example: String) throws -> [Finding] {
        let text = example.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("↓ ") ? String($0.dropFirst(2)) : String($0) }.joined(separator: "\n") + "\n"
        let source = InMemoryLogSource(bytes: Array(text.utf8), displayName: "example.log")
        return try Analyze.diagnose(source, catalog: FixtureFiles.catalog.get()).findings
    }

    func testEveryRulesAdviceComesOutAsWritten() throws {
        var checked = 0
        for rule in BuiltinCatalog.rules where !rule.explanation.contains("{{") && !rule.remediation.contains("{{") {
            guard let example = rule.triggering.first,
                  let finding = try findings(for: example).first(where: { $0.ruleId == rule.id }) else { continue }
            XCTAssertEqual(finding.remediation, rule.remediation, rule.id)
            // The root cause's explanation may go on with what the analyzer saw (the command still running…).
            XCTAssertTrue(finding.explanation.hasPrefix(rule.explanation), "\(rule.id): \(finding.explanation)")
            checked += 1
        }
        // 56 when written: the rules with fixed advice whose first example fires on its own.
        XCTAssertGreaterThanOrEqual(checked, 50, "rules with fixed advice checked")
    }

    func testAdviceWithTokenShapedInstructionsIsIntact() throws {
        let maven = try XCTUnwrap(BuiltinCatalog.rules.first { $0.remediation.contains("CODEARTIFACT_AUTH_TOKEN=$(aws codeartifact") })
        let git = try XCTUnwrap(BuiltinCatalog.rules.first { $0.id == "git-clone-authentication-failed" })
        for rule in [maven, git] {
            let finding = try XCTUnwrap(try findings(for: rule.triggering[0]).first { $0.ruleId == rule.id }, rule.id)
            XCTAssertFalse(finding.remediation.contains("REDACTED"), "\(rule.id): \(finding.remediation)")
        }
    }

    func testASecretCapturedFromTheLogIsStillRedactedInTheFilledText() throws {
        let token = "ghp_1234567890abcdefghijklmnopqrstuvwxyzAB"
        let found = try findings(for: "fatal: Authentication failed for 'https://x-access-token:\(token)@github.com/acme/lib.git/'")
        let all = found.flatMap { [$0.explanation, $0.remediation] + $0.captures.values + $0.evidence.map(\.line.text) }
        XCTAssertFalse(found.isEmpty)
        XCTAssertFalse(all.contains { $0.contains(token) }, "\(all)")
    }
}
