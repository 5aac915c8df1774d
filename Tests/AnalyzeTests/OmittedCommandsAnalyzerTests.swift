@testable import Analyze
import Fetch
import Parse
import XCTest

/// The analyzer lets go of what it kept about the commands the model omits (`CommandRetention`): its
/// per-command state stays bounded however many commands a phase runs, and the diagnosis is still found.
final class OmittedCommandsAnalyzerTests: XCTestCase {
    func testPerCommandStateIsBoundedAndTheFailureStillFound() throws {
        let total = 200_000
        var log = "[Container] 2024/03/06 10:00:00.000000 Entering phase BUILD\n"
        for index in 0..<total {
            log += "[Container] 2024/03/06 10:00:01.000000 Running command echo step \(index)\nerror: step \(index) warned\n"
        }
        log += "[Container] 2024/03/06 10:00:02.000000 Running command make release\nmake: *** [release] Error 2\n"
        log += "[Container] 2024/03/06 10:00:02.000000 Command did not exit successfully make release exit status 2\n"
        log += "[Container] 2024/03/06 10:00:02.000000 Phase complete: BUILD State: FAILED\n"
        let analyzer = Analyzer(catalog: try CompiledCatalog(rules: BuiltinCatalog.rules))
        let parser = PhaseParser(sink: analyzer)
        let source = InMemoryLogSource(bytes: Array(log.utf8), displayName: "many.log")
        _ = try source.readLines { parser.consume($0) }
        let model = parser.finish()
        let bound = CommandRetention.head + CommandRetention.failed + CommandRetention.tail
        XCTAssertEqual(model.phases[0].omittedCommands?.count, total + 1 - model.phases[0].commands.count)
        XCTAssertLessThanOrEqual(analyzer.commands.texts.count, bound + 3 * BuiltinCatalog.rules.count)
        XCTAssertLessThanOrEqual(analyzer.commands.lines.count, bound + 3 * BuiltinCatalog.rules.count)
        XCTAssertLessThanOrEqual(analyzer.recorder.errorLines.count, bound + EvidenceRecorder.maxOmittedErrorOwners + 1)
        for state in analyzer.recorder.states { XCTAssertLessThanOrEqual(state?.hitCommands.count ?? 0, bound) }
        let diagnosis = analyzer.finish(build: model, source: SourceInfo(name: "many.log", outcome: ReadOutcome(
            shape: .raw, completeness: .complete, bytesRead: Int64(log.utf8.count), linesRead: 2 * total + 5)))
        XCTAssertEqual(model.command(at: try XCTUnwrap(model.firstFailingCommand))?.text, "make release")
        XCTAssertNotNil(diagnosis.rootCause)
        XCTAssertTrue(diagnosis.rootCause?.explanation.contains("make release") ?? false)
    }
}
