import Analyze
import Fetch
import Foundation
@testable import report
import XCTest

/// The text report leads with the answer: where it failed and the root cause with its evidence on the first
/// screen, generic symptoms folded into it, other findings a line each, repeated evidence once.
final class TextReportLayoutTests: XCTestCase {
    private let terminal = RenderSettings(color: false, unicode: false, width: 120, contextLines: 2,
                                          now: SampleDiagnoses.clock)

    /// Every failed build (or excerpt with a root cause) among the bundled fixtures and the real-log corpus, diagnosed as `analyze` does.
    private func failedDiagnoses() throws -> [(String, Diagnosis)] {
        let catalog = try CatalogLoader.compiled(userRuleFiles: [])
        let root = GoldenFile.directory.deletingLastPathComponent().deletingLastPathComponent()
        var result: [(String, Diagnosis)] = []
        for folder in ["Fixtures/logs", "Fixtures/real"] {
            let names = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)
            for name in names.sorted() where name.hasSuffix(".log") || name.hasSuffix(".log.gz") {
                let collected = InputCollector.collect([root.appendingPathComponent("\(folder)/\(name)").path])
                guard case .source(let source)? = collected.first else { continue }
                let diagnosis = try diagnose(source, catalog: catalog)
                if diagnosis.build.status.isFailure || diagnosis.rootCause != nil { result.append(("\(folder)/\(name)", diagnosis)) }
            }
        }
        XCTAssertGreaterThan(result.count, 100, "the fixtures and the corpus hold well over 100 failed builds")
        return result
    }

    func testTypicalFailureFitsAFortyLineTerminalWithTheAnswerOnIt() throws {
        var tooLong: [String] = []
        for (name, diagnosis) in try failedDiagnoses() {
            let lines = TextRenderer(settings: terminal).render(diagnosis).split(separator: "\n", omittingEmptySubsequences: false)
            if lines.count - 1 > 40 { tooLong.append("\(name): \(lines.count - 1) lines") }
            guard let cause = diagnosis.rootCause else { continue }
            let firstScreen = lines.prefix(40)
            XCTAssertTrue(firstScreen.contains { $0.contains("Root cause: \(cause.title)") }, "\(name): root cause not on the first screen")
            if cause.evidence.first?.origin == .log {
                XCTAssertTrue(firstScreen.contains { $0.hasPrefix("    > ") }, "\(name): no evidence line on the first screen")
            }
            if let phase = diagnosis.build.firstFailingPhase.map({ diagnosis.build.phases[$0].name }) {
                XCTAssertTrue(lines.prefix(10).contains { $0.hasPrefix("Failed in \(phase)") }, "\(name): failing phase not in the header")
            }
        }
        // A failure with three separate evidence blocks may run a little over; the typical one does not.
        XCTAssertLessThanOrEqual(tooLong.count, 2, tooLong.joined(separator: "\n"))
    }

    func testGenericSymptomsFoldIntoTheRootCauseUnlessVerbose() throws {
        var folded = 0
        for (name, diagnosis) in try failedDiagnoses() {
            guard let cause = diagnosis.rootCause else { continue }
            let compact = TextRenderer(settings: terminal).render(diagnosis)
            var verboseSettings = terminal
            verboseSettings.verbose = true
            let verbose = TextRenderer(settings: verboseSettings).render(diagnosis)
            for finding in diagnosis.findings where finding != cause {
                XCTAssertTrue(verbose.contains(finding.title), "\(name): --verbose lacks \(finding.ruleId)")
                if finding.isGenericSymptom {
                    folded += 1
                    XCTAssertFalse(compact.contains("  - \(finding.title)  ["), "\(name): \(finding.ruleId) listed, not folded")
                    XCTAssertTrue(compact.contains(finding.ruleId), "\(name): folded \(finding.ruleId) not named")
                } else {
                    XCTAssertTrue(compact.contains("  - \(finding.title)  [\(finding.ruleId)"), "\(name): \(finding.ruleId) not one line")
                }
            }
            // Only the root cause has a Why/Fix in the compact report.
            XCTAssertEqual(compact.components(separatedBy: "Why: ").count - 1, 1, "\(name)")
        }
        XCTAssertGreaterThan(folded, 50, "generic symptoms are common in failed builds")
    }

    func testIdenticalEvidenceLinesAreShownOnceWithTheirCount() {
        let denied = "denied: Your authorization token has expired. Reauthenticate and try again."
        let evidence = [12, 40, 77].map { number in
            Evidence(line: NumberedLine(number: number, text: denied),
                     before: [NumberedLine(number: number - 1, text: "retrying in 5 seconds")],
                     phase: "POST_BUILD", command: "docker push $REPO:$TAG")
        }
        var diagnosis = SampleDiagnoses.failedBuild()
        diagnosis.rootCause?.evidence = evidence
        diagnosis.rootCause?.occurrences = 3
        diagnosis.findings[0] = diagnosis.rootCause!
        let report = TextRenderer(settings: terminal).render(diagnosis)
        XCTAssertEqual(report.components(separatedBy: denied).count - 1, 1, report)
        XCTAssertTrue(report.contains("(line 12 again 2 more times: 40, 77)"), report)
    }

    func testEvidenceWhoseContextsTouchIsOneBlock() {
        let lines = (60...68).map { NumberedLine(number: $0, text: "upload failed: out/file\($0).html AccessDenied") }
        let evidence = [63, 64, 65].map { number in
            Evidence(line: lines[number - 60], before: Array(lines[(number - 62)..<(number - 60)]),
                     after: Array(lines[(number - 59)...(number - 58)]), phase: "POST_BUILD", command: "aws s3 sync out s3://b")
        }
        var diagnosis = SampleDiagnoses.failedBuild()
        diagnosis.rootCause?.evidence = evidence
        diagnosis.findings[0] = diagnosis.rootCause!
        let report = TextRenderer(settings: terminal).render(diagnosis)
        XCTAssertEqual(report.components(separatedBy: "$ aws s3 sync out s3://b").count - 1, 1, report)
        for number in 61...67 {
            XCTAssertEqual(report.components(separatedBy: " \(number) | ").count - 1, 1, "line \(number) once:\n\(report)")
        }
        XCTAssertEqual(report.components(separatedBy: "    > ").count - 1, 3, report)
    }

    func testQuietStaysOneLine() throws {
        for (name, diagnosis) in try failedDiagnoses().prefix(20) {
            let composer = ReportComposer(format: .text, quiet: true, settings: terminal)
            XCTAssertEqual(composer.streamed(diagnosis, index: 0, inputCount: 1).filter { $0 == "\n" }.count, 1, name)
        }
    }
}
