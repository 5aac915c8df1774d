import Fetch
import Parse
import XCTest

/// A phase of very many commands keeps a bounded few (`CommandRetention`), counts the rest, and tells its
/// sink which it let go of: memory is flat in the number of commands. Structural, not timed.
final class CommandRetentionTests: XCTestCase {
    private final class OmissionSink: BuildEventSink {
        var omitted: [OmittedCommand] = []
        func consume(_ line: LogLine, context: LineContext) {}
        func commandsOmitted(_ commands: [OmittedCommand]) { omitted += commands }
    }

    func testTwoHundredThousandCommandsKeepABoundedFewAndCountTheRest() {
        let total = 200_000
        // Every 1,000th command fails (on-failure: CONTINUE); the last one fails the build.
        let failing = Set(stride(from: 999, to: total, by: 1_000))
        let sink = OmissionSink()
        let parser = PhaseParser(sink: sink)
        var number = 0
        func feed(_ text: String) {
            number += 1
            withLogLine(text, number: number) { parser.consume($0) }
        }
        feed("[Container] 2024/03/06 10:00:00.000000 Entering phase BUILD")
        for index in 0..<total {
            feed("[Container] 2024/03/06 10:00:01.000000 Running command echo step \(index)")
            feed("step \(index)")
            if failing.contains(index) {
                feed("[Container] 2024/03/06 10:00:01.000000 Command did not exit successfully echo step \(index) exit status 1")
            }
        }
        feed("[Container] 2024/03/06 10:00:02.000000 Phase complete: BUILD State: FAILED")
        let model = parser.finish()

        let phase = model.phases[0]
        let bound = CommandRetention.head + CommandRetention.failed + CommandRetention.tail
        XCTAssertLessThanOrEqual(phase.commands.count, bound)
        XCTAssertEqual(phase.commandCount, total)
        XCTAssertEqual(phase.omittedCommands?.count, total - phase.commands.count)
        XCTAssertEqual(sink.omitted.count, total - phase.commands.count)
        XCTAssertEqual(Set(sink.omitted.map(\.position.command)).count, sink.omitted.count)
        // Kept: the head, the first failed ones, the tail; each with its own ordinal.
        let kept = (0..<phase.commands.count).map(phase.ordinal(ofCommandAt:))
        XCTAssertEqual(Array(kept.prefix(CommandRetention.head)), Array(0..<CommandRetention.head))
        XCTAssertEqual(Array(kept.suffix(CommandRetention.tail)), Array((total - CommandRetention.tail)..<total))
        let keptFailed = kept.filter { failing.contains($0) }
        XCTAssertEqual(keptFailed.prefix(CommandRetention.failed).first, 999)
        XCTAssertEqual(model.firstFailingCommand, CommandPosition(phase: 0, command: 999))
        XCTAssertEqual(model.command(at: CommandPosition(phase: 0, command: 999))?.text, "echo step 999")
        XCTAssertEqual(model.command(at: CommandPosition(phase: 0, command: total - 1))?.text, "echo step \(total - 1)")
        XCTAssertEqual(model.command(at: CommandPosition(phase: 0, command: total - 1))?.exitStatus, 1)
        XCTAssertNil(model.command(at: CommandPosition(phase: 0, command: total / 2 + 1)))
        for index in kept.indices { XCTAssertEqual(phase.commands[index].text, "echo step \(kept[index])") }
    }

    func testAnOrdinaryPhaseKeepsEveryCommand() {
        let (model, _) = parse((0..<(CommandRetention.head + CommandRetention.tail)).map {
            "[Container] 2024/03/06 10:00:01.000000 Running command echo \($0)"
        }.joined(separator: "\n"))
        XCTAssertEqual(model.phases[0].commands.count, CommandRetention.head + CommandRetention.tail)
        XCTAssertNil(model.phases[0].omittedCommands)
    }
}
