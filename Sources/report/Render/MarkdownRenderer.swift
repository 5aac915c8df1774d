import Analyze
import Foundation
import Parse

/// A report for a PR comment, a ticket, Teams or Mattermost: a summary line, a phases table, the root
/// cause with its fix, and the evidence folded into `<details>` as fenced code (already redacted).
struct MarkdownRenderer {
    var settings: RenderSettings

    /// GitHub refuses a comment (issue, pull request) longer than this many characters.
    static let maxCharacters = 65_536
    /// An evidence line longer than this is cut, with a marker.
    static let maxLineCharacters = 1_000

    /// What a report leaves out when it would not fit `maxCharacters`: first the other findings' evidence, then all
    /// evidence, then the other findings past the first few. Nothing is cut inside a fence or `<details>`.
    enum Detail: CaseIterable {
        case full, rootCauseEvidenceOnly, noEvidence, fewOtherFindings
    }

    func render(_ diagnosis: Diagnosis) -> String {
        for detail in Detail.allCases {
            let text = render(diagnosis, detail: detail)
            if text.count <= Self.maxCharacters { return text }
        }
        // Even the shortest form is too long (a huge title or fix): cut at a line, outside any block.
        let shortest = render(diagnosis, detail: .fewOtherFindings)
        let marker = "\n\n_(report cut at GitHub's 65,536-character limit)_\n"
        var kept = String(shortest.prefix(Self.maxCharacters - marker.count))
        if let lastBreak = kept.lastIndex(of: "\n") { kept = String(kept[..<lastBreak]) }
        return kept + marker
    }

    private func render(_ diagnosis: Diagnosis, detail: Detail) -> String {
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
            out += findingBody(cause, evidence: detail == .full || detail == .rootCauseEvidenceOnly)
        } else {
            out += [headline.verdictWithoutCause, ""]
        }
        out += baselineSection(diagnosis.baseline, withLines: detail == .full || detail == .rootCauseEvidenceOnly)
        let allOthers = diagnosis.findings.filter { $0 != diagnosis.rootCause }
        let others = detail == .fewOtherFindings ? Array(allOthers.prefix(5)) : allOthers
        if !others.isEmpty {
            out += ["#### Other findings", ""]
            for finding in others {
                out.append("- **\(Self.inline(finding.title))** (`\(finding.ruleId)`, \(finding.severity.rawValue), "
                           + "confidence \(Formatting.percent(finding.confidence))): \(Self.inline(finding.remediation))")
            }
            if others.count < allOthers.count {
                out.append("- _\(allOthers.count - others.count) more not shown: the comment would pass GitHub's 65,536-character limit_")
            }
            out.append("")
            for finding in others where !finding.evidence.isEmpty && detail == .full {
                out += evidenceDetails(finding, summary: "Evidence for \(finding.ruleId)")
            }
        }
        let leftOut = detail == .rootCauseEvidenceOnly ? allOthers : diagnosis.findings
        if detail != .full && leftOut.contains(where: { !$0.evidence.isEmpty }) {
            out += ["_Evidence \(detail == .rootCauseEvidenceOnly ? "of the other findings " : "")left out to stay within "
                    + "GitHub's 65,536-character limit; `--format text` or `json` shows it all._", ""]
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

    private func findingBody(_ finding: Finding, evidence: Bool) -> [String] {
        var out = ["`\(finding.ruleId)` · \(finding.category.rawValue) · \(finding.severity.rawValue) · "
                   + "confidence \(Formatting.percent(finding.confidence))", ""]
        out += ["**Why:** \(Self.inline(finding.explanation))", ""]
        out += ["**Fix:** \(Self.inline(finding.remediation))", ""]
        if let url = finding.docURL { out += ["[Documentation](\(url))", ""] }
        if evidence && !finding.evidence.isEmpty { out += evidenceDetails(finding, summary: "Evidence") }
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
        let text = body.map { Self.capped(Formatting.printable($0)) }.joined(separator: "\n")
        let fence = Self.fence(for: text)
        return ["<details><summary>\(summary)\(more)</summary>", "", fence + "text", text, fence, "", "</details>", ""]
    }

    /// An evidence line cut to `maxLineCharacters`, saying so.
    static func capped(_ line: String) -> String {
        guard line.count > maxLineCharacters else { return line }
        return String(line.prefix(maxLineCharacters)) + " … [\(line.count - maxLineCharacters) more characters cut]"
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

    /// Prose on one line, with characters that would start HTML or break out of a table escaped — outside code
    /// spans only: inside backticks nothing is interpreted, so `&lt;` there would show as `&lt;` on GitHub.
    static func inline(_ text: String) -> String {
        let flat = Formatting.printable(text.replacingOccurrences(of: "\n", with: " "))
        var out = ""
        for piece in CodeSpans.split(flat) {
            if piece.isCode {
                out += piece.text
            } else {
                out += piece.text.replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            }
        }
        return out
    }

    static func cell(_ text: String) -> String { inline(text).replacingOccurrences(of: "|", with: "\\|") }

    /// Inside single backticks a backtick cannot be escaped; replace it.
    static func code(_ text: String) -> String { Formatting.printable(text).replacingOccurrences(of: "`", with: "'") }
}
