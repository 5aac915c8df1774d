import Fetch

/// Where a line stands in the build when the parser hands it on.
public struct LineContext: Sendable {
    /// Index into the model's phases of the phase the line belongs to; nil before the first phase.
    public var phaseIndex: Int?
    public var phaseName: String?
    /// The command whose output this line is (or which this `Running command` line starts).
    public var command: CommandPosition?
    /// The line is one of the CodeBuild agent's own (`[Container] … Running command …`).
    public var isAgentLine: Bool
    /// Byte offset in `LogLine.bytes` where the message starts, past any agent prefix
    /// (`[Container] 2024/03/06 10:00:03.123456 `) or console line-number column (`12 | `).
    public var messageOffset: Int
    /// The line comes after its phase's `Phase complete` line (the agent prints the artifact upload's lines
    /// before it announces UPLOAD_ARTIFACTS): it is not part of that phase's success.
    public var afterPhaseEnd: Bool

    public init(phaseIndex: Int? = nil, phaseName: String? = nil, command: CommandPosition? = nil,
                isAgentLine: Bool = false, messageOffset: Int = 0, afterPhaseEnd: Bool = false) {
        self.phaseIndex = phaseIndex
        self.phaseName = phaseName
        self.command = command
        self.isAgentLine = isAgentLine
        self.messageOffset = messageOffset
        self.afterPhaseEnd = afterPhaseEnd
    }
}

/// Receives every line of a build, in order, with its context. Analyze implements this, so memory is
/// bounded by the evidence it keeps, not by the size of the log.
public protocol BuildEventSink: AnyObject {
    func consume(_ line: LogLine, context: LineContext)
    /// Commands the model lets go of (`CommandRetention`), with their settled exit statuses; every line of
    /// theirs has been consumed already. Whatever the sink keeps about them it may let go of too.
    func commandsOmitted(_ commands: [OmittedCommand])
    /// The agent announced a command; the `Running command` line itself follows in `consume`.
    func commandStarted(_ start: CommandStart)
    /// The log printed a phase context; its line follows in `consume`.
    func phaseContext(_ context: PhaseContextEvent)
    /// After the last line: a later step (`APIBuildMerge`) moved the phases, so the indices every `LineContext`
    /// and event carried are now `renumbering[index]` in the final model.
    func phasesRenumbered(_ renumbering: PhaseRenumbering)
}

extension BuildEventSink {
    public func commandsOmitted(_ commands: [OmittedCommand]) {}
    public func commandStarted(_ start: CommandStart) {}
    public func phaseContext(_ context: PhaseContextEvent) {}
    public func phasesRenumbered(_ renumbering: PhaseRenumbering) {}
}
