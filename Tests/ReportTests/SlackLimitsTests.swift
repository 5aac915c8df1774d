import Analyze
import Foundation
@testable import report
import XCTest

/// Whatever the log holds, the payload stays within Slack's Block Kit limits and says what it cut.
final class SlackLimitsTests: XCTestCase {
    private func hugeDiagnosis() -> Diagnosis {
        var diagnosis = SampleDiagnoses.failedBuild()
        var cause = SampleDiagnoses.ecrExpired
        cause.title = String(repeating: "Very long title ", count: 30)
        cause.explanation = String(repeating: "why <&> ", count: 800)
        cause.evidence = (1...40).map { index in
            Evidence(line: NumberedLine(number: index * 10, text: String(repeating: "x", count: 500) + " ``` <script>"),
                     before: [NumberedLine(number: index * 10 - 1, text: "before")], after: [], phase: "BUILD", command: "make")
        }
        cause.occurrences = 400
        diagnosis.rootCause = cause
        diagnosis.findings = [cause] + (1...80).map { index in
            var other = SampleDiagnoses.leakedKey
            other.ruleId = "other-\(index)"
            return other
        }
        return diagnosis
    }

    private func blocks(_ payload: JSONValue) throws -> [[String: Any]] {
        let text = JSONWriter(pretty: false).write(payload)
        let root = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        XCTAssertLessThanOrEqual(try XCTUnwrap(root["text"] as? String).count, SlackLimits.fallbackText)
        return try XCTUnwrap(root["blocks"] as? [[String: Any]])
    }

    func testHugeDiagnosisStaysWithinLimits() throws {
        let payload = SlackRenderer(settings: RenderSettings()).payload([hugeDiagnosis()], unreadable: [])
        let all = try blocks(payload)
        XCTAssertEqual(all.count, SlackLimits.blocksPerMessage)
        for block in all {
            let text = (block["text"] as? [String: Any])?["text"] as? String ?? ""
            switch block["type"] as? String {
            case "header": XCTAssertLessThanOrEqual(text.count, SlackLimits.headerText)
            case "section": XCTAssertLessThanOrEqual(text.count, SlackLimits.sectionText)
            case "context": XCTAssertLessThanOrEqual((block["elements"] as? [Any])?.count ?? 0, SlackLimits.contextElements)
            case "divider": break
            default: XCTFail("unexpected block type \(String(describing: block["type"]))")
            }
        }
        let lastContext = try XCTUnwrap(all.last?["elements"] as? [[String: Any]])
        XCTAssertTrue((lastContext.first?["text"] as? String ?? "").contains("more blocks cut"))
        let evidence = try XCTUnwrap(all.compactMap { ($0["text"] as? [String: Any])?["text"] as? String }
            .first { $0.hasPrefix("*Evidence*") })
        XCTAssertTrue(evidence.contains("more lines cut to fit Slack"), evidence)
        XCTAssertFalse(evidence.contains("<script>"), "mrkdwn control characters must be escaped")
        XCTAssertEqual(evidence.components(separatedBy: "```").count, 3, "a log line must not close the code block")
    }

    func testSummaryWithManyRulesStaysWithinLimits() throws {
        var summary = SummaryBuilder.build([SampleDiagnoses.failedBuild()])
        summary.rules = (1...400).map { FailureGroup(key: "rule-\($0)", title: "Title \($0)", count: 1, share: 0.01, examples: []) }
        let all = try blocks(SummarySlackRenderer(settings: RenderSettings()).payload(summary))
        for block in all {
            let text = (block["text"] as? [String: Any])?["text"] as? String ?? ""
            XCTAssertLessThanOrEqual(text.count, SlackLimits.sectionText)
        }
    }
}
