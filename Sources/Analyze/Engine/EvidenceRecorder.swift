import Fetch
import Parse

/// What the analyzer keeps of the lines rules fired on, in bounded memory: one `FindingState` per rule (and per
/// further subject of a check rule), the first few occurrences with their context before and after, and the
/// most informative error-looking lines per command for the unclassified fallback.
struct EvidenceRecorder {
    private let options: AnalyzerOptions
    /// How many reportable rules the catalog has: the state slots past them are further subjects.
    private let reportableRuleCount: Int
    /// Indexed by slot: pattern rules first, then the checks' rules (`catalog.reportableRules`); past those,
    /// one state per further subject of a check rule (a second defective account id), see `ruleSlot(of:)`.
    private(set) var states: [FindingState?]
    /// For each state past the reportable rules: the rule slot it belongs to.
    private var subjectStateRules: [Int] = []
    /// The state index of each (rule slot, subject) seen; a rule's first subject keeps the rule's own slot.
    private var subjectStates: [SubjectKey: Int] = [:]
    private var afterCaptures: [AfterCapture] = []
    /// The lines before the current one, for an occurrence's context.
    private(set) var recent: RecentLines
    /// The most informative error-looking lines per command (phase, excerpt), for the unclassified fallback.
    private(set) var errorLines: [OutputOwner: InformativeLineSet] = [:]
    /// Error lines of omitted commands that did not exit 0, kept for the fallback; at most this many commands.
    static let maxOmittedErrorOwners = 100
    private var omittedErrorOwners = 0
    private let errorLineScorer = ErrorLineScorer()
    static let maxSubjectsPerRule = 5

    init(reportableRuleCount: Int, options: AnalyzerOptions) {
        self.options = options
        self.reportableRuleCount = reportableRuleCount
        states = Array(repeating: nil, count: reportableRuleCount)
        recent = RecentLines(capacity: options.contextBefore)
    }

    /// Whether an occurrence's evidence is still waiting for the lines after it.
    var awaitsLinesAfter: Bool { !afterCaptures.isEmpty }

    /// The reportable rule slot a state index belongs to.
    func ruleSlot(of stateIndex: Int) -> Int {
        stateIndex < reportableRuleCount ? stateIndex : subjectStateRules[stateIndex - reportableRuleCount]
    }

    /// Whether the rule in `slot` has fired with captures already (later lines only count).
    func hasCaptures(_ slot: Int) -> Bool {
        !(states[slot]?.captures.isEmpty ?? true)
    }

    /// Different subjects of one check rule are findings of their own, up to a few per rule (memory stays
    /// bounded; further subjects count on the last one).
    mutating func stateIndex(ruleSlot: Int, subject: String?) -> Int {
        guard let subject else { return ruleSlot }
        let key = SubjectKey(ruleSlot: ruleSlot, subject: subject)
        if let index = subjectStates[key] { return index }
        let known = subjectStates.keys.filter { $0.ruleSlot == ruleSlot }.count
        let index: Int
        if known == 0 {
            index = ruleSlot
        } else if known < Self.maxSubjectsPerRule {
            states.append(nil)
            subjectStateRules.append(ruleSlot)
            index = states.count - 1
        } else {
            return subjectStates.filter { $0.key.ruleSlot == ruleSlot }.map(\.value).max() ?? ruleSlot
        }
        subjectStates[key] = index
        return index
    }

    /// One occurrence of the rule in `slot` on `line`; returns whether it is the rule's first.
    mutating func record(slot: Int, captures: [String: String], line: LogLine, context: LineContext,
                         display: UnsafeBufferPointer<UInt8>, insideKey: Bool, origin: EvidenceOrigin) -> Bool {
        let isFirstMatch = states[slot] == nil
        var state = states[slot] ?? FindingState()
        // Leave no second reference behind, so the arrays inside are mutated in place, not copied per hit.
        states[slot] = nil
        // One line counts once per rule, however many literals or check verdicts it produced.
        if state.occurrences > 0, state.lastLine == line.number, origin == .log {
            states[slot] = state
            return false
        }
        state.occurrences += 1
        state.firstLine = min(state.firstLine, line.number)
        state.lastLine = line.number
        if let position = context.command { state.hitCommands.insert(position) } else { state.hitOutsideCommands = true }
        if context.phaseIndex == nil, origin == .log { state.hitWithoutPhase = true }
        if context.afterPhaseEnd { state.hitAfterPhaseEnd = true }
        if let phase = context.phaseIndex {
            state.hitPhases.insert(phase)
            if origin == .codebuildAPI { state.hitPhaseRecords.insert(phase) }
        }
        if options.tracesFiringLines { state.firingLines.append(line.number) }
        // Each capture keeps its first value; a later line may fill a capture an earlier alternative lacked.
        for (name, value) in captures where state.captures[name] == nil { state.captures[name] = value }
        if state.evidence.count < options.evidencePerFinding {
            // A phase record stands alone: the log's last lines are not its context.
            let before = origin == .log
                ? recent.ordered.map { entry in
                    entry.withBytes { Self.shown(number: entry.number, display: $0, insideKey: entry.insidePrivateKey) }
                }
                : []
            let evidence = Evidence(line: Self.shown(number: line.number, display: display, insideKey: insideKey),
                                    before: before, phase: context.phaseName, origin: origin)
            state.evidence.append(PendingEvidence(evidence: evidence, position: context.command))
            if options.contextAfter > 0, origin == .log {
                afterCaptures.append(AfterCapture(slot: slot, evidenceIndex: state.evidence.count - 1,
                                                  remaining: options.contextAfter))
            }
        }
        states[slot] = state
        return isFirstMatch
    }

