@testable import report
import XCTest

/// On a narrow terminal the phase table's "failed here" marker moves to a line of its own, whole, instead of
/// being cut; no line of the report is wider than the terminal.
final class NarrowTerminalTests: XCTestCase {
    func testTheFailedHereMarkerStaysWholeAtSixtyColumns() {
        for unicode in [false, true] {
            let settings = RenderSettings(color: false, unicode: unicode, width: 60, contextLines: 2, now: SampleDiagnoses.clock)
            let text = TextRenderer(settings: settings).render(SampleDiagnoses.failedBuild())
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let marker = try? XCTUnwrap(lines.first { $0.contains("failed here") })
            XCTAssertFalse(marker?.hasSuffix("…") ?? true, "\(marker ?? "")")
            XCTAssertFalse(marker?.hasSuffix("...") ?? true, "\(marker ?? "")")
            // A URL is kept whole so that it stays clickable.
            for line in lines where !line.contains("https://") { XCTAssertLessThanOrEqual(line.count, 60, "\(line)") }
        }
    }

    func testAWideTerminalKeepsTheMarkerOnThePhaseRow() {
        let settings = RenderSettings(color: false, unicode: false, width: 120, contextLines: 2, now: SampleDiagnoses.clock)
        let text = TextRenderer(settings: settings).render(SampleDiagnoses.failedBuild())
        let row = text.split(separator: "\n").first { $0.contains("failed here") }
        XCTAssertTrue(row?.contains("FAILED") ?? false, "\(row ?? "")")
    }
}
