import Foundation
import Parse

extension Analyzer {
    /// Ranks what fired into a `Diagnosis`. Call once, after the last line, with the final model.
    public func finish(build: BuildModel, source: SourceInfo) -> Diagnosis {
        // First into the final model's numbering, then the phase records, which are read in that numbering.
        adoptPhaseNumbering(of: build)
        consumePhaseRecords(of: build)
        let facts = FailureFacts(build: build)
        var ranked: [(finding: Finding, facts: RankFacts)] = []
        for (slot, state) in states.enumerated() {
            guard let state, state.occurrences > 0 else { continue }
            let rule = catalog.reportableRules[slot]
            // A check validated the structure it reports on (a registry URI, the login/push registries), so it is
            // more specific than any pattern: above the highest pattern score (100).
            let specificity = slot < catalog.compiled.count ? catalog.compiled[slot].specificity : 110
            let rank = RankFacts(position: facts.position(of: state), overcome: facts.isOvercome(state),
                                 generic: rule.isGenericSymptom, isLeak: rule.category == .credentialLeak,
                                 severity: rule.severity, specificity: specificity, firstLine: state.firstLine,
                                 ruleId: rule.id)
            ranked.append((makeFinding(rule: rule, state: state, confidence: rank.confidence, build: build), rank))
        }
        ranked.sort { RankFacts.isRankedBefore($0.facts, $1.facts) }

        let leaks = ranked.filter { $0.facts.isLeak }.map(\.finding)
        var causes = ranked.filter { !$0.facts.isLeak }
        var rootCause: Finding?
        if !facts.succeeded,
           let index = causes.firstIndex(where: { !$0.facts.generic && !$0.facts.overcome }) {
            rootCause = causes.remove(at: index).finding
        } else if facts.failed {
            rootCause = unclassifiedFinding(facts: facts)
        }
        // Causes stay in rank order behind the root cause; confidence never rises down the list.
        var ordered = causes.map(\.finding)
        var ceiling = rootCause?.confidence ?? 1
        for index in ordered.indices {
            ordered[index].confidence = min(ordered[index].confidence, ceiling)
            ceiling = ordered[index].confidence
        }
        let findings = (rootCause.map { [$0] } ?? []) + leaks + ordered
        return Diagnosis(source: source, build: Self.redacted(build), findings: findings, rootCause: rootCause,
                         skipped: skipped.all)
    }

    /// Phase contexts that only CodeBuild's build record holds (a phase with no log lines, or a log that stopped
    /// before the agent printed it) are scanned as the line the agent would have printed, so the rules written
    /// for that line match them too.
    private func consumePhaseRecords(of build: BuildModel) {
        guard !phaseRecordsConsumed else { return }
        phaseRecordsConsumed = true
        for (index, phase) in build.phases.enumerated() where phase.firstLine == nil || phase.contextIsFromBuildRecord {
            guard let code = phase.contextCode, !code.isEmpty else { continue }
            let message = phase.contextMessage.map { " Message: " + $0 } ?? ""
            consumePhaseRecord("Phase context status code: \(code)\(message)", phaseIndex: index, phaseName: phase.name)
        }
    }

    /// The model with the texts that come from the log (command texts, phase context messages) redacted:
    /// a `docker login -p` in a buildspec must not reach a report through the build's structure either.
    static func redacted(_ build: BuildModel) -> BuildModel {
        var copy = build
        for phaseIndex in copy.phases.indices {
            copy.phases[phaseIndex].contextMessage = copy.phases[phaseIndex].contextMessage.map(Redactor.redact)
            for commandIndex in copy.phases[phaseIndex].commands.indices {
                copy.phases[phaseIndex].commands[commandIndex].text =
                    Redactor.redact(copy.phases[phaseIndex].commands[commandIndex].text)
            }
        }
        return copy
    }

    /// Every line each rule fired on, by rule id (needs `AnalyzerOptions.tracesFiringLines`).
    public var firingLines: [String: [Int]] {
        var lines: [String: [Int]] = [:]
        for (slot, state) in states.enumerated() {
            guard let state, state.occurrences > 0 else { continue }
            lines[catalog.reportableRules[slot].id] = state.firingLines
        }
        return lines
    }

