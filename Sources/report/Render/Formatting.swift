import Analyze
import Foundation
import Parse

/// Small text helpers shared by the renderers.
enum Formatting {
    /// `850ms`, `42s`, `3m 12s`, `1h 04m`.
    static func duration(_ seconds: TimeInterval?) -> String? {
        // Past Int's range the conversions below would trap; no build lasts 100,000 years anyway.
        guard let seconds, seconds.isFinite, seconds >= 0, seconds < 3e12 else { return nil }
        if seconds < 1 { return "\(Int((seconds * 1000).rounded()))ms" }
        let whole = Int(seconds.rounded())
        if whole < 60 { return "\(whole)s" }
        if whole < 3600 { return "\(whole / 60)m \(pad2(whole % 60))s" }
        return "\(whole / 3600)h \(pad2((whole / 60) % 60))m"
    }

    /// `1 line`, `2 lines`.
    static func count(_ value: Int, _ noun: String) -> String { value == 1 ? "1 \(noun)" : "\(value) \(noun)s" }

    static func percent(_ confidence: Double) -> String {
        "\(Int((min(max(confidence, 0), 1) * 100).rounded()))%"
    }

    /// Cuts `text` to `limit` characters, marking the cut with `marker`.
    static func trim(_ text: String, to limit: Int, marker: String = "...") -> String {
        guard text.count > limit else { return text }
        let keep = max(limit - marker.count, 0)
        return String(text.prefix(keep)) + marker
    }

    /// Greedy word wrap; words longer than the width stay whole on their own line. Keeps blank lines.
    static func wrap(_ text: String, width: Int, indent: String) -> [String] {
        let available = max(width - indent.count, 20)
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var current = ""
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                if current.isEmpty {
                    current = String(word)
                } else if current.count + 1 + word.count <= available {
                    current += " " + word
                } else {
                    lines.append(indent + current)
                    current = String(word)
                }
            }
            lines.append(current.isEmpty ? "" : indent + current)
        }
        return lines
    }

    static func trimTrailingSpaces(_ text: String) -> String {
        var result = Substring(text)
        while result.last == " " { result = result.dropLast() }
        return String(result)
    }

    /// Items joined by `separator`, starting a new line when the next would pass `width`.
    static func joinWrapped(_ items: [String], separator: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for item in items {
            if current.isEmpty {
                current = item
            } else if current.count + separator.count + item.count <= width {
                current += separator + item
            } else {
                lines.append(current)
                current = item
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// The first line of a (possibly multi-line) command, trimmed.
    static func commandHeadline(_ command: String, limit: Int = 60, ellipsis: String = "...") -> String {
        let first = command.split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init) ?? command
        let cleaned = first.trimmingCharacters(in: .whitespaces)
        let multiLine = command.contains("\n") && !cleaned.isEmpty
        let trimmed = trim(cleaned, to: limit, marker: ellipsis)
        return multiLine && trimmed == cleaned ? cleaned + " " + ellipsis : trimmed
    }

    /// Tabs expanded and control characters (including ANSI escapes that survived redaction) made visible,
    /// so a log line can never restyle the user's terminal.
    static func printable(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09: out += "    "
            case 0x00..<0x20, 0x7F: out += "?"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func pad2(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}

/// Facts every renderer shows about one build, derived once from a `Diagnosis`.
struct BuildHeadline {
    var name: String
    var status: PhaseStatus
    var failingPhase: String?
    var failingCommand: String?
    var duration: TimeInterval?
    var partial: Bool

    init(_ diagnosis: Diagnosis) {
        partial = diagnosis.source.partial
        let build = diagnosis.build
        let metadata = build.metadata
        if let project = metadata.project, let id = metadata.buildId {
            name = id.hasPrefix(project + ":") ? id : "\(project) \(id)"
        } else {
            name = metadata.buildId ?? metadata.project ?? diagnosis.source.name
        }
        status = metadata.status ?? build.status
        failingPhase = build.firstFailingPhase.flatMap { build.phases.indices.contains($0) ? build.phases[$0].name : nil }
        failingCommand = build.firstFailingCommand.flatMap { build.command(at: $0)?.text }
        if let start = metadata.startTime, let end = metadata.endTime {
            duration = end.timeIntervalSince(start)
        } else if let start = build.phases.compactMap(\.startTime).min(),
                  let end = build.phases.compactMap(\.endTime).max() {
            duration = end.timeIntervalSince(start)
        } else {
            duration = nil
        }
    }

    /// What a report says when there is no root cause: a failed build nothing explains, a build stopped by a
    /// person or a batch (not a failure), or a build with no failure.
    var verdictWithoutCause: String {
        if status.isFailure { return "No known failure pattern matched this failed build." }
        if status == .stopped { return "The build was stopped (by a user or a batch build) before it finished: not a failure." }
        return "No failure found."
    }

    /// `FAILED POST_BUILD ecr-auth-expired: ECR login token expired (docker push ...)`
    func quietLine(rootCause: Finding?, ellipsis: String) -> String {
        var parts = [status.rawValue]
        if let failingPhase { parts.append(failingPhase) }
        if let rootCause {
            parts.append("\(rootCause.ruleId): \(rootCause.title)")
        } else {
            parts.append(status.isFailure ? "no known cause" : status == .stopped ? "stopped, not a failure" : "no failure found")
        }
        var line = parts.joined(separator: " ")
        let command = rootCause?.evidence.first?.command ?? failingCommand
        if let command { line += " (\(Formatting.commandHeadline(command, limit: 40, ellipsis: ellipsis)))" }
        if partial { line += " [partial input]" }
        return Formatting.printable(line)
    }
}
