import Foundation

/// The summary as a Slack Block Kit payload, within Slack's limits.
struct SummarySlackRenderer {
    var settings: RenderSettings

    func render(_ summary: Summary) -> String {
        JSONWriter(pretty: true).write(payload(summary))
    }

    func payload(_ summary: Summary) -> JSONValue {
        let headline = SummaryTextRenderer.headline(summary)
        var blocks: [JSONValue] = [SlackRenderer.header(":bar_chart: " + headline)]
        if let start = summary.windowStart, let end = summary.windowEnd {
            blocks.append(SlackRenderer.context(["\(ISOTime.format(start)) to \(ISOTime.format(end))"]))
        }
        if !summary.projects.isEmpty {
            let rows = summary.projects.map { "• *\(SlackRenderer.escape($0.project))*: \($0.failed) of \($0.analysed) failed" }
            blocks.append(SlackRenderer.section("*Projects*\n" + rows.joined(separator: "\n")))
        }
        if !summary.rules.isEmpty {
            let rows = summary.rules.map { group -> String in
                "• `\(group.key)` \(group.count) (\(Formatting.percent(group.share)))"
                    + (group.title == group.key ? "" : ": \(SlackRenderer.escape(group.title))")
            }
            blocks.append(SlackRenderer.section("*Failures by rule*\n" + rows.joined(separator: "\n")))
        }
        if let newKinds = summary.newFailureKinds, !newKinds.isEmpty {
            let rows = newKinds.map { "• `\($0.key)`: \(SlackRenderer.escape($0.title)) (\($0.count))" }
            let heading = summary.windowStart == nil ? "New since the baseline" : "New since the previous window"
            blocks.append(SlackRenderer.section(":new: *\(heading)*\n" + rows.joined(separator: "\n")))
        }
        if let trends = SummaryTrendsRendering.slack(summary.trends) { blocks.append(SlackRenderer.section(trends)) }
        if !summary.phases.isEmpty {
            let rows = summary.phases.prefix(5).map {
                "• \($0.phase): median \(Formatting.duration($0.medianSeconds) ?? "?"), max \(Formatting.duration($0.maxSeconds) ?? "?")"
            }
            blocks.append(SlackRenderer.section("*Slowest phases*\n" + rows.joined(separator: "\n")))
        }
        if !summary.unreadable.isEmpty {
            let rows = summary.unreadable.map { "• `\(SlackRenderer.escape($0.name))`: \(SlackRenderer.escape($0.message))" }
            blocks.append(SlackRenderer.section(":warning: *Unreadable*\n" + rows.joined(separator: "\n")))
        }
        return SlackRenderer.message(fallback: headline, blocks: blocks)
    }
}
