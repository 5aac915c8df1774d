import Fetch
import Foundation
import Parse

/// Analyses one build: receives every line from the parser, keeps bounded evidence, and ranks
/// findings into a `Diagnosis` when the build's model is final.
///
/// Per line: clean (ANSI, CR) without copying when possible, run the one multi-literal scan, and only
/// for the rules whose literals appeared check scope and run the regex. Evidence keeps the first few
/// occurrences per rule with context; everything else is a counter. Not thread-safe: one per build.
public final class Analyzer: BuildEventSink {
    let catalog: CompiledCatalog
    let options: AnalyzerOptions

    /// Indexed by slot: pattern rules first, then the checks' rules (`catalog.reportableRules`); past those,
    /// one state per further subject of a check rule (a second defective account id), see `ruleSlot(of:)`.
    var states: [FindingState?]
    /// For each state past the reportable rules: the rule slot it belongs to.
    var subjectStateRules: [Int] = []
    /// The state index of each (rule slot, subject) seen; a rule's first subject keeps the rule's own slot.
    private var subjectStates: [SubjectKey: Int] = [:]
    private let checks: [LineCheck]
    /// Vectorscan's working memory for this analyzer's matches.
    private let scratch: MatchScratch
    /// Lines where a rule's capture step ran out of budget.
    var skipped = SkippedMatches()
    private var cleaner = LineCleaner()
    var recent: RecentLines
    private var afterCaptures: [AfterCapture] = []
    private var keyBlock = PrivateKeyBlockTracker()
    /// Where the catalog's literals occur in the reader's current block; nil with the prefilter off.
    private let blockHits: BlockLiteralHits?
    /// Lines the block scan showed to hold no literal, so the per-line matcher never ran on them.
    private(set) var linesPassedOverByBlockScan = 0

    /// Command texts as the agent printed them when each started, and the `Running command` line.
    var commandTexts: [CommandPosition: String] = [:]
    var commandLines: [CommandPosition: NumberedLine] = [:]
    private var currentCommand: CommandPosition?
    /// For each rule with a command pattern: does the current command match it.
    private var commandScopeMatches: [Bool]
    /// The rules with a command pattern (index into `catalog.compiled`, and the pattern): the only ones a new
    /// command re-scopes.
    private let commandScopedRules: [(index: Int, regex: LinearRegex)]
    /// For each kind of command (`FailureFacts.kind`), the last run the model let go of that exited 0, so a
    /// failure it fixed stays overcome; at most `maxOmittedSuccessKinds` kinds.
    var omittedSuccesses: [String: CommandPosition] = [:]
    static let maxOmittedSuccessKinds = 1_000
    /// Error lines of omitted commands that did not exit 0, kept for the fallback; at most this many commands.
    static let maxOmittedErrorOwners = 100
    private var omittedErrorOwners = 0
    /// The most informative error-looking lines per command (phase, excerpt), for the unclassified fallback.
    var errorLines: [OutputOwner: InformativeLineSet] = [:]
    /// The first line seen in each phase (parser numbering), so `finish` can follow a renumbering.
    var phaseFirstLines: [Int: Int] = [:]
    private var lastPhaseIndex: Int?

    // Per-line scratch, reused: which matcher values were seen on the line numbered `seenOnLine[v]`.
    private var seenOnLine: [Int]
    private var candidates: [Int] = []
    /// The line's candidates came from the block scan, so required runs (`seenOnLine[requiredLiteralValueBase + i]`)
    /// were looked for too.
    private var candidatesFromBlock = false
    /// `regexMatchedOnLine[rule] == lineSerial`: a group scan found rule's regex on this line.
    private let regexMatchedOnLine: UnsafeMutablePointer<Int>
    /// `groupScannedOnLine[g]`: the line group g was last scanned on (negated: its scan failed there).
    private var groupScannedOnLine: [Int]
    private var lineSerial = 0
    /// `finish` scans the build record's phase contexts once, however often it is called.
    var phaseRecordsConsumed = false
    /// Told when a rule first matches a log line (`AnalysisEvent.firstMatch`); nil costs nothing.
    public var onFirstMatch: ((AnalysisEvent) -> Void)?

    public convenience init(catalog: CompiledCatalog) {
        self.init(catalog: catalog, options: AnalyzerOptions())
    }

