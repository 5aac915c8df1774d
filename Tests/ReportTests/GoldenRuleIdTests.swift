import Analyze
import Foundation
import XCTest

/// Golden files show rule ids as users see them: every id in them must be one the binary can report (a built-in
/// rule or check, `unclassified`, or a rule of the test rule files), so a renamed rule cannot live on in a golden.
final class GoldenRuleIdTests: XCTestCase {
    func testEveryRuleIdInTheGoldenFilesExists() throws {
        var known = Set(RuleSet.builtinRules.map(\.id)).union(["unclassified"])
        let ruleFiles = GoldenFile.directory.appendingPathComponent("inputs/rules")
        for file in try FileManager.default.contentsOfDirectory(atPath: ruleFiles.path) where file.hasSuffix(".yaml") {
            let text = try String(contentsOf: ruleFiles.appendingPathComponent(file), encoding: .utf8)
            known.formUnion(Self.matches(of: #"id:\s*([a-z0-9-]+)"#, in: text))
        }
        guard let walker = FileManager.default.enumerator(at: GoldenFile.directory, includingPropertiesForKeys: nil) else {
            return XCTFail("no golden directory")
        }
        var checked = 0
        for case let url as URL in walker where !url.hasDirectoryPath && !url.path.contains("/inputs/") {
            let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
            // JSON `"ruleId": "x"`, text `[x, error, …]`, quiet `FAILED PHASE x:`.
            let ids = Self.matches(of: #""ruleId": "([a-z0-9-]+)""#, in: text)
                .union(Self.matches(of: #"\[([a-z0-9]+(?:-[a-z0-9]+)+), (?:error|warning|critical|info)"#, in: text))
            for id in ids {
                checked += 1
                XCTAssertTrue(known.contains(id), "\(url.lastPathComponent) shows rule id \(id), which no rule has")
            }
        }
        XCTAssertGreaterThan(checked, 20)
    }

    private static func matches(of pattern: String, in text: String) -> Set<String> {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return Set(regex.matches(in: text, range: range).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        })
    }
}
