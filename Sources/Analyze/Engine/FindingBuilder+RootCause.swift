import Parse

/// A finding with what ranking knows about it.
struct RankedFinding {
    var finding: Finding
    let facts: RankFacts
    let rule: Rule
    let state: FindingState
}

/// Where the earlier failure behind a consequence is.
private enum EarlierFailure {
    /// A specific finding that fired before the consequence.
    case finding(Int)
    /// No rule explains it: the failing command, or an error line before the consequence.
    case unrecognised
}

extension FindingBuilder {
    /// Picks the root cause and removes it from `causes`.
    ///
    /// - The first specific finding that no later retry overcame, in rank order;
    /// - unless it is a consequence (a push with nothing to push, no artifact to upload) of an earlier
    ///   failure: then the earliest real failure is the root cause, and the consequence says so;
    /// - a failed build, or an excerpt with an error-looking line, that no rule explains gets the
    ///   unclassified fallback, which names the most informative error line;
    /// - nothing for a build that succeeded or a log in which nothing looks like a failure.
    func chooseRootCause(from causes: inout [RankedFinding], facts: FailureFacts) -> Finding? {
        guard var root = pickRootCause(from: &causes, facts: facts) else { return nil }
        if root.category == .buildTimeout, let running = commandRunningAtTimeout(facts.build) {
            root.explanation += " " + running
        }
        return root
    }

    /// "When the time ran out, `npm test` (line 212, phase BUILD) was still running."
    private func commandRunningAtTimeout(_ build: BuildModel) -> String? {
        guard let phase = build.phases.first(where: { $0.status == .timedOut }) ?? (build.status == .timedOut ? build.phases.last : nil),
              let command = phase.commands.last(where: { $0.exitStatus == nil }) ?? phase.commands.last else { return nil }
        return "When the time ran out, `\(Self.clipped(Redactor.redact(command.text)))` (line \(command.line), phase "
            + "\(phase.name)) was still running."
    }

    private func pickRootCause(from causes: inout [RankedFinding], facts: FailureFacts) -> Finding? {
        guard !facts.succeeded, !facts.stopped else { return nil }
        guard let index = causes.firstIndex(where: { !$0.facts.generic && !$0.facts.overcome }) else {
            // A generic symptom that implies its category (`exit status 127`, `npm ERR! Test failed`, Maven's
            // COMPILATION ERROR) says more than "not recognised" when nothing specific fired.
            if let generic = causes.firstIndex(where: { $0.facts.generic && !$0.facts.overcome && $0.rule.category != .unclassified }) {
                var root = causes.remove(at: generic).finding
                if let best = bestErrorLine(facts: facts, before: nil) {
                    root.explanation += " The most informative error line is line \(best.line.number): "
                        + "`\(Self.clipped(Redactor.redact(best.line.text)))`."
                }
                return root
            }
            if let root = unclassifiedFinding(facts: facts, before: nil, consequence: nil) { return root }
            // An excerpt without phase results in which the agent itself reports a failed command
            // (`COMMAND_EXECUTION_ERROR`, `Command did not exit successfully`) failed, whatever else it lacks.
            guard let symptom = causes.first(where: { $0.facts.generic && !$0.facts.overcome && $0.rule.severity == .error })
            else { return nil }
            return unrecognised(place: "The log shows no phase results, but this line reports a failed command.",
                                best: nil, stop: nil, consequence: nil, evidence: symptom.finding.evidence, confidence: 0.2)
        }
        let candidate = causes[index]
        guard candidate.rule.isConsequence,
              let earlier = earlierFailure(before: candidate, among: causes, facts: facts) else {
            return causes.remove(at: index).finding
        }
        switch earlier {
        case .finding(let earlierIndex):
            causes[index].finding.explanation += Self.consequenceNote
            var root = causes[earlierIndex].finding
            root.explanation += " " + Self.consequenceSentence(candidate.finding)
            causes.remove(at: earlierIndex)
            return root
        case .unrecognised:
            guard let root = unclassifiedFinding(facts: facts, before: candidate.state.firstLine,
                                                 consequence: candidate.finding) else {
                return causes.remove(at: index).finding
            }
            causes[index].finding.explanation += Self.consequenceNote
            return root
        }
    }