    public init(catalog: CompiledCatalog, options: AnalyzerOptions) {
        self.catalog = catalog
        self.options = options
        states = Array(repeating: nil, count: catalog.reportableRules.count)
        checks = catalog.checks.map { $0.make() }
        scratch = MatchScratch()
        recent = RecentLines(capacity: options.contextBefore)
        commandScopeMatches = Array(repeating: false, count: catalog.compiled.count)
        commandScopedRules = catalog.compiled.enumerated().compactMap { index, rule in rule.commandRegex.map { (index, $0) } }
        seenOnLine = Array(repeating: 0, count: catalog.requiredLiteralValueBase + catalog.compiled.count)
        candidates.reserveCapacity(catalog.compiled.count + catalog.checks.count)
        blockHits = catalog.blockLiterals.map(BlockLiteralHits.init(database:))
        regexMatchedOnLine = .allocate(capacity: max(catalog.compiled.count, 1))
        regexMatchedOnLine.initialize(repeating: 0, count: max(catalog.compiled.count, 1))
        groupScannedOnLine = Array(repeating: 0, count: catalog.regexGroups.count)
    }

    deinit {
        regexMatchedOnLine.deallocate()
    }

    /// What to pass a `LineSource` as its block observer: the analyzer then scans each block of lines once,
    /// whole, and runs the per-line literal matcher only on lines where a literal occurs (same findings).
    public var blockObserver: BlockObserver? {
        guard let blockHits else { return nil }
        return { blockHits.observe($0) }
    }

    public func consume(_ line: LogLine, context: LineContext) {
        lineSerial += 1
        if context.phaseIndex != lastPhaseIndex {
            lastPhaseIndex = context.phaseIndex
            if let phase = context.phaseIndex, phaseFirstLines[phase] == nil { phaseFirstLines[phase] = line.number }
        }
        // The tracker changes state only on lines holding `PRIVATE KEY`; a memchr-driven test skips it elsewhere.
        let insideKey = keyBlock.inside || ByteSearch.contains(line.bytes, ByteSearch.privateKey)
            ? keyBlock.update(line.bytes) : false
        cleaner.withCleaned(line.bytes, messageOffset: context.messageOffset) { display, messageStart in
            let message = UnsafeBufferPointer(rebasing: display[messageStart...])
            if !afterCaptures.isEmpty { feedAfterCaptures(number: line.number, display: display, insideKey: insideKey) }
            if context.isAgentLine, let position = context.command,
               let text = Self.commandText(in: message) {
                commandTexts[position] = text
                commandLines[position] = NumberedLine(number: line.number, text: String(decoding: display, as: UTF8.self))
                updateCommandScope(for: position)
            } else if context.command != currentCommand {
                updateCommandScope(for: context.command)
            }
            // A line of the current block is looked up in the block's literal hits, unless cleaning removed escape
            // sequences (then `display` is a copy, and literals may have been split by them): the same values the
            // per-line matcher would find in `message`, the hits that lie wholly inside it.
            let looksLikeError: Bool
            if display.baseAddress == line.bytes.baseAddress, let blockHits, let hits = blockHits.occurrences(in: line.bytes) {
                if hits.isEmpty {
                    candidates.removeAll(keepingCapacity: true)
                    looksLikeError = false
                    linesPassedOverByBlockScan += 1
                } else {
                    looksLikeError = collectCandidates(blockHits, hits, message: messageStart..<display.count)
                }
            } else {
                looksLikeError = collectCandidates(message)
            }
            if !candidates.isEmpty {
                evaluateCandidates(line: line, context: context, display: display, message: message, insideKey: insideKey)
            }
            if looksLikeError, !context.isAgentLine, !insideKey {
                keepErrorLine(number: line.number, display: display, message: message, context: context)
            }
            recent.push(number: line.number, bytes: display, insidePrivateKey: insideKey)
        }
    }

    /// Runs the catalog over one phase's context message from CodeBuild's build record, for a phase the log
    /// does not cover. Same matcher, scopes and regexes as a log line; the evidence is marked as coming from
    /// the record, with no surrounding lines.
    func consumePhaseRecord(_ message: String, phaseIndex: Int, phaseName: String) {
        lineSerial += 1
        // No command runs outside the log: rules scoped to a command cannot apply.
        updateCommandScope(for: nil)
        afterCaptures.removeAll()
        let context = LineContext(phaseIndex: phaseIndex, phaseName: phaseName)
        var bytes = Array(message.utf8)
        bytes.withUnsafeMutableBufferPointer { mutable in
            let display = UnsafeBufferPointer(mutable)
            _ = collectCandidates(display)
            guard !candidates.isEmpty else { return }
            let line = LogLine(number: 0, bytes: display)
            evaluateCandidates(line: line, context: context, display: display, message: display, insideKey: false,
                               origin: .codebuildAPI)
        }
    }

