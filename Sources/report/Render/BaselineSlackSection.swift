import Analyze

/// The baseline comparison as one Slack section: counts, the best few new lines, changed commands, slower phases.
enum BaselineSlackSection {
    static let linesShown = 5

    static func text(_ comparison: BaselineComparison?) -> String? {
        guard let comparison else { return nil }
        var text = "*Against the baseline* `\(SlackRenderer.escape(comparison.baseline.label))`: "
            + "\(Formatting.count(comparison.newLineCount, "new line"))"
        let lines = comparison.groups.flatMap { $0.lines.filter(\.new) }.prefix(linesShown)
        if !lines.isEmpty {
            text += "\n```" + lines.map { "\($0.number) | " + SlackRenderer.escape($0.text).replacingOccurrences(of: "```", with: "'''") }
                .joined(separator: "\n") + "```"
        }
        for change in comparison.commands.prefix(3) {
            text += "\n• \(change.phase) \(change.kind.rawValue): `\(SlackRenderer.escape(Formatting.commandHeadline(change.text)))`"
        }
        for slow in comparison.slowerPhases {
            text += "\n• \(slow.phase) took \(Formatting.duration(slow.seconds) ?? "?") "
                + "(baseline \(Formatting.duration(slow.baselineSeconds) ?? "?"))"
        }
        return text
    }
}
