import Fetch
import Foundation
@testable import Parse
import XCTest

/// The parser tells its sink what it recognised, so the sink need not recognise it again: each announced
/// command (text, line, position) and each phase context (code, message), before the line itself.
final class StructureEventsTests: XCTestCase {
    private let log = """
        [Container] 2024/03/06 10:00:00.000000 Entering phase INSTALL
        [Container] 2024/03/06 10:00:01.000000 Running command npm ci   
        added 120 packages
        [Container] 2024/03/06 10:00:02.000000 Phase complete: INSTALL State: SUCCEEDED
        [Container] 2024/03/06 10:00:02.000000 Phase context status code:  Message: 
        [Container] 2024/03/06 10:00:03.000000 Entering phase BUILD
        [Container] 2024/03/06 10:00:04.000000 Running command for f in a b; do
        echo $f
        done
        [Container] 2024/03/06 10:00:05.000000 Running command make release
        make: *** [release] Error 2
        [Container] 2024/03/06 10:00:06.000000 Command did not exit successfully make release exit status 2
        [Container] 2024/03/06 10:00:06.000000 Phase complete: BUILD State: FAILED
        [Container] 2024/03/06 10:00:06.000000 Phase context status code: COMMAND_EXECUTION_ERROR Message: Error while executing command: make release. Reason: exit status 2
        """

    func testEveryAnnouncedCommandIsToldBeforeItsLine() {
        let (model, sink) = parse(log)
        XCTAssertEqual(sink.starts.map(\.start), [
            CommandStart(position: CommandPosition(phase: 0, command: 0), text: "npm ci", line: 2),
            CommandStart(position: CommandPosition(phase: 1, command: 0), text: "for f in a b; do", line: 7),
            CommandStart(position: CommandPosition(phase: 1, command: 1), text: "make release", line: 10),
        ])
        // Told after the previous line and before its own: the sink's next line is the `Running command` line.
        XCTAssertEqual(sink.starts.map(\.linesBefore), [1, 6, 9])
        for (start, _) in sink.starts {
            XCTAssertEqual(sink.entries[start.line - 1].context.command, start.position)
            XCTAssertEqual(model.command(at: start.position)?.line, start.line)
        }
        // The model's text gathers the script's continuation lines; the event has the announcing line's.
        XCTAssertEqual(model.command(at: CommandPosition(phase: 1, command: 0))?.text, "for f in a b; do\necho $f\ndone")
    }

    func testACommandFirstSeenFailingIsNotAnnounced() {
        let (model, sink) = parse("""
            [Container] 2024/03/06 10:00:06.000000 Command did not exit successfully make release exit status 2
            [Container] 2024/03/06 10:00:06.000000 Phase complete: BUILD State: FAILED
            """)
        XCTAssertEqual(model.phases.first?.commands.map(\.text), ["make release"])
        XCTAssertTrue(sink.starts.isEmpty)
    }

    func testPhaseContextsAreToldSplitWithTheirPhase() throws {
        let (model, sink) = parse(log)
        XCTAssertEqual(sink.contexts.map(\.context), [
            PhaseContextEvent(phaseIndex: 0, code: nil, message: nil, line: 5),
            PhaseContextEvent(phaseIndex: 1, code: "COMMAND_EXECUTION_ERROR",
                              message: "Error while executing command: make release. Reason: exit status 2", line: 14),
        ])
        XCTAssertEqual(sink.contexts.map(\.linesBefore), [4, 13])
        XCTAssertEqual(model.phases[1].contextCode, "COMMAND_EXECUTION_ERROR")
        // The record's form of the same context reads as the agent's line.
        let event = sink.contexts[1].context
        XCTAssertTrue(sink.entries[13].message.hasSuffix(
            PhaseContextEvent.agentLine(code: try XCTUnwrap(event.code), message: event.message)))
    }

    func testARenumberingComposesAndLeavesUnknownIndicesAlone() {
        let first = PhaseRenumbering(newIndex: [2, 3, 4])
        let later = PhaseRenumbering(newIndex: [0, 1, 2, 4, 5])
        XCTAssertEqual(first.followed(by: later).newIndex, [2, 4, 5])
        XCTAssertEqual(first[7], 7)
        XCTAssertTrue(PhaseRenumbering.identity(count: 3).isIdentity)
        XCTAssertFalse(first.isIdentity)
    }
}
