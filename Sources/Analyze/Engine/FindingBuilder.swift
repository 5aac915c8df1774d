import Foundation
import Parse

/// Makes the diagnosis out of what the analyzer recorded: one finding per rule that fired, ranked, with the
/// root cause chosen (`FindingBuilder+RootCause`), everything from the log redacted.
struct FindingBuilder {
    let catalog: CompiledCatalog
    let recorded: EvidenceRecorder
    let commands: CommandScope
    let skipped: SkippedMatches

    func diagnosis(build: BuildModel, source: SourceInfo) -> Diagnosis {
        let facts = FailureFacts(build: build, omittedSuccesses: commands.omittedSuccesses)
        var ranked: [RankedFinding] = []
        for (index, state) in recorded.states.enumerated() {
            guard let state, state.occurrences > 0 else { continue }
            let slot = recorded.ruleSlot(of: index)
            let rule = catalog.reportableRules[slot]
            // A check validated the structure it reports on (a registry URI, the login/push registries), so it is
            // more specific than any pattern: above the highest pattern score (100).
            let specificity = catalog.slotSpecificity[slot]
            let rank = RankFacts(position: facts.position(of: state), overcome: facts.isOvercome(state),
                                 generic: rule.isGenericSymptom, isLeak: rule.category == .credentialLeak,
                                 severity: rule.severity, specificity: specificity, firstLine: state.firstLine,
                                 ruleId: rule.id)
            ranked.append(RankedFinding(finding: finding(rule: rule, state: state, confidence: rank.confidence, build: build),
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

    /// What came from the log (captures, evidence, commands) is redacted; the rule's own explanation and advice
    /// are not — `CODEARTIFACT_AUTH_TOKEN=$(aws codeartifact …)` in a fix is an instruction, not a secret — so a
    /// filled template is the catalog's text around captures that were redacted before filling.
    private func finding(rule: Rule, state: FindingState, confidence: Double, build: BuildModel) -> Finding {
        let captures = state.captures.mapValues(Redactor.redact)
        let evidence = state.evidence.map { pending -> Evidence in
            var evidence = pending.evidence
            if let position = pending.position {
                let text = commands.texts[position] ?? build.command(at: position)?.text
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
