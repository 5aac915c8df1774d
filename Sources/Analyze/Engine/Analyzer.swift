import Fetch
import Foundation
import Parse

/// Analyses one build: receives every line from the parser, keeps bounded evidence, and ranks
/// findings into a `Diagnosis` when the build's model is final.
///
/// Per line: clean (ANSI, CR) without copying when possible, run the one multi-literal scan, and only
/// for the rules whose literals appeared check scope and run the regex. Evidence keeps the first few
/// occurrences per rule with context; everything else is a counter. Not thread-safe: one per build.
///
/// What the parser recognised arrives as events (`commandStarted`, `phaseContext`, `phasesRenumbered`), kept by
/// `CommandScope`; occurrences go to `EvidenceRecorder`; `finish` hands both to `FindingBuilder`.
public final class Analyzer: BuildEventSink {
    let catalog: CompiledCatalog
    let options: AnalyzerOptions

    /// The occurrences kept, their context, and the fallback's error lines.
    var recorder: EvidenceRecorder
    /// The commands' texts and lines, and which command-scoped rules the running one admits.
    var commands: CommandScope
    private let checks: [LineCheck]
    /// Vectorscan's working memory for this analyzer's matches.
    private let scratch: MatchScratch
    /// Lines where a rule's capture step ran out of budget.
    var skipped = SkippedMatches()
    private var cleaner = LineCleaner()
    private var keyBlock = PrivateKeyBlockTracker()
    /// Where the catalog's literals occur in the reader's current block; nil with the prefilter off.
    private let blockHits: BlockLiteralHits?
    /// Lines the block scan showed to hold no literal, so the per-line matcher never ran on them.
    private(set) var linesPassedOverByBlockScan = 0
    /// The phases (by index) whose last phase context line in the log had a code.
    private var phasesWithLogContext = Set<Int>()
    /// How a step after parsing moved the phases (`phasesRenumbered`), until `finish` adopts it.
    private var pendingRenumbering: PhaseRenumbering?

