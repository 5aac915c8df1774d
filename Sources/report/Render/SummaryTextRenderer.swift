import Foundation

/// The nightly summary as terminal text.
struct SummaryTextRenderer {
    var settings: RenderSettings
    private var style: Style { Style(enabled: settings.color) }

    func render(_ summary: Summary) -> String {
        var lines: [String] = [style.bold(Self.headline(summary))]
        if let start = summary.windowStart, let end = summary.windowEnd {
            lines.append(style.dim("window \(ISOTime.format(start)) to \(ISOTime.format(end))"))
        }
        lines.append("")
        if !summary.projects.isEmpty {
            lines.append(style.bold("Projects"))
            lines += table(summary.projects.map { [$0.project, "\($0.failed) failed", "of \($0.analysed)"] })
            lines.append("")
        }
        lines += groups("Failures by category", summary.categories)
        lines += groups("Failures by rule", summary.rules)
        if let newKinds = summary.newFailureKinds {
            lines.append(style.bold(summary.windowStart == nil ? "New since the baseline" : "New since the previous window"))
            lines += newKinds.isEmpty ? ["  none"] : newKinds.map { "  " + style.yellow("\($0.key)") + ": \($0.title) (\($0.count))" }
            lines.append("")
        }
        lines += SummaryTrendsRendering.text(summary.trends, style: style, width: settings.width)
        if !summary.phases.isEmpty {
            lines.append(style.bold("Slowest phases (median / max)"))
            lines += table(summary.phases.map {
                [$0.phase, Formatting.duration($0.medianSeconds) ?? "", Formatting.duration($0.maxSeconds) ?? "", "\($0.builds) builds"]
            })
            lines.append("")
        }
        if !summary.partialInputs.isEmpty {
            lines.append(style.bold("Read only in part"))
            lines += summary.partialInputs.map { "  " + Formatting.printable($0) }
            lines.append("")
        }
        if !summary.unreadable.isEmpty {
            lines.append(style.boldRed("Unreadable (\(summary.unreadable.count))"))
            lines += summary.unreadable.map { "  " + Formatting.trim(Formatting.printable($0.describedWithName), to: settings.width - 2) }
            lines.append("")
        }
        while lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }

    static func headline(_ summary: Summary) -> String {
        var line = "\(summary.buildsFailed) of \(summary.buildsAnalysed) builds failed"
        if !summary.unreadable.isEmpty { line += "; \(summary.unreadable.count) could not be read" }
        return line
    }

    private func groups(_ title: String, _ groups: [FailureGroup]) -> [String] {
        guard !groups.isEmpty else { return [] }
        var lines = [style.bold(title)]
        let rows = groups.map { group -> [String] in
            var seen = ""
            if let first = group.firstSeen, let last = group.lastSeen {
                seen = first == last ? ISOTime.format(first) : "\(ISOTime.format(first)) .. \(ISOTime.format(last))"
            }
            return [group.key, "\(group.count)", Formatting.percent(group.share), seen]
        }
        lines += table(rows)
        if groups.contains(where: { !$0.examples.isEmpty }) { lines.append("  " + style.dim("Examples")) }
        for group in groups where !group.examples.isEmpty {
            let examples = group.examples.joined(separator: ", ")
            lines.append(style.dim(Formatting.trim(Formatting.printable("    \(group.key): \(examples)"), to: settings.width)))
        }
        return lines + [""]
    }

    /// Left-aligned columns, two spaces apart, indented by two.
    private func table(_ rows: [[String]]) -> [String] {
        let columns = rows.map(\.count).max() ?? 0
        let widths = (0..<columns).map { column in rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        return rows.map { row in
            let cells = row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }
            let line = Formatting.trimTrailingSpaces("  " + cells.joined(separator: "  "))
            return Formatting.trim(Formatting.printable(line), to: settings.width)
        }
    }
}