    private static let consequenceNote = " This is a consequence of the earlier failure named as the root cause."

    private static func consequenceSentence(_ consequence: Finding) -> String {
        let line = consequence.evidence.first.map { " (line \($0.line.number))" } ?? ""
        return "As a consequence, later: \(consequence.title.prefix(1).lowercased() + consequence.title.dropFirst())\(line)."
    }

    /// The failure that came before a consequence finding, if the log shows one.
    private func earlierFailure(before candidate: RankedFinding, among causes: [RankedFinding],
                                facts: FailureFacts) -> EarlierFailure? {
        let line = candidate.state.firstLine
        if let earlier = causes.firstIndex(where: { other in
            !other.facts.generic && !other.facts.overcome && !other.rule.isConsequence && other.state.firstLine < line
        }) {
            return .finding(earlier)
        }
        if let failing = facts.failingCommand, !candidate.state.hitCommands.contains(failing),
           let failingLine = facts.failingCommandLine, failingLine < line {
            return .unrecognised
        }
        if bestErrorLine(facts: facts, before: line) != nil { return .unrecognised }
        if causes.contains(where: { $0.facts.generic && !$0.facts.overcome && $0.state.firstLine < line }) {
            return .unrecognised
        }
        return nil
    }

    /// The most informative error-looking line outside commands that succeeded, before `line` when given,
    /// that looks like a failure by itself.
    private func bestErrorLine(facts: FailureFacts, before line: Int?) -> (line: NumberedLine, score: Int)? {
        var best: (line: NumberedLine, score: Int)?
        for (owner, set) in recorded.errorLines {
            if case .command(let position) = owner, let status = facts.build.command(at: position)?.exitStatus,
               status == 0 || facts.isRerunSuccessfully(position) { continue }
            if case .phase(let index) = owner, facts.build.phases.indices.contains(index),
               facts.build.phases[index].status == .succeeded { continue }
            for entry in set.entries where entry.score >= InformativeErrorLines.failureThreshold {
                if let line, entry.line.number >= line { continue }
                // A line in a phase that completed successfully did not fail the build.
                if case .none = owner, facts.phase(containing: entry.line.number)?.status == .succeeded { continue }
                if let current = best, current.score > entry.score
                    || (current.score == entry.score && current.line.number < entry.line.number) { continue }
                best = entry
            }
        }
        return best
    }

