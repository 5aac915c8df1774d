import Analyze
import Foundation
import Parse

/// A report for a PR comment, a ticket, Teams or Mattermost: a summary line, a phases table, the root
/// cause with its fix, and the evidence folded into `<details>` as fenced code (already redacted).
struct MarkdownRenderer {
    var settings: RenderSettings

    func render(_ diagnosis: Diagnosis) -> String {
        let headline = BuildHeadline(diagnosis)
        var out: [String] = [summaryLine(diagnosis, headline: headline), ""]
        if diagnosis.source.partial {
            var warning = "> **Warning:** partial input: \(Self.inline(diagnosis.source.partialReason ?? "the input ended early"))"
            if let offset = diagnosis.source.damageByteOffset { warning += " at byte \(offset)" }
            out += [warning + "; this report covers only what was read.", ""]
        }
        out += facts(diagnosis)
        out += phasesTable(diagnosis.build)
        if let cause = diagnosis.rootCause {
            out += ["#### Root cause: \(Self.inline(cause.title))", ""]
            out += findingBody(cause)
        } else {
            out += [headline.verdictWithoutCause, ""]
        }
        let others = diagnosis.findings.filter { $0 != diagnosis.rootCause }
        if !others.isEmpty {
            out += ["#### Other findings", ""]
            for finding in others {
                out.append("- **\(Self.inline(finding.title))** (`\(finding.ruleId)`, \(finding.severity.rawValue), "
                           + "confidence \(Formatting.percent(finding.confidence))): \(Self.inline(finding.remediation))")
            }
            out.append("")
            for finding in others where !finding.evidence.isEmpty {
                out += evidenceDetails(finding, summary: "Evidence for \(finding.ruleId)")
            }
        }
        while out.last == "" { out.removeLast() }
        return out.joined(separator: "\n") + "\n"
    }

    private func summaryLine(_ diagnosis: Diagnosis, headline: BuildHeadline) -> String {
        let icon = headline.status.isFailure ? ":x:" : headline.status == .succeeded ? ":white_check_mark:" : ":grey_question:"
        var line = "### \(icon) `\(Self.code(headline.name))` \(headline.status.rawValue)"
        if let phase = headline.failingPhase { line += " in \(phase)" }
        if let cause = diagnosis.rootCause { line += ": \(Self.inline(cause.title))" }
        return line
    }

    private func facts(_ diagnosis: Diagnosis) -> [String] {
        let metadata = diagnosis.build.metadata
        var items: [String] = []
        if let duration = Formatting.duration(BuildHeadline(diagnosis).duration) { items.append("duration \(duration)") }
        if let version = metadata.sourceVersion { items.append("source `\(Self.code(version))`") }
        if let start = metadata.startTime { items.append("started \(ISOTime.format(start))") }
        items.append("input `\(Self.code(diagnosis.source.name))`, \(Formatting.count(diagnosis.source.linesRead, "line"))")
        var lines = [items.joined(separator: " · ")]
        if let url = metadata.consoleURL { lines.append("[Open in the CodeBuild console](\(url))") }
        return lines + [""]
    }

    private func phasesTable(_ build: BuildModel) -> [String] {
        guard !build.phases.isEmpty else { return [] }
        var rows = ["| Phase | Status | Duration |", "|---|---|---|"]
        for (index, phase) in build.phases.enumerated() {
            let failing = index == build.firstFailingPhase
            let name = failing ? "**\(phase.name)**" : phase.name
            var status = failing ? "**\(phase.status.rawValue)**" : phase.status.rawValue
            if failing, let code = phase.contextCode { status += " (\(Self.cell(code)))" }
            rows.append("| \(name) | \(status) | \(Formatting.duration(phase.duration) ?? "") |")
        }
        return rows + [""]
    }

    private func findingBody(_ finding: Finding) -> [String] {
        var out = ["`\(finding.ruleId)` · \(finding.category.rawValue) · \(finding.severity.rawValue) · "
                   + "confidence \(Formatting.percent(finding.confidence))", ""]
        out += ["**Why:** \(Self.inline(finding.explanation))", ""]
        out += ["**Fix:** \(Self.inline(finding.remediation))", ""]
        if let url = finding.docURL { out += ["[Documentation](\(url))", ""] }
        if !finding.evidence.isEmpty { out += evidenceDetails(finding, summary: "Evidence") }
        return out
    }

    private func evidenceDetails(_ finding: Finding, summary: String) -> [String] {
        var body: [String] = []
        for (index, evidence) in finding.evidence.enumerated() {
            if index > 0 { body.append("...") }
            var place: [String] = []
            if let phase = evidence.phase { place.append(phase) }
            if let command = evidence.command { place.append("$ " + Formatting.commandHeadline(command, limit: 80)) }
            if !place.isEmpty { body.append("# " + place.joined(separator: "  ")) }
            let context = settings.contextLines
            for line in evidence.before.suffix(context) { body.append("  \(line.number) | \(line.text)") }
            body.append(evidence.origin == .log ? "> \(evidence.line.number) | \(evidence.line.text)"
                : "> \(evidence.placeLabel) \(evidence.line.text)")
            for line in evidence.after.prefix(context) { body.append("  \(line.number) | \(line.text)") }
        }
        let more = finding.occurrences > finding.evidence.count
            ? " (first \(finding.evidence.count) of \(finding.occurrences))" : ""
        let text = body.map(Formatting.printable).joined(separator: "\n")
        let fence = Self.fence(for: text)
        return ["<details><summary>\(summary)\(more)</summary>", "", fence + "text", text, fence, "", "</details>", ""]
    }

    /// A backtick fence longer than any run of backticks in the content, so a log cannot close it.
    static func fence(for text: String) -> String {
        var longest = 0, run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        return String(repeating: "`", count: max(3, longest + 1))
    }

    /// Prose on one line, with characters that would start HTML or break out of a table escaped.
    static func inline(_ text: String) -> String {
        Formatting.printable(text.replacingOccurrences(of: "\n", with: " "))
            .replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    static func cell(_ text: String) -> String { inline(text).replacingOccurrences(of: "|", with: "\\|") }

    /// Inside single backticks a backtick cannot be escaped; replace it.
    static func code(_ text: String) -> String { Formatting.printable(text).replacingOccurrences(of: "`", with: "'") }
}
