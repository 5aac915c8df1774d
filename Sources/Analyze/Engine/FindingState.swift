import Parse

/// Limits on what the analyzer keeps; memory is bounded by these, not by the log's size.
public struct AnalyzerOptions: Sendable {
    /// Evidence entries kept per finding (all occurrences are still counted).
    public var evidencePerFinding = 3
    public var contextBefore = 2
    public var contextAfter = 2
    /// Error-looking output lines kept per command for the unclassified fallback.
    public var errorLinesPerCommand = 5
    /// Keep every line each rule fired on (for example runners and tests; unbounded, so off by default).
    public var tracesFiringLines = false

    public init() {}
}

/// One evidence entry being filled in: the line itself is final, the lines after it arrive later.
struct PendingEvidence {
    var evidence: Evidence
    var position: CommandPosition?
}

/// Everything the analyzer knows about one rule (or check rule) that fired at least once.
struct FindingState {
    var occurrences = 0
    var evidence: [PendingEvidence] = []
    /// Named captures of the first match, unredacted until the finding is built.
    var captures: [String: String] = [:]
    /// The commands it fired in that the model still holds; those it let go of (`CommandRetention`) leave a flag.
    var hitCommands = Set<CommandPosition>()
    /// It fired in omitted commands that exited 0 (overcome, as `hitCommands` entries would have been).
    var hitOmittedSucceededCommands = false
    /// It fired in omitted commands that did not exit 0: they count as not overcome.
    var hitOmittedOtherCommands = false
    var hitPhases = Set<Int>()
    /// Some occurrence was not inside any command's output (a phase-level or agent line).
    var hitOutsideCommands = false
    /// Some occurrence came before any phase line (an excerpt that starts mid-phase); its phase is settled in `finish`.
    var hitWithoutPhase = false
    /// Some occurrence came after its phase's `Phase complete` line, before the next phase began.
    var hitAfterPhaseEnd = false
    /// Phases whose CodeBuild record (context message, no log lines) it fired on.
    var hitPhaseRecords = Set<Int>()
    var firstLine = Int.max
    var lastLine = 0
    /// Every line it fired on, when `tracesFiringLines` is set.
    var firingLines: [Int] = []
}

/// An evidence entry whose following lines are still being collected.
struct AfterCapture {
    let slot: Int
    let evidenceIndex: Int
    var remaining: Int
}

/// Where a line without a command belongs, for the unclassified fallback.
enum OutputOwner: Hashable {
    case command(CommandPosition)
    case phase(Int)
    case none
}
