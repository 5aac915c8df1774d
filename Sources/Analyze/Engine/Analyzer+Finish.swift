import Foundation
import Parse

extension Analyzer {
    /// Ranks what fired into a `Diagnosis`. Call once, after the last line, with the final model (and, if a step
    /// moved its phases, after `phasesRenumbered`).
    public func finish(build: BuildModel, source: SourceInfo) -> Diagnosis {
        // First into the final model's numbering, then the phase records, which are read in that numbering.
        adoptPendingRenumbering()
        consumePhaseRecords(of: build)
        return FindingBuilder(catalog: catalog, recorded: recorder, commands: commands, skipped: skipped)
            .diagnosis(build: build, source: source)
    }

    /// Phase contexts that only CodeBuild's build record holds (a phase with no log lines, or one whose log never
    /// printed its context) are scanned as the line the agent would have printed, so the rules written for that
    /// line match them too.
    private func consumePhaseRecords(of build: BuildModel) {
        guard !phaseRecordsConsumed else { return }
        phaseRecordsConsumed = true
        for (index, phase) in build.phases.enumerated() where !logPrintedContext(ofPhase: index) {
            guard let code = phase.contextCode, !code.isEmpty else { continue }
            consumePhaseRecord(PhaseContextEvent.agentLine(code: code, message: phase.contextMessage),
                               phaseIndex: index, phaseName: phase.name)
        }
    }

    /// Every line each rule fired on, by rule id (needs `AnalyzerOptions.tracesFiringLines`).
    public var firingLines: [String: [Int]] {
        var lines: [String: [Int]] = [:]
        for (index, state) in recorder.states.enumerated() {
            guard let state, state.occurrences > 0 else { continue }
            lines[catalog.reportableRules[recorder.ruleSlot(of: index)].id, default: []] += state.firingLines
        }
        return lines.mapValues { $0.sorted() }
    }
}
