import Analyze
import Foundation
import Parse

/// Slack's Block Kit limits that our payloads can reach (https://api.slack.com/reference/block-kit/blocks).
enum SlackLimits {
    static let blocksPerMessage = 50
    static let sectionText = 3000
    static let headerText = 150
    static let contextElements = 10
    static let sectionFields = 10
    static let fieldText = 2000
    /// The top-level `text` is the notification fallback; Slack truncates very long ones, keep it short.
    static let fallbackText = 3000
}

/// A Slack Block Kit payload `{"text": fallback, "blocks": [...]}` for one build or many.
/// Every text is cut to Slack's limits with a visible note, so Slack never rejects the message.
struct SlackRenderer {
    var settings: RenderSettings

    func render(_ diagnoses: [Diagnosis], unreadable: [UnreadableInput] = []) -> String {
        JSONWriter(pretty: true).write(payload(diagnoses, unreadable: unreadable))
    }

    func payload(_ diagnoses: [Diagnosis], unreadable: [UnreadableInput]) -> JSONValue {
        var blocks: [JSONValue] = []
        for (index, diagnosis) in diagnoses.enumerated() {
            if index > 0 { blocks.append(Self.divider) }
            blocks += buildBlocks(diagnosis)
        }
        if !unreadable.isEmpty {
            let list = unreadable.map { "• `\(Self.escape($0.name))`: \(Self.escape($0.message))" }
            blocks.append(Self.section("*Unreadable inputs*\n" + list.joined(separator: "\n")))
        }
        let fallback = diagnoses.map { BuildHeadline($0).quietLine(rootCause: $0.rootCause, ellipsis: "…") }
            + unreadable.map(\.describedWithName)
        return Self.message(fallback: fallback.joined(separator: "\n"), blocks: blocks)
    }

    /// Wraps blocks into a message, keeping at most Slack's block count (the last slot says what was cut).
    static func message(fallback: String, blocks: [JSONValue]) -> JSONValue {
        var kept = blocks
        if kept.count > SlackLimits.blocksPerMessage {
            let dropped = kept.count - (SlackLimits.blocksPerMessage - 1)
            kept = Array(kept.prefix(SlackLimits.blocksPerMessage - 1))
            kept.append(context(["_\(dropped) more blocks cut to fit Slack's limit; see the full report._"]))
        }
        return .object([
            ("text", .string(Formatting.trim(fallback, to: SlackLimits.fallbackText, marker: "…"))),
            ("blocks", .array(kept)),
        ])
    }

    private func buildBlocks(_ diagnosis: Diagnosis) -> [JSONValue] {
        let headline = BuildHeadline(diagnosis)
        let icon = headline.status.isFailure ? ":x:" : headline.status == .succeeded ? ":white_check_mark:" : ":grey_question:"
        var title = "\(icon) \(headline.name) \(headline.status.rawValue)"
        if let phase = headline.failingPhase { title += " in \(phase)" }
        var blocks: [JSONValue] = [Self.header(title)]

        var facts: [String] = []
        if let duration = Formatting.duration(headline.duration) { facts.append("duration \(duration)") }
        if let version = diagnosis.build.metadata.sourceVersion { facts.append("source `\(Self.escape(version))`") }
        facts.append("input `\(Self.escape(diagnosis.source.name))`")
        if let url = diagnosis.build.metadata.consoleURL { facts.append("<\(url)|CodeBuild console>") }
        blocks.append(Self.context([facts.joined(separator: " · ")]))

        if diagnosis.source.partial {
            var warning = ":warning: *Partial input:* \(Self.escape(diagnosis.source.partialReason ?? "the input ended early"))"
            if let offset = diagnosis.source.damageByteOffset { warning += " at byte \(offset)" }
            blocks.append(Self.section(warning))
        }
        if !diagnosis.build.phases.isEmpty { blocks.append(phases(diagnosis.build)) }
        if let cause = diagnosis.rootCause {
            blocks += findingBlocks(cause, heading: "Root cause")
        } else {
            blocks.append(Self.section(headline.verdictWithoutCause))
        }
        if let baseline = BaselineSlackSection.text(diagnosis.baseline) { blocks.append(Self.section(baseline)) }
        for finding in diagnosis.findings where finding != diagnosis.rootCause {
            blocks.append(Self.section("*Also:* \(Self.escape(finding.title)) (`\(finding.ruleId)`, "
                                       + "\(finding.severity.rawValue)): \(Self.escape(finding.remediation))"))
        }
        return blocks
    }

