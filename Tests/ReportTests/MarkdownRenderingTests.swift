import Analyze
import Fetch
import Parse
@testable import report
import TestSupport
import XCTest

/// Markdown reports rendered as GitHub renders them (markdown-it-py, CommonMark + GFM tables), not compared as
/// strings: code spans show `<package>`, not `&lt;package&gt;`; every fence and `<details>` is closed; no HTML from a
/// log gets through; a report never passes GitHub's 65,536-character comment limit.
final class MarkdownRenderingTests: XCTestCase {
    private let settings = RenderSettings(color: false, unicode: false, width: 100, contextLines: 2, now: SampleDiagnoses.clock)

    private func assertWellFormed(_ check: MarkdownCheck, _ label: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(check.doubleEscaped, 0, "\(label): entities shown as text", file: file, line: line)
        XCTAssertEqual(check.codeWithEntity, [], label, file: file, line: line)
        XCTAssertEqual(check.detailsOpen, check.detailsClose, "\(label): <details> balanced", file: file, line: line)
        XCTAssertEqual(check.fencesOpened, check.fencesClosed, "\(label): every fence closed", file: file, line: line)
        XCTAssertEqual(check.htmlTags, [], "\(label): no HTML but the report's own", file: file, line: line)
        XCTAssertLessThanOrEqual(check.characters, MarkdownRenderer.maxCharacters, label, file: file, line: line)
    }

    func testEveryFixtureReportRendersAsWritten() throws {
        let catalog = try CatalogLoader.compiled(userRuleFiles: [])
        let directory = GoldenFile.directory.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/logs")
        let logs = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".log") || $0.hasSuffix(".log.gz") }.sorted()
        XCTAssertGreaterThanOrEqual(logs.count, 40)
        var codeSpansWithAngles = 0
        for log in logs {
            guard case .source(let source)? = InputCollector.collect([directory.appendingPathComponent(log).path]).first else {
                XCTFail("\(log) could not be read"); continue
            }
            let diagnosis = try diagnose(source, catalog: catalog)
            let markdown = MarkdownRenderer(settings: settings).render(diagnosis)
            assertWellFormed(try MarkdownCheck.render(markdown), log)
            codeSpansWithAngles += CodeSpans.split(markdown.replacingOccurrences(of: "\n", with: " "))
                .filter { $0.isCode && $0.text.contains("<") }.count
        }
        XCTAssertGreaterThan(codeSpansWithAngles, 10, "the fixtures' advice has code spans with <placeholders>")
    }

    func testAHugeReportFitsGitHubsLimitAndStaysWellFormed() throws {
        var diagnosis = SampleDiagnoses.failedBuild()
        var cause = SampleDiagnoses.ecrExpired
        cause.evidence = (1...40).map { index in
            Evidence(line: NumberedLine(number: index, text: String(repeating: "x", count: 5_000) + " ``` <script> </details>"),
                     before: [NumberedLine(number: index, text: "<b>before</b>")], after: [], phase: "BUILD", command: "make")
        }
        diagnosis.rootCause = cause
        diagnosis.findings = [cause] + (1...300).map { index in
            var other = cause
            other.ruleId = "other-\(index)"
            return other
        }
        let markdown = MarkdownRenderer(settings: settings).render(diagnosis)
        assertWellFormed(try MarkdownCheck.render(markdown), "huge")
        XCTAssertTrue(markdown.contains("65,536-character limit"), "says what it left out")
        XCTAssertTrue(markdown.contains("more characters cut]") || !markdown.contains("```text"), "long lines are cut with a marker")
    }

    func testALongEvidenceLineIsCutWithAMarkerInsideItsFence() throws {
        var diagnosis = SampleDiagnoses.failedBuild()
        var cause = SampleDiagnoses.ecrExpired
        cause.evidence = [Evidence(line: NumberedLine(number: 7, text: String(repeating: "y", count: 3_000)), before: [], after: [])]
        diagnosis.rootCause = cause
        diagnosis.findings = [cause]
        let markdown = MarkdownRenderer(settings: settings).render(diagnosis)
        XCTAssertTrue(markdown.contains(" more characters cut]"), markdown)
        XCTAssertFalse(markdown.contains(String(repeating: "y", count: MarkdownRenderer.maxLineCharacters)), "cut at the cap")
        XCTAssertTrue(markdown.contains(String(repeating: "y", count: 900)), "but kept up to it")
        assertWellFormed(try MarkdownCheck.render(markdown), "long line")
    }

    func testCodeSpansFollowCommonMark() {
        XCTAssertEqual(CodeSpans.split("a `b<c>` d"), [.init(text: "a ", isCode: false), .init(text: "`b<c>`", isCode: true),
                                                     .init(text: " d", isCode: false)])
        XCTAssertEqual(CodeSpans.split("``a ` b`` c"), [.init(text: "``a ` b``", isCode: true), .init(text: " c", isCode: false)])
        XCTAssertEqual(CodeSpans.split("an ` alone"), [.init(text: "an ` alone", isCode: false)])
        XCTAssertEqual(MarkdownRenderer.inline("use `x <y>` or <z>"), "use `x <y>` or &lt;z&gt;")
    }
}
