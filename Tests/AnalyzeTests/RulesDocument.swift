import Analyze
import Foundation

/// Renders `docs/RULES.md` from the catalog and the checks (test-only: the shipped library does not carry it): one section per category, one entry per rule,
/// with its id, severity, what it matches and its examples. The output is deterministic so a test can
/// tell when the committed file is stale.
enum RulesDocument {
    static let regenerateCommand = "UPDATE_RULES_DOC=1 swift test --filter RulesDocTests"

    /// Every rule a diagnosis can report: the built-in catalog, then the checks.
    static var allBuiltinRules: [Rule] { RuleSet.builtinRules }

    static func markdown(rules: [Rule] = allBuiltinRules) -> String {
        var out = "<!-- Generated from the rule catalog; do not edit. Regenerate: \(regenerateCommand) -->\n"
        out += "# cbtriage rules\n\n"
        out += "\(rules.count) rules in \(Set(rules.map(\.category)).count) categories. Each fires on a log line that "
        out += "contains one of its literals and matches its regex (when it has one), inside its scope. Rules marked "
        out += "*generic* describe a symptom and never outrank a specific cause.\n\n"
        out += "| id | category | severity | title |\n|---|---|---|---|\n"
        for rule in rules.sorted(by: { ($0.category.rawValue, $0.id) < ($1.category.rawValue, $1.id) }) {
            out += "| [`\(rule.id)`](#\(rule.id)) | \(rule.category.rawValue) | \(rule.severity.rawValue) | \(cell(rule.title)) |\n"
        }
        for category in Category.allCases {
            let members = rules.filter { $0.category == category }.sorted { $0.id < $1.id }
            guard !members.isEmpty else { continue }
            out += "\n## \(category.rawValue)\n"
            for rule in members { out += section(rule) }
        }
        return out
    }

    private static func section(_ rule: Rule) -> String {
        var out = "\n### \(rule.id)\n\n**\(rule.title)** — severity \(rule.severity.rawValue)"
        if rule.isGenericSymptom { out += ", *generic symptom*" }
        out += "\n\n"
        out += "- Literals: " + rule.literals.map { "`\(code($0))`" }.joined(separator: ", ")
        if rule.caseInsensitive { out += " (case-insensitive)" }
        out += "\n"
        if let regex = rule.regex { out += "- Regex: `\(code(regex))`\n" }
        if let exclude = rule.exclude { out += "- Not on lines matching: `\(code(exclude))`\n" }
        if let scope = rule.scope {
            if !scope.phases.isEmpty { out += "- Phases: " + scope.phases.joined(separator: ", ") + "\n" }
            if let pattern = scope.commandPattern { out += "- Command matches: `\(code(pattern))`\n" }
        }
        if !rule.docURL.isEmpty { out += "- Docs: <\(rule.docURL)>\n" }
        out += "\n\(rule.explanation)\n\n**Fix:** \(rule.remediation)\n"
        for (index, example) in rule.triggering.enumerated() {
            out += "\nFires on (example \(index + 1), `↓` marks the evidence):\n\n```text\n\(example)\n```\n"
        }
        for (index, example) in rule.nonTriggering.enumerated() {
            out += "\nDoes not fire on (near miss \(index + 1)):\n\n```text\n\(example)\n```\n"
        }
        return out
    }

    private static func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
    private static func code(_ text: String) -> String { text.replacingOccurrences(of: "`", with: "'") }
}
