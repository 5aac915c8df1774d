import Analyze
@testable import report
import XCTest

/// Every format on every sample, against files in `Tests/Golden/`. Settings are pinned: width 100,
/// a fixed clock, colour off unless the test forces it.
final class RenderGoldenTests: XCTestCase {
    private let plain = RenderSettings(color: false, unicode: false, width: 100, contextLines: 2, now: SampleDiagnoses.clock)
    private let fancy = RenderSettings(color: true, unicode: true, width: 100, contextLines: 2, now: SampleDiagnoses.clock)

    private let samples: [(String, Diagnosis)] = [
        ("failed", SampleDiagnoses.failedBuild()),
        ("succeeded", SampleDiagnoses.succeededBuild()),
        ("partial", SampleDiagnoses.partialBuild()),
    ]

    func testTextPlain() {
        for (name, diagnosis) in samples {
            GoldenFile.assertMatches(TextRenderer(settings: plain).render(diagnosis), "text/\(name).txt")
        }
    }

    func testTextWithColourForced() {
        for (name, diagnosis) in samples {
            GoldenFile.assertMatches(TextRenderer(settings: fancy).render(diagnosis), "text/\(name).color.txt")
        }
    }

    func testPlainTextIsASCIIWithoutEscapes() {
        for (_, diagnosis) in samples {
            let text = TextRenderer(settings: plain).render(diagnosis)
            XCTAssertFalse(text.contains("\u{1B}["), "ANSI escape in plain text")
            XCTAssertFalse(text.contains("✔") || text.contains("✘") || text.contains("▶"), "Unicode mark in plain text")
        }
    }

    func testJSON() {
        for (name, diagnosis) in samples {
            GoldenFile.assertMatches(JSONRenderer(settings: plain).render([diagnosis]), "json/\(name).json")
        }
        let several = JSONRenderer(settings: plain).render(samples.map(\.1),
                                                           unreadable: [UnreadableInput(name: "gone.log", message: "gone.log: no such file or directory")])
        GoldenFile.assertMatches(several, "json/several.json")
    }

    func testMarkdown() {
        for (name, diagnosis) in samples {
            GoldenFile.assertMatches(MarkdownRenderer(settings: plain).render(diagnosis), "markdown/\(name).md")
        }
    }

    func testSlack() {
        for (name, diagnosis) in samples {
            GoldenFile.assertMatches(SlackRenderer(settings: plain).render([diagnosis]), "slack/\(name).json")
        }
    }

    func testQuiet() {
        let composer = ReportComposer(format: .text, quiet: true, settings: plain)
        let lines = samples.enumerated().map { composer.streamed($1.1, index: $0, inputCount: samples.count) }.joined()
        GoldenFile.assertMatches(lines, "quiet/several.txt")
        XCTAssertEqual(composer.streamed(SampleDiagnoses.failedBuild(), index: 0, inputCount: 1),
                       "FAILED POST_BUILD ecr-auth-token-expired: ECR login token expired (docker push $REPO:$TAG)\n")
    }

    func testNarrowTerminalWrapsProseAndTrimsEvidence() {
        let narrow = RenderSettings(color: false, unicode: false, width: 60, contextLines: 2, now: SampleDiagnoses.clock)
        let text = TextRenderer(settings: narrow).render(SampleDiagnoses.failedBuild())
        for line in text.split(separator: "\n") where !line.contains("https://") {
            // Prose wraps at word boundaries; a single word longer than the width is the only exception.
            XCTAssertLessThanOrEqual(line.count, 60, "line wider than COLUMNS: \(line)")
        }
        let evidence = text.split(separator: "\n").first { $0.contains("> 56 |") }.map(String.init) ?? ""
        XCTAssertEqual(evidence, "    > 56 | denied: Your authorization token has expired. ...")
    }

    func testContextOptionLimitsContextLines() {
        let none = RenderSettings(color: false, unicode: false, width: 100, contextLines: 0, now: SampleDiagnoses.clock)
        let text = TextRenderer(settings: none).render(SampleDiagnoses.failedBuild())
        XCTAssertTrue(text.contains("> 56 |"))
        XCTAssertFalse(text.contains("55 | 5f70bf18a086"))
    }
}