    /// A line after occurrences still collecting their context after.
    mutating func feedAfterCaptures(number: Int, display: UnsafeBufferPointer<UInt8>, insideKey: Bool) {
        let shown = Self.shown(number: number, display: display, insideKey: insideKey)
        for index in afterCaptures.indices {
            let capture = afterCaptures[index]
            states[capture.slot]?.evidence[capture.evidenceIndex].evidence.after.append(shown)
            afterCaptures[index].remaining -= 1
        }
        afterCaptures.removeAll { $0.remaining <= 0 }
    }

    /// Nothing after a phase record is its context.
    mutating func stopCollectingLinesAfter() {
        afterCaptures.removeAll()
    }

    /// The line becomes context for the next lines' occurrences; `inBlock`: `display` is a slice of the reader's
    /// current block, kept as it is until `blockEnds()`.
    @inline(__always)
    mutating func pushRecent(number: Int, display: UnsafeBufferPointer<UInt8>, insideKey: Bool, inBlock: Bool) {
        recent.push(number: number, bytes: display, insidePrivateKey: insideKey, borrowing: inBlock)
    }

    /// The reader's block is going (a new one comes, or the input ended): context lines in it are copied.
    mutating func blockEnds() {
        recent.keepBorrowedLines()
    }

    /// Offers an error-looking line to its command's (phase's, excerpt's) fallback set, if it says something.
    mutating func keepErrorLine(number: Int, display: UnsafeBufferPointer<UInt8>, message: UnsafeBufferPointer<UInt8>,
                                context: LineContext) {
        let score = errorLineScorer.score(bytes: message)
        guard score > 0 else { return }
        let owner: OutputOwner = context.command.map { .command($0) } ?? context.phaseIndex.map { .phase($0) } ?? .none
        errorLines[owner, default: InformativeLineSet(capacity: options.errorLinesPerCommand)]
            .offer(NumberedLine(number: number, text: String(decoding: display, as: UTF8.self)), score: score)
    }

    /// The commands some kept evidence belongs to (their texts must stay).
    var referencedCommands: Set<CommandPosition> {
        var referenced = Set<CommandPosition>()
        for state in states { for pending in state?.evidence ?? [] { if let position = pending.position { referenced.insert(position) } } }
        return referenced
    }

    /// The model let go of these commands: so does the evidence, keeping only flags of what ranking needs.
    mutating func omit(_ omitted: [OmittedCommand]) {
        for entry in omitted where errorLines[.command(entry.position)] != nil {
            // A command that exited 0 never gives the fallback its line; the others keep theirs, up to a bound.
            if entry.command.exitStatus == 0 || omittedErrorOwners >= Self.maxOmittedErrorOwners {
                errorLines[.command(entry.position)] = nil
            } else {
                omittedErrorOwners += 1
            }
        }
        for slot in states.indices {
            guard var state = states[slot], !state.hitCommands.isEmpty else { continue }
            states[slot] = nil
            for entry in omitted where state.hitCommands.remove(entry.position) != nil {
                if entry.command.exitStatus == 0 { state.hitOmittedSucceededCommands = true } else { state.hitOmittedOtherCommands = true }
            }
            states[slot] = state
        }
    }

    /// Every recorded phase index into the final model's numbering (before the build record's phases are read,
    /// which are in that numbering already).
    mutating func renumber(_ renumbering: PhaseRenumbering) {
        func moved(_ old: CommandPosition) -> CommandPosition { old.renumbered(renumbering) }
        for slot in states.indices {
            guard var state = states[slot] else { continue }
            states[slot] = nil
            state.hitCommands = Set(state.hitCommands.map(moved))
            state.hitPhases = Set(state.hitPhases.map { renumbering[$0] })
            for index in state.evidence.indices {
                state.evidence[index].position = state.evidence[index].position.map(moved)
            }
            states[slot] = state
        }
        errorLines = Dictionary(errorLines.map { entry -> (OutputOwner, InformativeLineSet) in
            switch entry.key {
            case .command(let old): return (.command(moved(old)), entry.value)
            case .phase(let old): return (.phase(renumbering[old]), entry.value)
            case .none: return (.none, entry.value)
            }
        }, uniquingKeysWith: { first, _ in first })
    }

    static func shown(number: Int, display: UnsafeBufferPointer<UInt8>, insideKey: Bool) -> NumberedLine {
        NumberedLine(number: number,
                     text: insideKey ? Redactor.privateKeyLine : Redactor.redact(String(decoding: display, as: UTF8.self)))
    }

}

/// A check rule's finding about one subject.
struct SubjectKey: Hashable {
    let ruleSlot: Int
    let subject: String
}
