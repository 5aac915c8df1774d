import Analyze
import Foundation

/// The "Against the baseline" part of the text report: the new lines (best groups first), the commands new or
/// changed since the baseline, the phases that took much longer, and what the baseline cost.
struct BaselineTextSection {
    /// Groups shown in text; JSON has all the comparison kept.
    static let groupsShown = 5
    static let linesShownPerGroup = 12

    var settings: RenderSettings
    private var style: Style { Style(enabled: settings.color) }
    private var ellipsis: String { settings.unicode ? "…" : "..." }

    /// `shownAbove`: the new lines are already the root cause's evidence (an unclassified failure), so the section
    /// only counts them.
    func render(_ comparison: BaselineComparison?, shownAbove: Bool = false) -> [String] {
        guard let comparison else { return [] }
        let reference = comparison.baseline
        var lines = [style.bold("Against the baseline ") + Formatting.printable(reference.label)
                     + style.dim(" (\(reference.status.rawValue), \(Formatting.count(reference.linesRead, "line")))")]
        let groups = comparison.groupCount == 1 ? "1 group" : "\(comparison.groupCount) groups"
        if comparison.newLineCount == 0 {
            lines.append("  No line of this build is new.")
        } else if shownAbove {
            lines.append("  \(Formatting.count(comparison.newLineCount, "new line")) in \(groups), "
                         + "shown above as the root cause's evidence.")
        } else {
            lines.append("  \(Formatting.count(comparison.newLineCount, "new line")) in \(groups)"
                         + (comparison.groups.count > Self.groupsShown ? "; the first \(Self.groupsShown) by rank:" : ":"))
        }
        if !shownAbove { for group in comparison.groups.prefix(Self.groupsShown) { lines += groupLines(group) } }
        if !comparison.commands.isEmpty {
            lines.append("  " + style.bold("Commands new or changed since the baseline"))
            for change in comparison.commands {
                var line = "    \(change.phase)  \(change.kind.rawValue)  $ " + headline(change.text)
                if let was = change.baselineText { line += "  (was: \(headline(was)))" }
                if change.failing { line += "  <- failed" }
                lines.append(trimmed(Formatting.printable(line)))
            }
        }
        if !comparison.slowerPhases.isEmpty {
            lines.append("  " + style.bold("Phases at least 5x slower than in the baseline"))
            for slow in comparison.slowerPhases {
                lines.append("    \(slow.phase)  \(Formatting.duration(slow.seconds) ?? "?") "
                             + "(baseline \(Formatting.duration(slow.baselineSeconds) ?? "?"), "
                             + String(format: "%.1fx", slow.ratio) + ")")
            }
        }
        lines.append(style.dim("  " + Self.costLine(reference)))
        return lines + [""]
    }

    static func costLine(_ reference: BaselineReference) -> String {
        if reference.fromCache {
            return "Baseline from the local cache: no log fetched"
                + (reference.apiCalls > 0 ? " (\(Formatting.count(reference.apiCalls, "API call")) to choose it)." : ".")
        }
        if reference.selection == "file" { return "Baseline read from a file: no API call." }
        return "Baseline cost \(Formatting.count(reference.apiCalls, "more API call")) and "
            + "\(ByteCount.format(reference.bytesFetched)) fetched (now cached)."
    }

    private func groupLines(_ group: NewLineGroup) -> [String] {
        var place = "  "
        switch group.region {
        case .failingCommand: place += "failing command"
        case .failingPhase: place += "failing phase"
        case .elsewhere: place += "elsewhere"
        }
        if let phase = group.phase { place += "  \(phase)" }
        if let command = group.command { place += "  $ " + headline(command) }
        var lines = [style.dim(trimmed(Formatting.printable(place)))]
        let shown = group.lines.prefix(Self.linesShownPerGroup)
        let numberWidth = String(shown.last?.number ?? 0).count
        for line in shown {
            let number = String(line.number)
            let padded = String(repeating: " ", count: max(numberWidth - number.count, 0)) + number
            let text = trimmed(Formatting.trimTrailingSpaces("    \(line.new ? "+" : " ") \(padded) | \(Formatting.printable(line.text))"))
            lines.append(line.new ? style.yellow(text) : style.dim(text))
        }
        let hidden = group.newLines - shown.filter(\.new).count
        if hidden > 0 { lines.append(style.dim("    \(ellipsis) \(Formatting.count(hidden, "more new line"))")) }
        return lines
    }

    private func headline(_ command: String) -> String {
        Formatting.commandHeadline(command, limit: max(settings.width / 2, 20), ellipsis: ellipsis)
    }

    private func trimmed(_ text: String) -> String { Formatting.trim(text, to: settings.width, marker: ellipsis) }
}

/// Byte counts for people: 812 B, 12.3 kB, 4.1 MB (powers of 1000, as `ls -h --si`).
enum ByteCount {
    static func format(_ bytes: Int64) -> String {
        if bytes < 1000 { return "\(bytes) B" }
        let units = ["kB", "MB", "GB", "TB"]
        var value = Double(bytes) / 1000
        var unit = 0
        while value >= 1000, unit < units.count - 1 {
            value /= 1000
            unit += 1
        }
        return String(format: "%.1f", value) + " " + units[unit]
    }
}
