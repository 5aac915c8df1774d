import Foundation
import Parse

extension Analyzer {
    /// Ranks what fired into a `Diagnosis`. Call once, after the last line, with the final model.
    public func finish(build: BuildModel, source: SourceInfo) -> Diagnosis {
        // First into the final model's numbering, then the phase records, which are read in that numbering.
        adoptPhaseNumbering(of: build)
        consumePhaseRecords(of: build)
        let facts = FailureFacts(build: build, omittedSuccesses: omittedSuccesses)
        var ranked: [RankedFinding] = []
        for (index, state) in states.enumerated() {
            guard let state, state.occurrences > 0 else { continue }
            let slot = ruleSlot(of: index)
            let rule = catalog.reportableRules[slot]
            // A check validated the structure it reports on (a registry URI, the login/push registries), so it is
            // more specific than any pattern: above the highest pattern score (100).
            let specificity = catalog.slotSpecificity[slot]
            let rank = RankFacts(position: facts.position(of: state), overcome: facts.isOvercome(state),
                                 generic: rule.isGenericSymptom, isLeak: rule.category == .credentialLeak,
                                 severity: rule.severity, specificity: specificity, firstLine: state.firstLine,
                                 ruleId: rule.id)
            ranked.append(RankedFinding(finding: makeFinding(rule: rule, state: state, confidence: rank.confidence, build: build),
                                        facts: rank, rule: rule, state: state))
        }
        ranked.sort { RankFacts.isRankedBefore($0.facts, $1.facts) }

        let leaks = ranked.filter { $0.facts.isLeak }.map(\.finding)
        var causes = ranked.filter { !$0.facts.isLeak }
        let rootCause = chooseRootCause(from: &causes, facts: facts)
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
        for (index, state) in states.enumerated() {
            guard let state, state.occurrences > 0 else { continue }
            lines[catalog.reportableRules[ruleSlot(of: index)].id, default: []] += state.firingLines
        }
        return lines.mapValues { $0.sorted() }
    }

    /// What came from the log (captures, evidence, commands) is redacted; the rule's own explanation and advice
    /// are not — `CODEARTIFACT_AUTH_TOKEN=$(aws codeartifact …)` in a fix is an instruction, not a secret — so a
    /// filled template is the catalog's text around captures that were redacted before filling.
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
                       explanation: Template.fill(rule.explanation, with: captures),
                       remediation: Template.fill(rule.remediation, with: captures),
                       docURL: rule.docURL.isEmpty ? nil : rule.docURL, evidence: evidence,
                       occurrences: state.occurrences, captures: captures,
                       isGenericSymptom: rule.isGenericSymptom)
    }
}

/// Fills `{{name}}` placeholders with captured values; `{{name|text}}` reads `text` when `name` did not take part.
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
            let inside = rest[open.upperBound..<close.lowerBound]
            let name = inside.prefix { $0 != "|" }.trimmingCharacters(in: .whitespaces)
            let fallback = inside.firstIndex(of: "|").map { String(inside[inside.index(after: $0)...]) }
            // A capture that did not take part in the match reads as its fallback, or as its name, not as an empty hole.
            result += captures[name] ?? fallback ?? "<\(name)>"
            rest = rest[close.upperBound...]
        }
        return result + rest
    }
}