    private func phases(_ build: BuildModel) -> JSONValue {
        let rows = build.phases.enumerated().map { index, phase -> String in
            let mark = phase.status == .succeeded ? ":white_check_mark:" : phase.status.isFailure ? ":x:" : ":grey_question:"
            var row = "\(mark) \(phase.name) \(phase.status.rawValue)"
            if let duration = Formatting.duration(phase.duration) { row += " (\(duration))" }
            return index == build.firstFailingPhase ? "*\(row)*" : row
        }
        return Self.section(rows.joined(separator: "\n"))
    }

    private func findingBlocks(_ finding: Finding, heading: String) -> [JSONValue] {
        var text = "*\(heading): \(Self.escape(finding.title))*  `\(finding.ruleId)` · \(finding.severity.rawValue) · "
            + "confidence \(Formatting.percent(finding.confidence))\n"
        text += "*Why:* \(Self.escape(finding.explanation))\n*Fix:* \(Self.escape(finding.remediation))"
        if let url = finding.docURL { text += "\n<\(url)|Documentation>" }
        var blocks = [Self.section(text)]
        if !finding.evidence.isEmpty { blocks.append(evidence(finding)) }
        return blocks
    }

    /// The evidence as one code block, cut to the section limit with a note saying how much was left out.
    private func evidence(_ finding: Finding) -> JSONValue {
        var lines: [String] = []
        for evidence in finding.evidence {
            for line in evidence.before.suffix(settings.contextLines) { lines.append("  \(line.number) | \(line.text)") }
            lines.append(evidence.origin == .log ? "> \(evidence.line.number) | \(evidence.line.text)"
                : "> \(evidence.placeLabel) \(evidence.line.text)")
            for line in evidence.after.prefix(settings.contextLines) { lines.append("  \(line.number) | \(line.text)") }
        }
        let budget = SlackLimits.sectionText - 200
        var body = ""
        var shown = 0
        for line in lines.map({ Self.escape(Formatting.printable($0)).replacingOccurrences(of: "```", with: "'''") }) {
            let piece = Formatting.trim(line, to: 300, marker: "…")
            if body.count + piece.count + 1 > budget { break }
            body += (body.isEmpty ? "" : "\n") + piece
            shown += 1
        }
        var text = "*Evidence*\n```\n\(body)\n```"
        if shown < lines.count { text += "\n_\(lines.count - shown) more lines cut to fit Slack; see the full report._" }
        if finding.occurrences > finding.evidence.count {
            text += "\n_\(finding.occurrences) occurrences in all; \(finding.evidence.count) shown._"
        }
        return Self.section(text)
    }

    // MARK: Block Kit constructors (each enforces its own limit)

    static let divider: JSONValue = .object([("type", .string("divider"))])

    static func header(_ text: String) -> JSONValue {
        .object([("type", .string("header")),
                 ("text", plain(Formatting.trim(Formatting.printable(text), to: SlackLimits.headerText, marker: "…")))])
    }

    static func section(_ mrkdwn: String) -> JSONValue {
        .object([("type", .string("section")),
                 ("text", markdown(Formatting.trim(mrkdwn, to: SlackLimits.sectionText, marker: "…")))])
    }

    static func context(_ texts: [String]) -> JSONValue {
        let elements = texts.prefix(SlackLimits.contextElements).map {
            markdown(Formatting.trim($0, to: SlackLimits.sectionText, marker: "…"))
        }
        return .object([("type", .string("context")), ("elements", .array(Array(elements)))])
    }

    static func plain(_ text: String) -> JSONValue {
        .object([("type", .string("plain_text")), ("text", .string(text)), ("emoji", .bool(true))])
    }

    static func markdown(_ text: String) -> JSONValue {
        .object([("type", .string("mrkdwn")), ("text", .string(text))])
    }

    /// Slack's three control characters in mrkdwn; everything else is literal.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;")
            .replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