    private func makeFinding(rule: Rule, state: FindingState, confidence: Double, build: BuildModel) -> Finding {
        let captures = state.captures.mapValues(Redactor.redact)
        let evidence = state.evidence.map { pending -> Evidence in
            var evidence = pending.evidence
            if let position = pending.position {
                let text = commandTexts[position] ?? build.command(at: position)?.text
                evidence.command = text.map(Redactor.redact)
            }
            return evidence
        }
        return Finding(ruleId: rule.id, category: rule.category, title: rule.title, severity: rule.severity,
                       confidence: confidence,
                       explanation: Redactor.redact(Template.fill(rule.explanation, with: captures)),
                       remediation: Redactor.redact(Template.fill(rule.remediation, with: captures)),
                       docURL: rule.docURL.isEmpty ? nil : rule.docURL, evidence: evidence,
                       occurrences: state.occurrences, captures: captures)
    }

    /// The fallback cause of a failed build that no rule explains: the failing command and the last
    /// error-looking lines of its output (or of the failing phase when no command failed).
    private func unclassifiedFinding(facts: FailureFacts) -> Finding {
        let build = facts.build
        var evidence: [Evidence] = []
        var where_ = "the build"
        var errorLines: [NumberedLine] = []
        if let position = facts.failingCommand, let command = build.command(at: position) {
            let phaseName = build.phases[position.phase].name
            let shownText = Redactor.redact(commandTexts[position] ?? command.text)
            let commandLine = commandLines[position].map { NumberedLine(number: $0.number, text: Redactor.redact($0.text)) }
                ?? NumberedLine(number: command.line, text: "Running command " + shownText)
            evidence.append(Evidence(line: commandLine, phase: phaseName, command: shownText))
            errorLines = errorRings[.command(position)]?.lines ?? []
            let status = command.exitStatus.map { " (exit status \($0))" } ?? ""
            where_ = "command `\(shownText)` in phase \(phaseName)\(status)"
            for line in errorLines {
                evidence.append(Evidence(line: NumberedLine(number: line.number, text: Redactor.redact(line.text)),
                                         phase: phaseName, command: shownText))
            }
        } else if let phaseIndex = facts.failingPhase, build.phases.indices.contains(phaseIndex) {
            let phase = build.phases[phaseIndex]
            where_ = "phase \(phase.name)"
            if let code = phase.contextCode {
                where_ += " (\(code)\(phase.contextMessage.map { ": " + Redactor.redact($0) } ?? ""))"
            }
            errorLines = errorRings[.phase(phaseIndex)]?.lines ?? []
            for line in errorLines {
                evidence.append(Evidence(line: NumberedLine(number: line.number, text: Redactor.redact(line.text)),
                                         phase: phase.name))
            }
        }
        let shown = errorLines.isEmpty ? "No error-looking output was found." : "Its last error-looking lines are shown."
        return Finding(
            ruleId: "unclassified", category: .unclassified, title: "Failure not recognised",
            severity: .error, confidence: errorLines.isEmpty ? 0.2 : 0.3,
            explanation: "No known pattern matched. The build failed at \(where_). \(shown)",
            remediation: "Read the evidence lines of the failing command. If this failure recurs, describe it in a "
                + "rule file (see docs/rules-schema.md) so that it is recognised next time.",
            docURL: "https://docs.aws.amazon.com/codebuild/latest/userguide/troubleshooting.html",
            evidence: evidence, occurrences: 1)
    }
}

/// Fills `{{name}}` placeholders with captured values.
enum Template {
    static func fill(_ template: String, with captures: [String: String]) -> String {
        guard template.contains("{{") else { return template }
        var result = ""
        var rest = Substring(template)
        while let open = rest.range(of: "{{") {
            result += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                rest = rest[open.lowerBound...]
                break
            }
            let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            // A capture that did not take part in the match reads as its name, not as an empty hole.
            result += captures[name] ?? "<\(name)>"
            rest = rest[close.upperBound...]
        }
        return result + rest
    }
}
