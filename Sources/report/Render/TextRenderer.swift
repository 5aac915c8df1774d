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

    func render(_ diagnosis: Diagnosis) -> String {
        var lines: [String] = []
        let headline = BuildHeadline(diagnosis)
        lines += header(diagnosis, headline: headline)
        lines += partialWarning(diagnosis.source)
        lines += skippedWarning(diagnosis.skipped)
        lines += timeline(diagnosis.build)
        lines += rootCause(diagnosis, headline: headline)
        lines += BaselineTextSection(settings: settings)
            .render(diagnosis.baseline, shownAbove: diagnosis.rootCause?.ruleId == "unclassified")
        lines += otherFindings(diagnosis)
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

    private func rootCause(_ diagnosis: Diagnosis, headline: BuildHeadline) -> [String] {
        guard let cause = diagnosis.rootCause else {
            return [style.bold(headline.verdictWithoutCause)]
        }
        let arrow = settings.unicode ? "▶ " : "> "
        var lines = titleLines(style.boldRed(arrow + "Root cause: " + Formatting.printable(cause.title)),
                               plainCount: arrow.count + 12 + cause.title.count, tags: findingTags(cause), indent: "  ")
        lines += findingBody(cause, indent: "  ")
        return lines
    }

    private func otherFindings(_ diagnosis: Diagnosis) -> [String] {
        let others = diagnosis.findings.filter { $0 != diagnosis.rootCause }
        guard !others.isEmpty else { return [] }
        var lines = ["", style.bold("Other findings (\(others.count))")]
        for (index, finding) in others.enumerated() {
            let number = "  \(index + 1). "
            lines += titleLines(number + style.bold(Formatting.printable(finding.title)),
                                plainCount: number.count + finding.title.count, tags: findingTags(finding), indent: "     ")
            lines += findingBody(finding, indent: "     ")
        }
        return lines
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
            for evidence in finding.evidence { lines += evidenceBlock(evidence, indent: indent + "  ") }
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

    private func evidenceBlock(_ evidence: Evidence, indent: String) -> [String] {
        var lines: [String] = []
        var place: [String] = []
        if let phase = evidence.phase { place.append(phase) }
        if let command = evidence.command {
            place.append("$ " + Formatting.commandHeadline(command, limit: max(settings.width - indent.count - 20, 20),
                                                           ellipsis: ellipsis))
        }
        if !place.isEmpty { lines.append(indent + style.dim(Formatting.printable(place.joined(separator: "  ")))) }
        let context = settings.contextLines
        let before = evidence.before.suffix(context)
        let after = evidence.after.prefix(context)
        let numberWidth = String((after.last ?? evidence.line).number).count
        for line in before { lines.append(style.dim(logLine(line, marker: " ", numberWidth: numberWidth, indent: indent))) }
        if evidence.origin == .log {
            lines.append(style.yellow(logLine(evidence.line, marker: ">", numberWidth: numberWidth, indent: indent)))
        } else {
            lines.append(style.yellow(trimmedToWidth(
                "\(indent)> \(evidence.placeLabel) \(Formatting.printable(evidence.line.text))")))
        }
        for line in after { lines.append(style.dim(logLine(line, marker: " ", numberWidth: numberWidth, indent: indent))) }
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
