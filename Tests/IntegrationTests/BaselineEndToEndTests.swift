import Foundation
import TestSupport
import XCTest

/// `analyze FAILED.log --baseline GOOD.log` through the built binary, offline: exactly the seeded new lines, in
/// every format, and a JSON document that keeps to the schema.
final class BaselineEndToEndTests: XCTestCase {
    private let failed = "Fixtures/baseline/failed.log"
    private let green = "Fixtures/baseline/green.log"
    private static let seededLines = [
        "bundle dist/app.js exceeds its size budget by 231 kB",
        "largest new module: node_modules/moment/locale (287 kB)",
        "refusing to publish an oversized bundle",
        "npm WARN deprecated rimraf@3.0.2: Rimraf versions prior to v4 are no longer supported",
    ]

    func testJSONHoldsExactlyTheSeededNewLinesAndKeepsToTheSchema() throws {
        let run = try EndToEnd.run(["analyze", "--format", "json", failed, "--baseline", green])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stderr, "")
        try JSONSchemaValidation.validate(run.stdout, schema: "diagnosis.schema.json")
        let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let build = try XCTUnwrap((document["builds"] as? [[String: Any]])?.first)
        let baseline = try XCTUnwrap(build["baseline"] as? [String: Any])
        let groups = try XCTUnwrap(baseline["groups"] as? [[String: Any]])
        let newLines = groups.flatMap { ($0["lines"] as? [[String: Any]]) ?? [] }
            .filter { $0["new"] as? Bool == true }.compactMap { $0["text"] as? String }
        XCTAssertEqual(newLines, Self.seededLines)
        XCTAssertEqual(baseline["newLineCount"] as? Int, 4)
        XCTAssertEqual(groups.compactMap { $0["region"] as? String }, ["failing-command", "elsewhere"])
        let commands = try XCTUnwrap(baseline["commands"] as? [[String: Any]])
        XCTAssertEqual(commands.compactMap { $0["text"] as? String }, ["npm run build -- --sourcemap"])
        XCTAssertEqual(commands.compactMap { $0["kind"] as? String }, ["changed"])
        let slower = try XCTUnwrap(baseline["slowerPhases"] as? [[String: Any]])
        XCTAssertEqual(slower.compactMap { $0["phase"] as? String }, ["BUILD"])
        let cost = try XCTUnwrap(baseline["cost"] as? [String: Any])
        XCTAssertEqual(cost["apiCalls"] as? Int, 0)
        let rootCause = try XCTUnwrap(build["rootCause"] as? [String: Any])
        XCTAssertEqual(rootCause["ruleId"] as? String, "unclassified")
        let evidence = (rootCause["evidence"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
        XCTAssertEqual(evidence, Self.seededLines, "the new lines are the unclassified root cause's evidence")
    }

    func testWithoutABaselineTheJSONHasNoBaselineMember() throws {
        let run = try EndToEnd.run(["analyze", "--format", "json", failed])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertFalse(run.stdout.contains("\"baseline\""))
    }

    func testTextAndMarkdownMarkTheNewLines() throws {
        let text = try EndToEnd.run(["analyze", failed, "--baseline", green])
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(text.stdout.contains("Against the baseline Fixtures/baseline/green.log (SUCCEEDED, 100 lines)"), text.stdout)
        // No rule explains it: the new lines are the root cause's evidence, and the section only counts them.
        XCTAssertTrue(text.stdout.contains("4 new lines in 2 groups, shown above as the root cause's evidence."), text.stdout)
        for (number, line) in zip([73, 74, 75, 32], Self.seededLines) {
            XCTAssertTrue(text.stdout.contains("> \(number) | " + line), line)
        }
        XCTAssertFalse(text.stdout.contains("    + "), "the section does not list them a second time")
        XCTAssertTrue(text.stdout.contains("BUILD  changed  $ npm run build -- --sourcemap  (was: npm run build)"), text.stdout)
        XCTAssertTrue(text.stdout.contains("BUILD  1m 14s (baseline 12s, 6.3x)"), text.stdout)

        let markdown = try EndToEnd.run(["analyze", "--format", "markdown", failed, "--baseline", green])
        XCTAssertEqual(markdown.status, 0, markdown.stderr)
        XCTAssertTrue(markdown.stdout.contains("```diff"), markdown.stdout)
        for line in Self.seededLines { XCTAssertTrue(markdown.stdout.contains(line), line) }
        let slack = try EndToEnd.run(["analyze", "--format", "slack", failed, "--baseline", green])
        XCTAssertEqual(slack.status, 0, slack.stderr)
        let payload = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(slack.stdout.utf8)) as? [String: Any])
        let texts = ((payload["blocks"] as? [[String: Any]]) ?? []).compactMap { ($0["text"] as? [String: Any])?["text"] as? String }
        let section = try XCTUnwrap(texts.first { $0.hasPrefix("*Against the baseline*") }, "\(texts)")
        for line in Self.seededLines { XCTAssertTrue(section.contains(line), line) }
        let check = try MarkdownCheck.render(markdown.stdout)
        XCTAssertEqual(check.detailsOpen, check.detailsClose)
        XCTAssertEqual(check.fencesOpened, check.fencesClosed)
    }

    func testWhenARuleExplainsTheFailureTheSectionShowsTheNewLinesMarked() throws {
        let directory = try EndToEnd.scratchDirectory(for: self)
        let failedText = try String(contentsOfFile: EndToEnd.packageRoot.appendingPathComponent(failed).path, encoding: .utf8)
        let full = failedText.replacingOccurrences(of: "refusing to publish an oversized bundle",
                                                   with: "write dist/app.js.map: no space left on device")
        let path = directory.appendingPathComponent("disk-full.log").path
        try Data(full.utf8).write(to: URL(fileURLWithPath: path))
        let run = try EndToEnd.run(["analyze", path, "--baseline", green])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("[no-space-left-on-device"), run.stdout)
        XCTAssertTrue(run.stdout.contains("4 new lines in 2 groups:"), run.stdout)
        let marked = run.stdout.components(separatedBy: "\n").filter { $0.hasPrefix("    + ") }
        XCTAssertEqual(marked.map { String($0.split(separator: "|", maxSplits: 1).last ?? "").trimmingCharacters(in: .whitespaces) },
                       ["bundle dist/app.js exceeds its size budget by 231 kB",
                        "largest new module: node_modules/moment/locale (287 kB)",
                        "write dist/app.js.map: no space left on device",
                        "npm WARN deprecated rimraf@3.0.2: Rimraf versions prior to v4 are no longer supported"])
    }

    func testTheBaselineAgainstItselfHasNothingNew() throws {
        let run = try EndToEnd.run(["analyze", "--format", "json", green, "--baseline", green])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("\"newLineCount\": 0"), run.stdout)
    }
}
