@testable import Analyze
import Parse
import XCTest

/// A log made of many tiny phases or commands costs work in proportion to its size. The question the engine
/// asks per command ("did a later run of the same kind succeed?") was a scan of the whole build, so 50,000
/// phase pairs took 7.5 s and 500,000 over 5 minutes. These tests count the work and check the fast answers
/// against the plain scan they replaced. (Which final phase a parsed phase became is no longer looked up by
/// its lines: `APIBuildMerge` says so, `PhaseRenumbering`.)
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
