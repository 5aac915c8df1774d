import Analyze
@testable import report
import XCTest

/// Evidence read from CodeBuild's phase record has no line number: every format names the record instead.
final class BuildRecordEvidenceRenderTests: XCTestCase {
    private let settings = RenderSettings(color: false, unicode: false, width: 200, contextLines: 2, now: SampleDiagnoses.clock)
    private let recordLine = "Phase context status code: BUILD_CONTAINER_UNABLE_TO_PULL_IMAGE Message: Unable to pull customer's container image."

    private func diagnosis() -> Diagnosis {
        var diagnosis = SampleDiagnoses.failedBuild()
        var cause = SampleDiagnoses.ecrExpired
        cause.evidence = [Evidence(line: NumberedLine(number: 0, text: recordLine), phase: "PROVISIONING",
                                   origin: .codebuildAPI)]
        diagnosis.rootCause = cause
        diagnosis.findings = [cause]
        return diagnosis
    }

    func testTextMarkdownAndSlackNameTheRecordInsteadOfALineNumber() {
        let outputs = [
            ("text", TextRenderer(settings: settings).render(diagnosis())),
            ("markdown", MarkdownRenderer(settings: settings).render(diagnosis())),
            ("slack", SlackRenderer(settings: settings).render([diagnosis()])),
        ]
        for (format, output) in outputs {
            // Slack escapes the marker as `&gt;`.
            let marker = format == "slack" ? "&gt; " : "> "
            XCTAssertTrue(output.contains(marker + "CodeBuild PROVISIONING: Phase context status code: BUILD_CONTAINER"),
                          "\(format):\n\(output)")
            XCTAssertFalse(output.contains(marker + "0 | "), "\(format) shows a line number 0:\n\(output)")
        }
    }

    func testJSONMarksTheOrigin() throws {
        let json = JSONRenderer(settings: settings).render([diagnosis()])
        let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let cause = try XCTUnwrap((document["builds"] as? [[String: Any]])?.first?["rootCause"] as? [String: Any])
        let evidence = try XCTUnwrap((cause["evidence"] as? [[String: Any]])?.first)
        XCTAssertEqual(evidence["origin"] as? String, "codebuild-api")
        XCTAssertEqual(evidence["line"] as? Int, 0)
        XCTAssertEqual(evidence["phase"] as? String, "PROVISIONING")
    }
}