    // MARK: - Candidates

    /// Fills `candidates` with the rules and checks to evaluate; returns whether the line holds an
    /// error-looking word.
    private func collectCandidates(_ message: UnsafeBufferPointer<UInt8>) -> Bool {
        candidates.removeAll(keepingCapacity: true)
        candidatesFromBlock = false
        let serial = lineSerial
        let errorWord = catalog.errorWordValue
        var looksLikeError = false
        if catalog.usesPrefilter {
            catalog.matcher.scan(message) { value in
                if value == errorWord {
                    looksLikeError = true
                } else if seenOnLine[value] != serial {
                    seenOnLine[value] = serial
                    candidates.append(value)
                }
            }
            return looksLikeError
        } else {
            // Reference path: every rule whose literal is present by a naive search, every check.
            for (index, rule) in catalog.compiled.enumerated()
            where rule.literalBytes.contains(where: { naiveContains(message, $0, caseInsensitive: rule.rule.caseInsensitive) }) {
                candidates.append(index)
            }
            for offset in catalog.checks.indices { candidates.append(catalog.compiled.count + offset) }
            return catalog.errorWords.containsAny(message)
        }
    }

    /// `collectCandidates(_:)` from the block scan's hits in the line (`message`: the message's bytes in it).
    private func collectCandidates(_ blockHits: BlockLiteralHits, _ hits: LineHits, message: Range<Int>) -> Bool {
        candidates.removeAll(keepingCapacity: true)
        let serial = lineSerial
        let errorWord = catalog.errorWordValue
        var looksLikeError = false
        candidatesFromBlock = true
        seenOnLine.withUnsafeMutableBufferPointer { seen in
            blockHits.forEachValue(hits, within: message) { value in
                if value == errorWord {
                    looksLikeError = true
                } else if value > errorWord {
                    seen[value] = serial
                } else if seen[value] != serial {
                    seen[value] = serial
                    candidates.append(value)
                }
            }
        }
        return looksLikeError
    }

