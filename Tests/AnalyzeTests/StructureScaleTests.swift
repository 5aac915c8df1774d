@testable import Analyze
import Parse
import XCTest

/// A log made of many tiny phases or commands costs work in proportion to its size. The questions the engine
/// asks per phase ("which final phase holds this line?") and per command ("did a later run of the same kind
/// succeed?") were each a scan of the whole build, so 50,000 phase pairs took 7.5 s and 500,000 over 5 minutes.
/// These tests count the work and check the fast answers against the plain scans they replaced.
final class StructureScaleTests: XCTestCase {
    /// A small deterministic generator, so a failure replays.
    private struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// The scan `adoptPhaseNumbering` used to run per line: the latest-starting phase holding it, first index on ties.
    private func scannedHolder(of line: Int, in phases: [Phase]) -> Int? {
        var best: (index: Int, first: Int)?
        for (index, phase) in phases.enumerated() {
            guard let first = phase.firstLine, first <= line, line <= (phase.lastLine ?? Int.max) else { continue }
            if first > (best?.first ?? Int.min) { best = (index, first) }
        }
        return best?.index
    }

    func testPhaseHoldingLineAgreesWithTheScanOnOverlappingAndOpenPhases() {
        var random = SplitMix(state: 15)
        for _ in 0..<200 {
            let phases = (0..<Int.random(in: 0...12, using: &random)).map { _ -> Phase in
                let first = Int.random(in: 1...40, using: &random)
                // Some phases are known only from the API (no lines), some are still open at the end.
                let hasLines = Int.random(in: 0..<6, using: &random) != 0
                let open = Int.random(in: 0..<5, using: &random) == 0
                return Phase(name: "P", firstLine: hasLines ? first : nil,
                             lastLine: open ? nil : first + Int.random(in: 0...15, using: &random))
            }
            let lines = (0..<Int.random(in: 0...20, using: &random)).map { _ in Int.random(in: 0...60, using: &random) }
            var lookup = PhaseHoldingLine()
            let found = lookup.find(lines, in: phases)
            XCTAssertEqual(found, lines.map { scannedHolder(of: $0, in: phases) }, "phases \(phases), lines \(lines)")
        }
    }

    func testManyTinyPhasesCostWorkInProportionToTheirNumber() {
        // 50,000 phase pairs of three lines each: the first line seen in each phase is looked up once.
        let count = 50_000
        let phases = (0..<count).map { Phase(name: "BUILD", status: .succeeded, firstLine: 3 * $0 + 1, lastLine: 3 * $0 + 3) }
        let lines = (0..<count).map { 3 * $0 + 1 }
        var lookup = PhaseHoldingLine()
        let found = lookup.find(lines, in: phases)
        XCTAssertEqual(found, Array(0..<count))
        // Each phase is pushed once and popped at most once; the old scan compared count × count pairs.
        XCTAssertLessThanOrEqual(lookup.steps, 2 * count)
    }

    /// The scan `FailureFacts` used to run per question.
    private func scannedRerun(_ position: CommandPosition, in build: BuildModel) -> Bool {
        guard let command = build.command(at: position) else { return false }
        let kind = FailureFacts.kind(of: command.text)
        for (phaseIndex, phase) in build.phases.enumerated() {
            for (commandIndex, later) in phase.commands.enumerated()
            where (phaseIndex, commandIndex) > (position.phase, position.command) {
                if later.exitStatus == 0, FailureFacts.kind(of: later.text) == kind { return true }
            }
        }
        return false
    }

    func testRerunIndexAgreesWithTheScanOfLaterCommands() {
        var random = SplitMix(state: 9)
        let texts = ["npm ci", "npm test", "docker push x", "A=1 docker push y", "make", "make release", "./retry.sh"]
        let statuses: [Int?] = [0, 0, 1, 2, nil]
        for _ in 0..<100 {
            var build = BuildModel()
            for _ in 0..<Int.random(in: 0...4, using: &random) {
                let commands = (0..<Int.random(in: 0...6, using: &random)).map { line in
                    Command(text: texts.randomElement(using: &random)!, line: line,
                            exitStatus: statuses.randomElement(using: &random)!)
                }
                build.phases.append(Phase(name: "BUILD", commands: commands))
            }
            let index = RerunIndex(build: build)
            for (phaseIndex, phase) in build.phases.enumerated() {
                for (commandIndex, command) in phase.commands.enumerated() {
                    let position = CommandPosition(phase: phaseIndex, command: commandIndex)
                    XCTAssertEqual(index.isRerunSuccessfully(command, at: position), scannedRerun(position, in: build),
                                   "\(position) in \(build.phases.map { $0.commands.map { ($0.text, $0.exitStatus) } })")
                }
            }
        }
    }
}