    // Per-line scratch, reused: which matcher values were seen on the line numbered `seenOnLine[v]`.
    private var seenOnLine: [Int]
    private var candidates: [Int] = []
    /// The line's candidates came from the block scan, so required runs (`seenOnLine[requiredLiteralValueBase + i]`)
    /// were looked for too.
    private var candidatesFromBlock = false
    /// Rules whose required run the block scan found on the current line (`collectCandidates`).
    private var requiredRunsOnLine: [Int] = []
    /// `literalSeenOnLine[id] == lineSerial`: the block literal `id` lies in the current line's message.
    private var literalSeenOnLine: [Int]
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
        recorder = EvidenceRecorder(reportableRuleCount: catalog.reportableRules.count, options: options)
        commands = CommandScope(catalog: catalog)
        checks = catalog.checks.map { $0.make() }
        scratch = MatchScratch()
        seenOnLine = Array(repeating: 0, count: catalog.requiredLiteralValueBase + catalog.compiled.count)
        candidates.reserveCapacity(catalog.compiled.count + catalog.checks.count)
        blockHits = catalog.blockLiterals.map(BlockLiteralHits.init(database:))
        literalSeenOnLine = Array(repeating: 0, count: catalog.blockLiterals?.lengths.count ?? 0)
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
        // The previous block is still valid when the observer is called: the context lines borrowed from it
        // are copied now.
        return { [weak self] block in
            self?.recorder.blockEnds()
            blockHits.observe(block)
        }
    }

    public func consume(_ line: LogLine, context: LineContext) {
        lineSerial += 1
        // The tracker changes state only on lines holding `PRIVATE KEY`; a memchr-driven test skips it elsewhere.
        let insideKey = keyBlock.inside || ByteSearch.contains(line.bytes, ByteSearch.privateKey)
            ? keyBlock.update(line.bytes) : false
        // Straight-line code, no closure: a closure here made a copy of `context` per line.
        let (display, messageStart) = cleaner.clean(line.bytes, messageOffset: context.messageOffset)
        let message = UnsafeBufferPointer(rebasing: display[messageStart...])
        if recorder.awaitsLinesAfter { recorder.feedAfterCaptures(number: line.number, display: display, insideKey: insideKey) }
        commands.follow(context.command, line: line.number, display: display, scratch: scratch)
        // A line of the current block is looked up in the block's literal hits, unless cleaning removed escape
        // sequences (then `display` is a copy, and literals may have been split by them): the same values the
        // per-line matcher would find in `message`, the hits that lie wholly inside it.
        let looksLikeError: Bool
        var inBlock = false
        if display.baseAddress == line.bytes.baseAddress, let blockHits, let hits = blockHits.occurrences(in: line.bytes) {
            inBlock = true
            if hits.isEmpty {
                if !candidates.isEmpty { candidates.removeAll(keepingCapacity: true) }
                looksLikeError = false
                linesPassedOverByBlockScan += 1
            } else {
                looksLikeError = collectCandidates(blockHits, hits, message: messageStart..<display.count,
                                                   messageBytes: message)
            }
        } else {
            looksLikeError = collectCandidates(message)
        }
        if !candidates.isEmpty {
            evaluateCandidates(line: line, context: context, display: display, message: message, insideKey: insideKey)
        }
        if looksLikeError, !context.isAgentLine, !insideKey {
            recorder.keepErrorLine(number: line.number, display: display, message: message, context: context)
        }
        recorder.pushRecent(number: line.number, display: display, insideKey: insideKey, inBlock: inBlock)
    }

    public func commandStarted(_ start: CommandStart) {
        commands.start(start, scratch: scratch)
    }

    public func phaseContext(_ context: PhaseContextEvent) {
        // The last context line of a phase stands, as in the model: an empty one after a coded one leaves none.
        if context.code != nil {
            phasesWithLogContext.insert(context.phaseIndex)
        } else {
            phasesWithLogContext.remove(context.phaseIndex)
        }
    }

    public func phasesRenumbered(_ renumbering: PhaseRenumbering) {
        pendingRenumbering = pendingRenumbering.map { $0.followed(by: renumbering) } ?? renumbering
    }

    /// Whether the log printed a (non-empty) context for the phase at `index` (final numbering after `finish`
    /// adopted a renumbering).
    func logPrintedContext(ofPhase index: Int) -> Bool {
        phasesWithLogContext.contains(index)
    }

    /// Rewrites every recorded phase index into the final model's numbering, once.
    func adoptPendingRenumbering() {
        guard let renumbering = pendingRenumbering else { return }
        pendingRenumbering = nil
        guard !renumbering.isIdentity else { return }
        recorder.renumber(renumbering)
        commands.renumber(renumbering)
        phasesWithLogContext = Set(phasesWithLogContext.map { renumbering[$0] })
    }

    /// Runs the catalog over one phase's context message from CodeBuild's build record, for a phase the log
    /// does not cover. Same matcher, scopes and regexes as a log line; the evidence is marked as coming from
    /// the record, with no surrounding lines.
    func consumePhaseRecord(_ message: String, phaseIndex: Int, phaseName: String) {
        lineSerial += 1
        // No command runs outside the log: rules scoped to a command cannot apply.
        commands.enter(nil, scratch: scratch)
        recorder.stopCollectingLinesAfter()
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
        if !candidates.isEmpty { candidates.removeAll(keepingCapacity: true) }
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
    ///
    /// A rule with a required run comes under its literals' deferred values: on an ASCII line it joins only when
    /// its run is on the line too (it could not match otherwise, see `evaluateCandidates`); on any other line
    /// whenever one of its literals is, as every rule does.
    private func collectCandidates(_ blockHits: BlockLiteralHits, _ hits: LineHits, message: Range<Int>,
                                   messageBytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if !candidates.isEmpty { candidates.removeAll(keepingCapacity: true) }
        if !requiredRunsOnLine.isEmpty { requiredRunsOnLine.removeAll(keepingCapacity: true) }
        let serial = lineSerial
        let errorWord = catalog.errorWordValue
        let requiredBase = catalog.requiredLiteralValueBase
        let database = blockHits.database
        var looksLikeError = false
        var deferredSelected = false
        candidatesFromBlock = true
        let values = database.values, deferredValues = database.deferredValues
        seenOnLine.withUnsafeMutableBufferPointer { seen in
            blockHits.forEachLiteral(hits, within: message) { id in
                literalSeenOnLine[id] = serial
                if !deferredValues[id].isEmpty { deferredSelected = true }
                for value32 in values[id] {
                    let value = Int(value32)
                    if value == errorWord {
                        looksLikeError = true
                    } else if value > errorWord {
                        if seen[value] != serial { requiredRunsOnLine.append(value - requiredBase) }
                        seen[value] = serial
                    } else if seen[value] != serial {
                        seen[value] = serial
                        candidates.append(value)
                    }
                }
            }
            guard deferredSelected else { return }
            if ByteSearch.isASCII(messageBytes) {
                // A rule whose run is on the line joins if one of its literals is too.
                for rule in requiredRunsOnLine where seen[rule] != serial {
                    guard let ids = database.idsOfDeferredValue[Int32(rule)],
                          ids.contains(where: { literalSeenOnLine[Int($0)] == serial }) else { continue }
                    seen[rule] = serial
                    candidates.append(rule)
                }
            } else {
                blockHits.forEachLiteral(hits, within: message) { id in
                    for rule32 in deferredValues[id] where seen[Int(rule32)] != serial {
                        seen[Int(rule32)] = serial
                        candidates.append(Int(rule32))
                    }
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
                        guard !recorder.hasCaptures(candidate) else { return .match([:]) }
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
                                              commandText: context.command.flatMap { commands.texts[$0] })
                checks[candidate - ruleCount].inspect(inspected) { hit in
                    guard let ruleSlot = catalog.slotOfRuleId[hit.ruleId] else { return }
                    let slot = recorder.stateIndex(ruleSlot: ruleSlot, subject: hit.subject)
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

    private func inScope(_ rule: CompiledRule, _ index: Int, _ context: LineContext) -> Bool {
        if !rule.phases.isEmpty {
            // Phase names arrive as the agent prints them (upper case); the rule's were upper-cased once.
            guard let phase = context.phaseName, rule.phases.contains(phase) else { return false }
        }
        return commands.admits(rule, index)
    }

    /// The model let go of these commands: so does the analyzer, keeping only what its evidence refers to and
    /// what ranking needs of them (did they exit 0, the last successful run of each kind).
    public func commandsOmitted(_ omitted: [OmittedCommand]) {
        let referenced = recorder.referencedCommands
        for entry in omitted { commands.omit(entry, referenced: referenced.contains(entry.position)) }
        recorder.omit(omitted)
    }

    // MARK: - Evidence

    private func record(slot: Int, captures: [String: String], line: LogLine, context: LineContext,
                        display: UnsafeBufferPointer<UInt8>, insideKey: Bool, origin: EvidenceOrigin = .log) {
        let isFirstMatch = recorder.record(slot: slot, captures: captures, line: line, context: context, display: display,
                                           insideKey: insideKey, origin: origin)
        if isFirstMatch, origin == .log, let onFirstMatch {
            let rule = catalog.reportableRules[recorder.ruleSlot(of: slot)]
            onFirstMatch(.firstMatch(ruleId: rule.id, title: rule.title, severity: rule.severity, line: line.number,
                                     phase: context.phaseName))
        }
    }
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
