import Parse

/// For each kind of command (`docker push`, `npm ci`), where the last run of that kind that exited 0 sits.
///
/// Built once per build in one pass, so asking "did a later run of the same kind succeed?" costs one hash
/// lookup: asked for every failed command and every command a finding or an error line sits in, a scan of
/// the later commands per question made a log of many commands quadratic.
struct RerunIndex {
    private var lastSuccess: [String: CommandPosition] = [:]

    /// `omittedSuccesses` adds the runs the model let go of (by kind, the last that exited 0).
    init(build: BuildModel, omittedSuccesses: [String: CommandPosition] = [:]) {
        lastSuccess = omittedSuccesses
        for (phaseIndex, phase) in build.phases.enumerated() {
            for (commandIndex, command) in phase.commands.enumerated() where command.exitStatus == 0 {
                let position = CommandPosition(phase: phaseIndex, command: phase.ordinal(ofCommandAt: commandIndex))
                let kind = FailureFacts.kind(of: command.text)
                if let known = lastSuccess[kind], (known.phase, known.command) > (position.phase, position.command) { continue }
                lastSuccess[kind] = position
            }
        }
    }

    /// A command of `command`'s kind that comes after `position` exited 0.
    func isRerunSuccessfully(_ command: Command, at position: CommandPosition) -> Bool {
        guard let last = lastSuccess[FailureFacts.kind(of: command.text)] else { return false }
        return (last.phase, last.command) > (position.phase, position.command)
    }
}
