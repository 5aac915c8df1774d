import Foundation

/// The trends part of a summary (`--windows N`) in each format.
enum SummaryTrendsRendering {
    /// `24h`, `7d`, `90m`: the window length as `--since` spells it when it is whole.
    static func length(_ seconds: TimeInterval) -> String {
        for (unit, size) in [("w", 604_800.0), ("d", 86_400.0), ("h", 3600.0), ("m", 60.0)]
        where seconds >= size && seconds.truncatingRemainder(dividingBy: size) == 0 {
            return "\(Int(seconds / size))\(unit)"
        }
        return Formatting.duration(seconds) ?? "\(seconds)s"
    }

    static func heading(_ trends: SummaryTrends) -> String {
        let size = trends.windows.first.map { length($0.length) } ?? "?"
        let end = trends.windows.last.map { ", the last ending \(ISOTime.format($0.end))" } ?? ""
        return "Trends (\(trends.windows.count) windows of \(size), oldest first\(end))"
    }

    static func text(_ trends: SummaryTrends?, style: Style, width: Int) -> [String] {
        guard let trends else { return [] }
        var lines = [style.bold(heading(trends))]
        if trends.categories.isEmpty {
            lines.append("  no failed build in these windows")
        } else {
            let nameWidth = trends.categories.map(\.category.count).max() ?? 0
            for trend in trends.categories {
                let counts = trend.counts.map { String($0).leftPadded(to: 3) }.joined()
                let line = "  " + trend.category.padding(toLength: nameWidth, withPad: " ", startingAt: 0) + " " + counts
                    + (trend.rising ? "  rising" : "")
                lines.append(Formatting.trim(Formatting.printable(trend.rising ? style.yellow(line) : line), to: width))
            }
        }
        if !trends.kinds.isEmpty {
            lines.append("")
            lines.append(style.bold("Failure kinds, first seen (newest first)"))
            let nameWidth = trends.kinds.map(\.ruleId.count).max() ?? 0
            for kind in trends.kinds {
                let line = "  " + kind.ruleId.padding(toLength: nameWidth, withPad: " ", startingAt: 0)
                    + "  \(ISOTime.format(kind.firstSeen))  window \(kind.firstWindow + 1) of \(trends.windows.count)  "
                    + "(\(kind.count))"
                lines.append(Formatting.trim(Formatting.printable(line), to: width))
            }
        }
        return lines + [""]
    }

    static func json(_ trends: SummaryTrends) -> JSONValue {
        .object([
            ("windows", .array(trends.windows.map {
                .object([("start", .string(ISOTime.format($0.start))), ("end", .string(ISOTime.format($0.end)))])
            })),
            ("categories", .array(trends.categories.map {
                .object([("category", .string($0.category)), ("counts", .array($0.counts.map { .int(Int64($0)) })),
                         ("rising", .bool($0.rising))])
            })),
            ("failureKinds", .array(trends.kinds.map {
                .object([("ruleId", .string($0.ruleId)), ("title", .string($0.title)),
                         ("firstSeen", .string(ISOTime.format($0.firstSeen))), ("firstWindow", .int(Int64($0.firstWindow))),
                         ("count", .int(Int64($0.count)))])
            })),
        ])
    }

    static func markdown(_ trends: SummaryTrends?) -> [String] {
        guard let trends else { return [] }
        var out = ["#### " + heading(trends), ""]
        if trends.categories.isEmpty {
            out += ["No failed build in these windows.", ""]
        } else {
            out.append("| category | " + (1...trends.windows.count).map { "w\($0)" }.joined(separator: " | ") + " | trend |")
            out.append("|---|" + String(repeating: "---:|", count: trends.windows.count) + "---|")
            for trend in trends.categories {
                out.append("| \(MarkdownRenderer.cell(trend.category)) | "
                           + trend.counts.map(String.init).joined(separator: " | ") + " | \(trend.rising ? "rising" : "") |")
            }
            out.append("")
        }
        if !trends.kinds.isEmpty {
            out += ["Failure kinds, first seen:", ""]
            out += trends.kinds.map { "- `\(MarkdownRenderer.code($0.ruleId))`: \(ISOTime.format($0.firstSeen)) (\($0.count))" }
            out.append("")
        }
        return out
    }

    static func slack(_ trends: SummaryTrends?) -> String? {
        guard let trends else { return nil }
        let rising = trends.categories.filter(\.rising)
        var text = "*\(SlackRenderer.escape(heading(trends)))*\n"
        text += rising.isEmpty ? "No category is rising."
            : rising.map { "• *\(SlackRenderer.escape($0.category))* rising: \($0.counts.map(String.init).joined(separator: " → "))" }
                .joined(separator: "\n")
        return text
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
