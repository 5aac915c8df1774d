import Foundation
import Parse

/// Turns what `NewLineCollector` kept, the failed build's final model and the baseline into a
/// `BaselineComparison`: ranks the groups, compares the commands and the phase durations.
enum BaselineComparer {
    static let maxGroupsReported = 20
    /// A phase is reported as slower when it took at least this many times as long as in the baseline…
    static let slowdownRatio = 5.0
    /// …and at least this many seconds more (a 40 ms phase taking 300 ms is noise).
    static let slowdownMinimumSeconds = 5.0
    /// CodeBuild stops a build after 36 hours at most.
    static let maxPlausibleSeconds = 36.0 * 3600

    static func compare(build: BuildModel, groups pending: [NewLineCollector.PendingGroup], newLineCount: Int,
                        groupCount: Int, baseline: BaselineIndex, reference: BaselineReference) -> BaselineComparison {
        let failingPhase = build.firstFailingPhase.flatMap { build.phases.indices.contains($0) ? build.phases[$0].name : nil }
        let failingCommand = build.firstFailingCommand.map {
            (phase: build.phases.indices.contains($0.phase) ? build.phases[$0.phase].name : nil, ordinal: $0.command)
        }
        func region(of group: NewLineCollector.PendingGroup) -> NewLineRegion {
            guard let phase = group.phase else { return .elsewhere }
            if let failingCommand, failingCommand.phase == phase, group.commandOrdinal == failingCommand.ordinal {
                return .failingCommand
            }
            return phase == failingPhase ? .failingPhase : .elsewhere
        }
        let ranked = pending.map { (group: $0, region: region(of: $0)) }.sorted { lhs, rhs in
            if lhs.region != rhs.region { return lhs.region < rhs.region }
            if lhs.group.errorLooking != rhs.group.errorLooking { return lhs.group.errorLooking }
            return lhs.group.firstNewLine < rhs.group.firstNewLine
        }
        let groups = ranked.prefix(maxGroupsReported).map { entry -> NewLineGroup in
            let lines = entry.group.lines.map {
                DiffLine(number: $0.number, text: $0.insideKey ? Redactor.privateKeyLine : Redactor.redact($0.text), new: $0.new)
            }
            let command = entry.group.phase.flatMap { phaseName -> String? in
                guard let ordinal = entry.group.commandOrdinal,
                      let phase = build.phases.first(where: { $0.name == phaseName }),
                      let index = phase.commandIndex(ofOrdinal: ordinal) else { return nil }
                return Redactor.redact(phase.commands[index].text)
            }
            return NewLineGroup(region: entry.region, phase: entry.group.phase, command: command, lines: lines,
                                newLines: entry.group.newLines, firstNewLine: entry.group.firstNewLine)
        }
        return BaselineComparison(baseline: reference, newLineCount: newLineCount, groupCount: groupCount,
                                  groups: Array(groups), commands: commandChanges(build: build, baseline: baseline),
                                  slowerPhases: slowdowns(build: build, baseline: baseline))
    }

    /// Each command of the failed build whose normalised text the baseline's same phase never ran: `changed` when
    /// the baseline ran, in that position, a command this build did not run; `new` otherwise.
    static func commandChanges(build: BuildModel, baseline: BaselineIndex) -> [CommandChange] {
        var changes: [CommandChange] = []
        let failing = build.firstFailingCommand
        for (phaseIndex, phase) in build.phases.enumerated() {
            let baselineCommands = baseline.commands.filter { $0.phase == phase.name }
            let baselineHashes = Set(baselineCommands.map(\.hash))
            let hashes = phase.commands.map { LineNormalizer.hash($0.text) }
            let ownHashes = Set(hashes)
            for (index, command) in phase.commands.enumerated() where !baselineHashes.contains(hashes[index]) {
                let ordinal = phase.ordinal(ofCommandAt: index)
                let replaced = baselineCommands.first { $0.ordinal == index && !ownHashes.contains($0.hash) }
                let isFailing = failing.map { $0.phase == phaseIndex && $0.command == ordinal } ?? false
                changes.append(CommandChange(kind: replaced == nil ? .new : .changed, phase: phase.name,
                                             text: Redactor.redact(command.text), line: command.line,
                                             baselineText: replaced?.text, failing: isFailing))
            }
        }
        return changes
    }

    static func slowdowns(build: BuildModel, baseline: BaselineIndex) -> [PhaseSlowdown] {
        build.phases.compactMap { phase in
            guard let seconds = phase.duration,
                  let before = baseline.phases.first(where: { $0.name == phase.name })?.seconds else { return nil }
            // A duration mixing the log's clock with CodeBuild's record (a phase the log does not finish) can be
            // negative or years long: only plausible durations on both sides are compared.
            guard (0...maxPlausibleSeconds).contains(seconds), before > 0, before <= maxPlausibleSeconds,
                  seconds >= before * slowdownRatio, seconds - before >= slowdownMinimumSeconds else { return nil }
            return PhaseSlowdown(phase: phase.name, seconds: seconds, baselineSeconds: before,
                                 ratio: seconds / before)
        }
    }
}
