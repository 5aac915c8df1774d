import Analyze
import Foundation
import XCTest

final class RulesDocTests: XCTestCase {
    func testCommittedRulesDocIsCurrent() throws {
        let url = repositoryRoot.appendingPathComponent("docs/RULES.md")
        let expected = RulesDocument.markdown()
        if ProcessInfo.processInfo.environment["UPDATE_RULES_DOC"] == "1" {
            try expected.write(to: url, atomically: true, encoding: .utf8)
            XCTFail("docs/RULES.md rewritten; run again without UPDATE_RULES_DOC to verify")
            return
        }
        let committed = try? String(contentsOf: url, encoding: .utf8)
        XCTAssertTrue(committed == expected,
                      "docs/RULES.md is stale; regenerate it with: \(RulesDocument.regenerateCommand)")
    }

    func testEveryRuleHasASection() {
        let markdown = RulesDocument.markdown()
        for rule in RulesDocument.allBuiltinRules { XCTAssertTrue(markdown.contains("\n### \(rule.id)\n"), rule.id) }
    }
}
