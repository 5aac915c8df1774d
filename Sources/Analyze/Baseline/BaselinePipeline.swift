import Fetch
import Parse

/// `diagnose(_:catalog:)` with a baseline: the same single read of the log, with a `NewLineCollector` beside the
/// analyzer, and the comparison attached to the diagnosis. When no rule explains the failure (`unclassified`),
/// the new lines become the root cause's evidence.
public func diagnose(_ source: LineSource, catalog: CompiledCatalog, against baseline: BaselineIndex,
                     reference: BaselineReference, options: AnalyzerOptions = AnalyzerOptions(),
                     refine: ModelRefinement? = nil) throws -> Diagnosis {
    let analyzer = Analyzer(catalog: catalog, options: options)
    let errorWords = catalog.errorWords
    let collector = NewLineCollector(index: baseline, contextBefore: options.contextBefore,
                                     contextAfter: options.contextAfter, looksLikeError: { errorWords.containsAny($0) })
    let parser = PhaseParser(sink: SinkPair(analyzer, collector))
    let outcome = try source.readLines(observingBlocks: analyzer.blockObserver) { parser.consume($0) }
    var model = parser.finish()
    if let renumbering = refine?(&model) { analyzer.phasesRenumbered(renumbering) }
    var diagnosis = analyzer.finish(build: model, source: SourceInfo(name: source.displayName, outcome: outcome))
    let comparison = BaselineComparer.compare(build: model, groups: collector.finish(),
                                              newLineCount: collector.newLineCount, groupCount: collector.groupCount,
                                              baseline: baseline, reference: reference)
    diagnosis.attach(comparison)
    return diagnosis
}

extension Diagnosis {
    /// New lines shown as an unclassified root cause's evidence, at most.
    static let newLineEvidence = 8

    private static func numbered(_ line: DiffLine) -> NumberedLine { NumberedLine(number: line.number, text: line.text) }

    mutating func attach(_ comparison: BaselineComparison) {
        baseline = comparison
        guard let cause = rootCause, cause.ruleId == "unclassified", comparison.newLineCount > 0 else { return }
        // The failing command's `Running command` line stays first, unless a group of its output shows it anyway.
        var evidence: [Evidence] = comparison.groups.first?.region == .failingCommand ? []
            : Array(cause.evidence.filter { $0.line.text.contains("Running command") }.prefix(1))
        outer: for group in comparison.groups {
            let newOffsets = group.lines.indices.filter { group.lines[$0].new }
            for (rank, offset) in newOffsets.enumerated() {
                // A run of new lines reads as one block: context before its first line and after its last only.
                let previousIsNew = offset > 0 && group.lines[offset - 1].new
                let nextIsNew = offset + 1 < group.lines.count && group.lines[offset + 1].new
                let before = previousIsNew ? [] : group.lines[max(0, offset - 2)..<offset].map(Self.numbered)
                let after = nextIsNew ? [] : group.lines[(offset + 1)..<min(group.lines.count, offset + 3)].map(Self.numbered)
                let line = group.lines[offset]
                // The place is named once per group; the lines after it are in the same place.
                evidence.append(Evidence(line: Self.numbered(line), before: before, after: after,
                                         phase: rank == 0 ? group.phase : nil, command: rank == 0 ? group.command : nil))
                if evidence.count >= Self.newLineEvidence { break outer }
            }
        }
        var updated = cause
        updated.evidence = evidence
        updated.explanation += " Against the baseline \(comparison.baseline.label), \(comparison.newLineCount) "
            + (comparison.newLineCount == 1 ? "line is" : "lines are") + " new; the evidence shows the first of them "
            + "in rank order (the failing command's output first)."
        rootCause = updated
        if let index = findings.firstIndex(where: { $0.ruleId == "unclassified" }) { findings[index] = updated }
    }
}

/// Hands every line to two sinks, in order.
final class SinkPair: BuildEventSink {
    private let first: BuildEventSink
    private let second: BuildEventSink

    init(_ first: BuildEventSink, _ second: BuildEventSink) {
        self.first = first
        self.second = second
    }

    func consume(_ line: LogLine, context: LineContext) {
        first.consume(line, context: context)
        second.consume(line, context: context)
    }

    func commandsOmitted(_ commands: [OmittedCommand]) {
        first.commandsOmitted(commands)
        second.commandsOmitted(commands)
    }

    func commandStarted(_ start: CommandStart) {
        first.commandStarted(start)
        second.commandStarted(start)
    }

    func phaseContext(_ context: PhaseContextEvent) {
        first.phaseContext(context)
        second.phaseContext(context)
    }

    func phasesRenumbered(_ renumbering: PhaseRenumbering) {
        first.phasesRenumbered(renumbering)
        second.phasesRenumbered(renumbering)
    }
}
