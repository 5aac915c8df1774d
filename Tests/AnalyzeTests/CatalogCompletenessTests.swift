import Analyze
import Foundation
import XCTest

/// The catalog is data with proof: every rule file is registered, ids are stable and unique, every rule
/// has both kinds of example, and every category has a rule.
final class CatalogCompletenessTests: XCTestCase {
    private let catalogDirectory = repositoryRoot.appendingPathComponent("Sources/Analyze/Catalog")

    /// `id: "…"` literals declared in each catalog file other than BuiltinCatalog.swift.
    private func declaredIds() throws -> [String: [String]] {
        let pattern = try NSRegularExpression(pattern: #"\bid:\s*"([^"]+)""#)
        var result: [String: [String]] = [:]
        let files = FileManager.default.enumerator(at: catalogDirectory, includingPropertiesForKeys: nil)
        while let url = files?.nextObject() as? URL {
            guard url.pathExtension == "swift", url.lastPathComponent != "BuiltinCatalog.swift" else { continue }
            let text = try String(contentsOf: url, encoding: .utf8)
            let ids = pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
                Range($0.range(at: 1), in: text).map { String(text[$0]) }
            }
            result[url.path.replacingOccurrences(of: repositoryRoot.path + "/", with: "")] = ids
        }
        return result
    }

    func testEveryCatalogFileDeclaresRegisteredRules() throws {
        let registered = Set(BuiltinCatalog.rules.map(\.id))
        for (file, ids) in try declaredIds() {
            XCTAssertFalse(ids.isEmpty, "\(file) declares no rule (`id: \"…\"`)")
            for id in ids { XCTAssertTrue(registered.contains(id), "\(id) in \(file) is not in BuiltinCatalog.rules") }
        }
    }

    func testIdsAreUniqueKebabCaseAndEveryRuleHasBothKindsOfExample() throws {
        let rules = RulesDocument.allBuiltinRules
        var seen = Set<String>()
        for rule in rules {
            XCTAssertTrue(seen.insert(rule.id).inserted, "duplicate id \(rule.id)")
            XCTAssertNotNil(rule.id.range(of: #"^[a-z0-9]+(-[a-z0-9]+)*$"#, options: .regularExpression), "\(rule.id) is not kebab-case")
            XCTAssertFalse(rule.triggering.isEmpty, "\(rule.id) has no triggering example")
            XCTAssertFalse(rule.nonTriggering.isEmpty, "\(rule.id) has no nonTriggering example")
            XCTAssertTrue(rule.triggering.allSatisfy { $0.contains(RuleExampleRunner.marker) },
                          "\(rule.id): every triggering example marks its evidence with ↓")
            XCTAssertFalse(rule.title.isEmpty || rule.explanation.isEmpty || rule.remediation.isEmpty, rule.id)
        }
        XCTAssertNoThrow(try CompiledCatalog(rules: BuiltinCatalog.rules))
    }

    /// Turned green by the catalog work: each failure category needs at least one rule.
    func testEveryCategoryHasARule() {
        let covered = Set(RulesDocument.allBuiltinRules.map(\.category))
        let missing = Category.allCases.filter { ![.unclassified, .credentialLeak].contains($0) && !covered.contains($0) }
        XCTAssertEqual(missing, [], "categories without a rule: \(missing.map(\.rawValue).joined(separator: ", "))")
    }
}
