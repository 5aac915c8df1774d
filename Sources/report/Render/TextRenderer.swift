import Analyze
import Foundation
import Parse

/// The human report for a terminal: header, phase timeline, root cause first, then other findings.
/// Colour and Unicode only when `settings` allow (a TTY without `NO_COLOR`); plain ASCII otherwise.
struct TextRenderer {
    var settings: RenderSettings
    private var style: Style { Style(enabled: settings.color) }
    private var ellipsis: String { settings.unicode ? "…" : "..." }

    init(settings: RenderSettings) {
        self.settings = settings
    }

    /// The answer first: header, where it failed, the root cause with its evidence (generic symptoms folded into
    /// it), the other findings a line each, then the phase timeline. `--verbose` shows every finding in full.
    func render(_ diagnosis: Diagnosis) -> String {
        var lines: [String] = []
        let headline = BuildHeadline(diagnosis)
        lines += header(diagnosis, headline: headline)
        lines += partialWarning(diagnosis.source)
        lines += skippedWarning(diagnosis.skipped)
        lines += failurePlace(diagnosis.build, headline: headline)
        let folded = settings.verbose ? [] : diagnosis.findings.filter { $0 != diagnosis.rootCause && $0.isGenericSymptom }
        lines += rootCause(diagnosis, headline: headline, folded: folded)
        lines += BaselineTextSection(settings: settings)
            .render(diagnosis.baseline, shownAbove: diagnosis.rootCause?.ruleId == "unclassified")
        lines += otherFindings(diagnosis.findings.filter { $0 != diagnosis.rootCause && !folded.contains($0) })
        lines += timeline(diagnosis.build)
        while lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: sections

    private func header(_ diagnosis: Diagnosis, headline: BuildHeadline) -> [String] {
        let metadata = diagnosis.build.metadata
        var title = "\(style.bold(Formatting.printable(headline.name)))  \(statusWord(headline.status))"
        if let duration = Formatting.duration(headline.duration) { title += "  in \(duration)" }
        var lines = [title]
        var facts: [String] = []
        if metadata.buildId != nil || metadata.project != nil { facts.append("input \(diagnosis.source.name)") }
        if let version = metadata.sourceVersion { facts.append("source \(version)") }
        if let start = metadata.startTime { facts.append("started \(ISOTime.format(start))") }
        facts.append("\(Formatting.count(diagnosis.source.linesRead, "line")) (\(diagnosis.source.shape.rawValue))")
        for line in Formatting.joinWrapped(facts.map(Formatting.printable), separator: "  |  ", width: settings.width) {
            lines.append(style.dim(trimmedToWidth(line)))
        }
        if let url = metadata.consoleURL { lines.append(style.dim("console \(url)")) }
        return lines + [""]
    }

    private func partialWarning(_ source: SourceInfo) -> [String] {
        guard source.partial else { return [] }
        var message = "WARNING: partial input: \(source.partialReason ?? "the input ended early")"
        if let offset = source.damageByteOffset { message += " at byte \(offset)" }
        message += "; this report covers only what was read."
        let wrapped = Formatting.wrap(message, width: settings.width, indent: "")
        return wrapped.map { style.boldRed($0) } + [""]
    }

    private func skippedWarning(_ skipped: [SkippedRule]) -> [String] {
        guard !skipped.isEmpty else { return [] }
        let lines = skipped.flatMap { rule in
            Formatting.wrap("WARNING: rule \(rule.ruleId) skipped \(Formatting.count(rule.lines, "line")) (first: line "
                            + "\(rule.firstLine)): its pattern ran out of its matching budget there.",
                            width: settings.width, indent: "")
        }
        return lines.map { style.boldRed($0) } + [""]
    }

    private func timeline(_ build: BuildModel) -> [String] {
        guard !build.phases.isEmpty else { return [] }
        var lines = [style.bold("Phases")]
        let nameWidth = build.phases.map(\.name.count).max() ?? 0
        for (index, phase) in build.phases.enumerated() {
            let failing = index == build.firstFailingPhase
            let name = phase.name.padding(toLength: nameWidth, withPad: " ", startingAt: 0)
            let status = phase.status.rawValue.padding(toLength: 11, withPad: " ", startingAt: 0)
            // The failing row is styled as a whole; a separately coloured mark would end its style early.
            var line = "  \(failing ? plainMark(for: phase.status) : mark(for: phase.status)) \(name)  \(status)"
            line += (Formatting.duration(phase.duration) ?? "").padding(toLength: 8, withPad: " ", startingAt: 0)
            if failing {
                var marker = settings.unicode ? "◀ failed here" : "<- failed here"
                if let code = phase.contextCode { marker += " (\(code))" }
                if (line + marker).count <= settings.width {
                    lines.append(style.boldRed(line + marker))
                } else {
                    // A narrow terminal: the marker and its code get a line of their own rather than being cut.
                    lines.append(style.boldRed(trimmedToWidth(Formatting.trimTrailingSpaces(line))))
                    lines.append(style.boldRed(trimmedToWidth("    " + marker)))
                }
            } else {
                lines.append(trimmedToWidth(Formatting.trimTrailingSpaces(line)))
            }
        }
        return lines + [""]
    }

    /// `Failed in POST_BUILD: `docker push …` exited with status 1 (COMMAND_EXECUTION_ERROR)`.
    private func failurePlace(_ build: BuildModel, headline: BuildHeadline) -> [String] {
        guard let index = build.firstFailingPhase, build.phases.indices.contains(index) else { return [] }
        let phase = build.phases[index]
        var sentence = "Failed in \(phase.name)"
        if let position = build.firstFailingCommand, let command = build.command(at: position) {
            let text = Formatting.commandHeadline(command.text, limit: max(settings.width - 50, 30), ellipsis: ellipsis)
            sentence += ": `\(text)`"
            if let status = command.exitStatus, status != 0 { sentence += " exited with status \(status)" }
            if let code = phase.contextCode { sentence += " (\(code))" }
        } else if let code = phase.contextCode {
            sentence += ": \(code)"
            if let message = phase.contextMessage?.trimmingCharacters(in: .whitespaces), !message.isEmpty {
                sentence += ": " + message
            }
        }
        let wrapped = Formatting.wrap(Formatting.printable(sentence), width: settings.width, indent: "  ")
        return wrapped.prefix(3).enumerated().map { index, line in
            style.bold(index == 0 ? String(line.drop { $0 == " " }) : line)
        } + [""]
    }

    private func rootCause(_ diagnosis: Diagnosis, headline: BuildHeadline, folded: [Finding]) -> [String] {
        guard let cause = diagnosis.rootCause else {
            return [style.bold(headline.verdictWithoutCause), ""] + foldedSymptoms(folded, indent: "")
        }
        let arrow = settings.unicode ? "▶ " : "> "
        var lines = titleLines(style.boldRed(arrow + "Root cause: " + Formatting.printable(cause.title)),
                               plainCount: arrow.count + 12 + cause.title.count, tags: findingTags(cause), indent: "  ")
        lines += findingBody(cause, indent: "  ")
        lines += foldedSymptoms(folded, indent: "  ")
        return lines + [""]
    }

    /// Generic symptoms (`exit status 1`, `COMMAND_EXECUTION_ERROR`) restate the root cause's evidence: one line
    /// naming them and where they fired, instead of their own why/fix/evidence.
    private func foldedSymptoms(_ symptoms: [Finding], indent: String) -> [String] {
        guard !symptoms.isEmpty else { return [] }
        let listed = symptoms.map { "\($0.ruleId) (\(place(of: $0)))" }.joined(separator: ", ")
        let text = Formatting.printable("Also: \(listed); --verbose shows them in full.")
        return Formatting.wrap(text, width: settings.width, indent: indent + "      ").enumerated().map { index, line in
            style.dim(index == 0 ? indent + String(line.drop { $0 == " " }) : line)
        }
    }

    private func otherFindings(_ others: [Finding]) -> [String] {
        guard !others.isEmpty else { return [] }
        var lines = [style.bold("Other findings (\(others.count))")]
        for (index, finding) in others.enumerated() {
            if settings.verbose {
                let number = "  \(index + 1). "
                lines += titleLines(number + style.bold(Formatting.printable(finding.title)),
                                    plainCount: number.count + finding.title.count, tags: findingTags(finding),
                                    indent: "     ")
                lines += findingBody(finding, indent: "     ")
            } else {
                let line = "  - \(Formatting.printable(finding.title))  [\(finding.ruleId), \(finding.severity.rawValue)] "
                    + place(of: finding)
                lines.append(trimmedToWidth(line))
            }
        }
        return lines + [""]
    }

    /// `line 98`, `lines 98, 140 and 3 more`, or the CodeBuild phase record a finding came from.
    private func place(of finding: Finding) -> String {
        guard let first = finding.evidence.first else { return "" }
        guard first.origin == .log else { return Formatting.printable(first.placeLabel).trimmingCharacters(in: [":"]) }
        let numbers = finding.evidence.filter { $0.origin == .log }.map(\.line.number)
        let more = max(finding.occurrences - numbers.count, 0)
        var text = (numbers.count == 1 ? "line " : "lines ") + numbers.prefix(3).map(String.init).joined(separator: ", ")
        if more + max(numbers.count - 3, 0) > 0 { text += " and \(more + max(numbers.count - 3, 0)) more" }
        return text
    }

    // MARK: pieces

    private func findingBody(_ finding: Finding, indent: String) -> [String] {
        var lines: [String] = []
        lines += labelled("Why:", finding.explanation, indent: indent)
        lines += labelled("Fix:", finding.remediation, indent: indent)
        if let url = finding.docURL { lines.append(indent + "Docs: " + style.cyan(url)) }
        if !finding.evidence.isEmpty {
            let more = finding.occurrences > finding.evidence.count
                ? " (first \(finding.evidence.count) of \(finding.occurrences))" : ""
            lines.append(indent + "Evidence" + more + ":")
            var previous: Evidence?
            for run in EvidenceRun.runs(EvidenceGroup.grouping(finding.evidence), context: settings.contextLines) {
                let sameCommand = previous.map { $0.origin == .log && run.first.origin == .log
                    && $0.phase == run.first.phase && $0.command == run.first.command } ?? false
                lines += evidenceBlock(run, indent: indent + "  ", header: !sameCommand)
                previous = run.first
                for group in run.groups where !group.repeats.isEmpty {
                    let numbers = group.repeats.map { $0.origin == .log ? String($0.line.number) : $0.placeLabel }
                    let times = group.repeats.count == 1 ? "once more" : "\(group.repeats.count) more times"
                    lines.append(style.dim(trimmedToWidth(indent + "    (line \(group.first.placeLabel) again \(times): "
                        + numbers.joined(separator: ", ") + ")")))
                }
            }
        }
        return lines
    }

    private func labelled(_ label: String, _ text: String, indent: String) -> [String] {
        let body = Formatting.printable(text.trimmingCharacters(in: .whitespacesAndNewlines))
        guard !body.isEmpty else { return [] }
        let wrapped = Formatting.wrap(body, width: settings.width, indent: indent + "     ")
        guard let first = wrapped.first else { return [] }
        let firstText = first.dropFirst(indent.count + 5)
        return [indent + style.bold(label) + " " + firstText] + wrapped.dropFirst()
    }

    /// One run of evidence; a run from the same command as the one before gets a gap mark instead of the
    /// phase and command again.
    private func evidenceBlock(_ run: EvidenceRun, indent: String, header: Bool) -> [String] {
        var lines: [String] = []
        var place: [String] = []
        let evidence = run.first
        if let phase = evidence.phase { place.append(phase) }
        if let command = evidence.command {
            place.append("$ " + Formatting.commandHeadline(command, limit: max(settings.width - indent.count - 20, 20),
                                                           ellipsis: ellipsis))
        }
        if !header {
            lines.append(indent + style.dim(settings.unicode ? "  ⋮" : "  ..."))
        } else if !place.isEmpty {
            lines.append(indent + style.dim(Formatting.printable(place.joined(separator: "  "))))
        }
        guard evidence.origin == .log else {
            return lines + [style.yellow(trimmedToWidth(
                "\(indent)> \(evidence.placeLabel) \(Formatting.printable(evidence.line.text))"))]
        }
        let numberWidth = String(run.lines.last?.number ?? evidence.line.number).count
        for line in run.lines {
            if run.marked.contains(line.number) {
                lines.append(style.yellow(logLine(line, marker: ">", numberWidth: numberWidth, indent: indent)))
            } else {
                lines.append(style.dim(logLine(line, marker: " ", numberWidth: numberWidth, indent: indent)))
            }
        }
        return lines
    }

    private func logLine(_ line: NumberedLine, marker: String, numberWidth: Int, indent: String) -> String {
        let number = String(line.number)
        let padded = String(repeating: " ", count: max(numberWidth - number.count, 0)) + number
        return trimmedToWidth(Formatting.trimTrailingSpaces("\(indent)\(marker) \(padded) | \(Formatting.printable(line.text))"))
    }

    /// A finding's title with its tags on the same line when they fit, else on the next.
    private func titleLines(_ styledTitle: String, plainCount: Int, tags: String, indent: String) -> [String] {
        if plainCount + 2 + tags.count <= settings.width { return [styledTitle + "  " + style.dim(tags)] }
        return [styledTitle, indent + style.dim(tags)]
    }

    private func findingTags(_ finding: Finding) -> String {
        "[\(finding.ruleId), \(finding.severity.rawValue), confidence \(Formatting.percent(finding.confidence))]"
    }

    private func statusWord(_ status: PhaseStatus) -> String {
        status.isFailure ? style.boldRed(status.rawValue)
            : status == .succeeded ? style.green(status.rawValue) : style.yellow(status.rawValue)
    }

    private func plainMark(for status: PhaseStatus) -> String {
        Style(enabled: false).bold(TextRenderer(settings: plainSettings).mark(for: status))
    }

    private var plainSettings: RenderSettings {
        var plain = settings
        plain.color = false
        return plain
    }

    private func mark(for status: PhaseStatus) -> String {
        switch status {
        case .succeeded: return style.green(settings.unicode ? "✔" : "[ok]  ")
        case .inProgress, .unknown: return style.yellow(settings.unicode ? "•" : "[..]  ")
        case .stopped: return style.yellow(settings.unicode ? "■" : "[stop]")
        default: return style.red(settings.unicode ? "✘" : "[FAIL]")
        }
    }

    private func trimmedToWidth(_ text: String) -> String {
        Formatting.trim(text, to: settings.width, marker: ellipsis)
    }
}
