import Analyze

/// The "Against the baseline" part of the Markdown report: counts, the new lines as a `diff` block in
/// `<details>`, the changed commands and the slower phases.
extension MarkdownRenderer {
    func baselineSection(_ comparison: BaselineComparison?, withLines: Bool) -> [String] {
        guard let comparison else { return [] }
        let reference = comparison.baseline
        var out = ["#### Against the baseline `\(Self.code(reference.label))` (\(reference.status.rawValue))", ""]
        out += [comparison.newLineCount == 0 ? "No line of this build is new."
                : "\(Formatting.count(comparison.newLineCount, "new line")) in "
                  + "\(Formatting.count(comparison.groupCount, "group")); the failing command's output first.", ""]
        if withLines, !comparison.groups.isEmpty {
            var body: [String] = []
            for (index, group) in comparison.groups.prefix(BaselineTextSection.groupsShown).enumerated() {
                if index > 0 { body.append("") }
                var place = "# \(group.region.rawValue)"
                if let phase = group.phase { place += "  \(phase)" }
                if let command = group.command { place += "  $ " + Formatting.commandHeadline(command, limit: 80) }
                body.append(place)
                for line in group.lines.prefix(BaselineTextSection.linesShownPerGroup) {
                    body.append("\(line.new ? "+" : " ") \(line.number) | \(line.text)")
                }
            }
            let text = body.map { Self.capped(Formatting.printable($0)) }.joined(separator: "\n")
            let fence = Self.fence(for: text)
            out += ["<details><summary>New lines</summary>", "", fence + "diff", text, fence, "", "</details>", ""]
        }
        if !comparison.commands.isEmpty {
            out += ["Commands new or changed since the baseline:", ""]
            for change in comparison.commands {
                var line = "- \(change.phase) \(change.kind.rawValue): `\(Self.code(Formatting.commandHeadline(change.text, limit: 80)))`"
                if let was = change.baselineText { line += " (was `\(Self.code(Formatting.commandHeadline(was, limit: 80)))`)" }
                if change.failing { line += " — the failing command" }
                out.append(line)
            }
            out.append("")
        }
        if !comparison.slowerPhases.isEmpty {
            out += ["Phases at least 5x slower than in the baseline:", ""]
            for slow in comparison.slowerPhases {
                out.append("- \(slow.phase): \(Formatting.duration(slow.seconds) ?? "?") "
                           + "(baseline \(Formatting.duration(slow.baselineSeconds) ?? "?"))")
            }
            out.append("")
        }
        out += ["_\(BaselineTextSection.costLine(reference))_", ""]
        return out
    }
}
