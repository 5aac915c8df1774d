import Foundation

/// The summary as Markdown tables, for a ticket or a team channel.
struct SummaryMarkdownRenderer {
    var settings: RenderSettings

    func render(_ summary: Summary) -> String {
        var out = ["### cbtriage summary: \(SummaryTextRenderer.headline(summary))", ""]
        if let start = summary.windowStart, let end = summary.windowEnd {
            out += ["Window: \(ISOTime.format(start)) to \(ISOTime.format(end))", ""]
        }
        if !summary.projects.isEmpty {
            out += ["| Project | Failed | Analysed |", "|---|---:|---:|"]
            out += summary.projects.map { "| \(MarkdownRenderer.cell($0.project)) | \($0.failed) | \($0.analysed) |" }
            out.append("")
        }
        out += groups("Failures by category", summary.categories)
        out += groups("Failures by rule", summary.rules)
        if let newKinds = summary.newFailureKinds {
            out += [summary.windowStart == nil ? "#### New since the baseline" : "#### New since the previous window", ""]
            out += newKinds.isEmpty ? ["None."] : newKinds.map { "- `\($0.key)`: \(MarkdownRenderer.inline($0.title)) (\($0.count))" }
            out.append("")
        }
        out += SummaryTrendsRendering.markdown(summary.trends)
        if !summary.phases.isEmpty {
            out += ["#### Slowest phases", "", "| Phase | Median | Max | Builds |", "|---|---:|---:|---:|"]
            out += summary.phases.map {
                "| \($0.phase) | \(Formatting.duration($0.medianSeconds) ?? "") | \(Formatting.duration($0.maxSeconds) ?? "") | \($0.builds) |"
            }
            out.append("")
        }
        if !summary.partialInputs.isEmpty {
            out += ["#### Read only in part", ""] + summary.partialInputs.map { "- `\(MarkdownRenderer.code($0))`" } + [""]
        }
        if !summary.unreadable.isEmpty {
            out += ["#### Unreadable", ""]
            out += summary.unreadable.map { "- `\(MarkdownRenderer.code($0.name))`: \(MarkdownRenderer.inline($0.message))" }
            out.append("")
        }
        while out.last == "" { out.removeLast() }
        return out.joined(separator: "\n") + "\n"
    }

    private func groups(_ title: String, _ groups: [FailureGroup]) -> [String] {
        guard !groups.isEmpty else { return [] }
        var out = ["#### \(title)", "", "| Cause | Builds | Share | First seen | Last seen | Examples |", "|---|---:|---:|---|---|---|"]
        for group in groups {
            let examples = group.examples.map { "`\(MarkdownRenderer.code($0).replacingOccurrences(of: "|", with: "\\|"))`" }
            out.append("| `\(group.key)` \(MarkdownRenderer.cell(group.title == group.key ? "" : group.title)) | \(group.count) | "
                       + "\(Formatting.percent(group.share)) | \(group.firstSeen.map(ISOTime.format) ?? "") | "
                       + "\(group.lastSeen.map(ISOTime.format) ?? "") | \(examples.joined(separator: ", ")) |")
        }
        return out + [""]
    }
}