    private func evaluateCandidates(line: LogLine, context: LineContext, display: UnsafeBufferPointer<UInt8>,
                                    message: UnsafeBufferPointer<UInt8>, insideKey: Bool,
                                    origin: EvidenceOrigin = .log) {
        var messageText: String?
        func text() -> String {
            if let messageText { return messageText }
            let decoded = String(decoding: message, as: UTF8.self)
            messageText = decoded
            return decoded
        }
        // Patterns match the message as valid UTF-8: an ASCII message is that already (no `String` made);
        // any other is decoded first, so invalid bytes read as U+FFFD as they always did.
        let asciiMessage = ByteSearch.isASCII(message)
        func withSubject<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
            if asciiMessage { return body(message) }
            var subject = text()
            return subject.withUTF8(body)
        }
        let ruleCount = catalog.compiled.count
        for candidate in candidates {
            if candidate < ruleCount {
                // A member of a group already scanned on this line whose regex did not match: nothing to do.
                let group = catalog.regexGroupOfRule[candidate]
                if group >= 0, groupScannedOnLine[group] == lineSerial, regexMatchedOnLine[candidate] != lineSerial {
                    continue
                }
                // Its regex cannot match a line without its required run (ASCII lines only: caseless Unicode
                // matching folds more than ASCII does, `k` to the Kelvin sign).
                if candidatesFromBlock, asciiMessage, catalog.hasRequiredLiteral[candidate],
                   seenOnLine[catalog.requiredLiteralValueBase + candidate] != lineSerial {
                    continue
                }
                let rule = catalog.compiled[candidate]
                guard inScope(rule, candidate, context) else { continue }
                var captures: [String: String] = [:]
                if let regex = rule.regex {
                    let verdict = withSubject { bytes -> RegexVerdict in
                        guard regexMatches(candidate, regex, bytes) else { return .noMatch }
                        if let exclude = rule.exclude, exclude.matches(bytes, scratch: scratch) { return .noMatch }
                        // The first match's captures are the ones shown; later lines only count.
                        guard states[candidate]?.captures.isEmpty ?? true else { return .match([:]) }
                        switch regex.captures(in: bytes) {
                        case .values(let values): return .match(values)
                        case .none: return .match([:])
                        case .overBudget: return .overBudget
                        }
                    }
                    switch verdict {
                    case .noMatch: continue
                    case .overBudget:
                        skipped.note(ruleId: rule.rule.id, line: line.number)
                        continue
                    case .match(let values): captures = values
                    }
                } else if let exclude = rule.exclude {
                    if withSubject({ exclude.matches($0, scratch: scratch) }) { continue }
                }
                record(slot: candidate, captures: captures, line: line, context: context, display: display,
                       insideKey: insideKey, origin: origin)
            } else {
                let inspected = InspectedLine(number: line.number, message: text(), isAgentLine: context.isAgentLine,
                                              command: context.command,
                                              commandText: context.command.flatMap { commandTexts[$0] })
                checks[candidate - ruleCount].inspect(inspected) { hit in
                    guard let ruleSlot = catalog.slotOfRuleId[hit.ruleId] else { return }
                    let slot = stateIndex(ruleSlot: ruleSlot, subject: hit.subject)
                    record(slot: slot, captures: hit.captures, line: line, context: context, display: display,
                           insideKey: insideKey, origin: origin)
                }
            }
        }
    }

    /// Whether rule `index`'s regex matches the line's subject: from its group's one scan of the line when it
    /// has a group (scanned the first time a member asks), else on its own.
    private func regexMatches(_ index: Int, _ regex: LinearRegex, _ subject: UnsafeBufferPointer<UInt8>) -> Bool {
        let group = catalog.regexGroupOfRule[index]
        guard group >= 0 else { return regex.matches(subject, scratch: scratch) }
        let serial = lineSerial
        if groupScannedOnLine[group] != serial, groupScannedOnLine[group] != -serial {
            let scanned = scratch.scanGroup(catalog.regexGroups[group], subject, marks: regexMatchedOnLine, serial: serial)
            groupScannedOnLine[group] = scanned ? serial : -serial
        }
        guard groupScannedOnLine[group] == serial else { return regex.matches(subject, scratch: scratch) }
        return regexMatchedOnLine[index] == serial
    }

    /// Different subjects of one check rule are findings of their own, up to a few per rule (memory stays
    /// bounded; further subjects count on the last one).
    private func stateIndex(ruleSlot: Int, subject: String?) -> Int {
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

    static let maxSubjectsPerRule = 5

    /// The reportable rule slot a state index belongs to.
    func ruleSlot(of stateIndex: Int) -> Int {
        stateIndex < catalog.reportableRules.count ? stateIndex : subjectStateRules[stateIndex - catalog.reportableRules.count]
    }

    private func inScope(_ rule: CompiledRule, _ index: Int, _ context: LineContext) -> Bool {
        if !rule.phases.isEmpty {
            // Phase names arrive as the agent prints them (upper case); the rule's were upper-cased once.
            guard let phase = context.phaseName, rule.phases.contains(phase) else { return false }
        }
        if rule.commandRegex != nil, !commandScopeMatches[index] { return false }
        return true
    }

    private func updateCommandScope(for position: CommandPosition?) {
        currentCommand = position
        var text = position.flatMap { commandTexts[$0] }
        for (index, regex) in commandScopedRules {
            // A command never announced cannot be shown to match its pattern.
            commandScopeMatches[index] = text?.withUTF8 { regex.matches($0, scratch: scratch) } ?? false
        }
    }

    /// The model let go of these commands: so does the analyzer, keeping only what its evidence refers to and
    /// what ranking needs of them (did they exit 0, the last successful run of each kind).
    public func commandsOmitted(_ omitted: [OmittedCommand]) {
        var referenced = Set<CommandPosition>()
        for state in states { for pending in state?.evidence ?? [] { if let position = pending.position { referenced.insert(position) } } }
        for entry in omitted {
            let position = entry.position
            let succeeded = entry.command.exitStatus == 0
            if !referenced.contains(position) {
                commandTexts[position] = nil
                commandLines[position] = nil
            }
            if succeeded {
                let kind = FailureFacts.kind(of: entry.command.text)
                if omittedSuccesses[kind] != nil || omittedSuccesses.count < Self.maxOmittedSuccessKinds {
                    omittedSuccesses[kind] = position
                }
            }
            // A command that exited 0 never gives the fallback its line; the others keep theirs, up to a bound.
            if errorLines[.command(position)] != nil {
                if succeeded || omittedErrorOwners >= Self.maxOmittedErrorOwners {
                    errorLines[.command(position)] = nil
                } else {
                    omittedErrorOwners += 1
                }
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

    // MARK: - Evidence

    private func record(slot: Int, captures: [String: String], line: LogLine, context: LineContext,
                        display: UnsafeBufferPointer<UInt8>, insideKey: Bool, origin: EvidenceOrigin = .log) {
        let isFirstMatch = states[slot] == nil
        var state = states[slot] ?? FindingState()
        // Leave no second reference behind, so the arrays inside are mutated in place, not copied per hit.
        states[slot] = nil
        // One line counts once per rule, however many literals or check verdicts it produced.
        if state.occurrences > 0, state.lastLine == line.number, origin == .log {
            states[slot] = state
            return
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
                ? recent.ordered.map { Self.shown(number: $0.number, bytes: $0.bytes, insideKey: $0.insidePrivateKey) }
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
        if isFirstMatch, origin == .log, let onFirstMatch {
            let rule = catalog.reportableRules[ruleSlot(of: slot)]
            onFirstMatch(.firstMatch(ruleId: rule.id, title: rule.title, severity: rule.severity, line: line.number,
                                     phase: context.phaseName))
        }
    }

    private func feedAfterCaptures(number: Int, display: UnsafeBufferPointer<UInt8>, insideKey: Bool) {
        let shown = Self.shown(number: number, display: display, insideKey: insideKey)
        for index in afterCaptures.indices {
            let capture = afterCaptures[index]
            states[capture.slot]?.evidence[capture.evidenceIndex].evidence.after.append(shown)
            afterCaptures[index].remaining -= 1
        }
        afterCaptures.removeAll { $0.remaining <= 0 }
    }

    private func keepErrorLine(number: Int, display: UnsafeBufferPointer<UInt8>, message: UnsafeBufferPointer<UInt8>,
                               context: LineContext) {
        let score = InformativeErrorLines.score(bytes: message)
        guard score > 0 else { return }
        let owner: OutputOwner = context.command.map { .command($0) } ?? context.phaseIndex.map { .phase($0) } ?? .none
        errorLines[owner, default: InformativeLineSet(capacity: options.errorLinesPerCommand)]
            .offer(NumberedLine(number: number, text: String(decoding: display, as: UTF8.self)), score: score)
    }

    static func shown(number: Int, display: UnsafeBufferPointer<UInt8>, insideKey: Bool) -> NumberedLine {
        NumberedLine(number: number,
                     text: insideKey ? Redactor.privateKeyLine : Redactor.redact(String(decoding: display, as: UTF8.self)))
    }

    static func shown(number: Int, bytes: [UInt8], insideKey: Bool) -> NumberedLine {
        bytes.withUnsafeBufferPointer { shown(number: number, display: $0, insideKey: insideKey) }
    }

    private static let runningCommand = Array("Running command ".utf8)

    /// The command text of an agent `Running command …` message.
    static func commandText(in message: UnsafeBufferPointer<UInt8>) -> String? {
        guard message.count >= runningCommand.count,
              zip(message, runningCommand).allSatisfy({ $0 == $1 }) else { return nil }
        let rest = UnsafeBufferPointer(rebasing: message[runningCommand.count...])
        return String(decoding: rest, as: UTF8.self).trimmingCharacters(in: .whitespaces)
    }
}

/// A check rule's finding about one subject.
struct SubjectKey: Hashable {
    let ruleSlot: Int
    let subject: String
}

/// What a rule's regex made of one line.
private enum RegexVerdict {
    case noMatch
    case match([String: String])
    case overBudget
}

/// Reference substring test for the prefilter-off path.
func naiveContains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8], caseInsensitive: Bool) -> Bool {
    guard !needle.isEmpty, haystack.count >= needle.count else { return needle.isEmpty }
    for start in 0...(haystack.count - needle.count) {
        var offset = 0
        while offset < needle.count {
            let lhs = haystack[start + offset], rhs = needle[offset]
            if caseInsensitive ? asciiLower(lhs) != asciiLower(rhs) : lhs != rhs { break }
            offset += 1
        }
        if offset == needle.count { return true }
    }
    return false
}