    /// The fallback cause of a failure that no rule explains: where it failed, the most informative error line
    /// of the failing command's output (or of the failing phase, or of the excerpt), and where the log stops
    /// when it stops mid-command. Nil for a log of unknown outcome in which nothing looks like a failure.
    func unclassifiedFinding(facts: FailureFacts, before: Int?, consequence: Finding?) -> Finding? {
        let build = facts.build
        var evidence: [Evidence] = []
        var place: String
        var lines: [NumberedLine] = []
        var best: (line: NumberedLine, score: Int)?
        var phaseName: String?
        var commandShown: String?
        if let position = facts.failingCommand, let command = build.command(at: position),
           before.map({ command.line < $0 }) ?? true {
            phaseName = build.phases[position.phase].name
            let shownText = Redactor.redact(commands.texts[position] ?? command.text)
            commandShown = shownText
            let commandLine = commands.lines[position].map { NumberedLine(number: $0.number, text: Redactor.redact($0.text)) }
                ?? NumberedLine(number: command.line, text: "Running command " + shownText)
            evidence.append(Evidence(line: commandLine, phase: phaseName, command: shownText))
            let set = recorded.errorLines[.command(position)]
            lines = set?.lines ?? []
            best = set?.best
            let status = command.exitStatus.map { " (exit status \($0))" } ?? ""
            place = "The build failed at command `\(shownText)` in phase \(phaseName ?? "?")\(status)."
        } else if let phaseIndex = facts.failingPhase, build.phases.indices.contains(phaseIndex) {
            let phase = build.phases[phaseIndex]
            phaseName = phase.name
            place = "The build failed in phase \(phase.name)"
            if let code = phase.contextCode {
                place += " (\(code)\(phase.contextMessage.map { ": " + Redactor.redact($0) } ?? ""))"
            }
            place += "."
            let set = recorded.errorLines[.phase(phaseIndex)]
            lines = set?.lines ?? []
            best = set?.best ?? bestErrorLine(facts: facts, before: before)
            if lines.isEmpty, let best { lines = [best.line] }
        } else {
            guard let found = bestErrorLine(facts: facts, before: before) else {
                guard facts.failed else { return nil }
                return unrecognised(place: "The build failed.", best: nil, stop: stoppedMidCommand(facts: facts),
                                    consequence: consequence, evidence: [], confidence: 0.2)
            }
            best = found
            lines = [found.line]
            place = facts.failed ? "The build failed." : "The log shows no phase results, but this line reports a failure."
        }
        if let before { lines = lines.filter { $0.number < before } }
        if let current = best, let before, current.line.number >= before { best = nil }
        // The best line first, then the others in log order.
        let ordered = (best.map { [$0.line] } ?? []) + lines.filter { $0.number != best?.line.number }
        for line in ordered {
            evidence.append(Evidence(line: NumberedLine(number: line.number, text: Redactor.redact(line.text)),
                                     phase: phaseName, command: commandShown))
        }
        let confidence = best == nil ? 0.2 : (facts.failed ? 0.3 : 0.25)
        return unrecognised(place: place, best: best?.line, stop: stoppedMidCommand(facts: facts),
                            consequence: consequence, evidence: evidence, confidence: confidence)
    }

    /// "The log stops while `cmd` was still running in phase X": a log that ends inside a command.
    private func stoppedMidCommand(facts: FailureFacts) -> String? {
        let build = facts.build
        guard build.endsAbruptly, let phase = build.phases.last, let command = phase.commands.last,
              command.exitStatus == nil else { return nil }
        let last = recorded.recent.ordered.last.map { entry -> String in
            let text = entry.insidePrivateKey ? Redactor.privateKeyLine : Redactor.redact(entry.text)
            return "; its last line (\(entry.number)) is `\(Self.clipped(text))`"
        } ?? ""
        return "The log stops while `\(Self.clipped(Redactor.redact(command.text)))` was still running in phase \(phase.name)\(last)."
    }

    private func unrecognised(place: String, best: NumberedLine?, stop: String?, consequence: Finding?,
                              evidence: [Evidence], confidence: Double) -> Finding {
        var explanation = "No known pattern matched. " + place
        var captures: [String: String] = [:]
        if let best {
            let text = Redactor.redact(best.text)
            explanation += " The most informative error line is line \(best.number): `\(Self.clipped(text))`."
            captures["line"] = text
        } else {
            explanation += " No error-looking output was found."
        }
        if let stop { explanation += " " + stop }
        if let consequence { explanation += " " + Self.consequenceSentence(consequence) }
        return Finding(
            ruleId: "unclassified", category: .unclassified, title: "Failure not recognised",
            severity: .error, confidence: confidence, explanation: explanation,
            remediation: "Read the evidence lines, starting with the most informative one. If this failure recurs, "
                + "describe it in a rule file (see docs/rules-schema.md) so that it is recognised next time.",
            docURL: "https://docs.aws.amazon.com/codebuild/latest/userguide/troubleshooting.html",
            evidence: evidence, occurrences: 1, captures: captures)
    }

    static func clipped(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        return trimmed.count > 200 ? String(trimmed.prefix(200)) + "…" : trimmed
    }
}
