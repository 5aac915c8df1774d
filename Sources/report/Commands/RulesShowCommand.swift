import Analyze
import ArgumentParser

/// `cbtriage rules show ID`: one rule in full, with its examples.
struct RulesShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one rule in full.")

    @Argument(help: "The rule's id, as `rules list` prints it.")
    var id: String

    @Option(name: .shortAndLong, help: "Output format.")
    var format: RuleOutputFormat = .text

    @OptionGroup var ruleFiles: RuleFileOptions


    func run() throws {
        let rules = try CatalogLoader.rules(userRuleFiles: ruleFiles.paths)
        guard let rule = rules.first(where: { $0.id == id }) else { throw InputError.unknownRule(id: id) }
        if format == .json {
            StandardStreams.out(JSONWriter(pretty: true).write(RuleJSON.full(rule)))
            return
        }
        var lines = [
            "\(rule.id): \(rule.title)",
            "  category   \(rule.category.rawValue)",
            "  severity   \(rule.severity.rawValue)" + (rule.isGenericSymptom ? " (generic symptom)" : ""),
            "  literals   " + rule.literals.map { "\"\($0)\"" }.joined(separator: ", "),
        ]
        if let regex = rule.regex { lines.append("  regex      \(regex)" + (rule.caseInsensitive ? " (case-insensitive)" : "")) }
        if let exclude = rule.exclude { lines.append("  exclude    \(exclude)") }
        if let scope = rule.scope {
            if !scope.phases.isEmpty { lines.append("  phases     " + scope.phases.joined(separator: ", ")) }
            if let pattern = scope.commandPattern { lines.append("  command    \(pattern)") }
        }
        lines.append("  docs       \(rule.docURL)")
        lines += ["", "Why:"] + Formatting.wrap(rule.explanation, width: 100, indent: "  ")
        lines += ["", "Fix:"] + Formatting.wrap(rule.remediation, width: 100, indent: "  ")
        for (index, example) in rule.triggering.enumerated() {
            lines += ["", "Fires on (example \(index + 1)):"] + example.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
        }
        for (index, example) in rule.nonTriggering.enumerated() {
            lines += ["", "Does not fire on (example \(index + 1)):"] + example.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
        }
        StandardStreams.out(lines.map(Formatting.printable).joined(separator: "\n") + "\n")
    }
}
