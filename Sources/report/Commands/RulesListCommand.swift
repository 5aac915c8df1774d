import Analyze
import ArgumentParser

/// `cbtriage rules list [--format text|json] [--rules FILE]`
struct RulesListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the rules in use (built-in, plus any --rules files)."
    )

    @Option(name: .shortAndLong, help: "Output format.")
    var format: RuleOutputFormat = .text

    @OptionGroup var ruleFiles: RuleFileOptions


    func run() throws {
        let rules = try CatalogLoader.rules(userRuleFiles: ruleFiles.paths).sorted { $0.id < $1.id }
        if format == .json {
            StandardStreams.out(JSONWriter(pretty: true).write(.object([
                ("schemaVersion", .int(JSONRenderer.schemaVersion)),
                ("rules", .array(rules.map(RuleJSON.summary))),
            ])))
            return
        }
        guard !rules.isEmpty else {
            StandardStreams.out("No rules.\n")
            return
        }
        let idWidth = rules.map(\.id.count).max() ?? 0
        let categoryWidth = rules.map(\.category.rawValue.count).max() ?? 0
        for rule in rules {
            let id = rule.id.padding(toLength: idWidth, withPad: " ", startingAt: 0)
            let category = rule.category.rawValue.padding(toLength: categoryWidth, withPad: " ", startingAt: 0)
            let severity = rule.severity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)
            StandardStreams.out("\(id)  \(category)  \(severity)  \(rule.title)\n")
        }
        StandardStreams.out("\(rules.count) rules\n")
    }
}

/// Rules as JSON, for `rules list --format json` and `rules show --format json`.
enum RuleJSON {
    static func summary(_ rule: Rule) -> JSONValue {
        .object([
            ("id", .string(rule.id)),
            ("category", .string(rule.category.rawValue)),
            ("severity", .string(rule.severity.rawValue)),
            ("title", .string(rule.title)),
            ("docUrl", .string(rule.docURL)),
        ])
    }

    static func full(_ rule: Rule) -> JSONValue {
        .object([
            ("id", .string(rule.id)),
            ("category", .string(rule.category.rawValue)),
            ("severity", .string(rule.severity.rawValue)),
            ("title", .string(rule.title)),
            ("literals", .array(rule.literals.map(JSONValue.string))),
            ("regex", .optional(rule.regex)),
            ("exclude", .optional(rule.exclude)),
            ("caseInsensitive", .bool(rule.caseInsensitive)),
            ("phases", .array((rule.scope?.phases ?? []).map(JSONValue.string))),
            ("commandPattern", .optional(rule.scope?.commandPattern)),
            ("isGenericSymptom", .bool(rule.isGenericSymptom)),
            ("explanation", .string(rule.explanation)),
            ("remediation", .string(rule.remediation)),
            ("docUrl", .string(rule.docURL)),
            ("triggering", .array(rule.triggering.map(JSONValue.string))),
            ("nonTriggering", .array(rule.nonTriggering.map(JSONValue.string))),
        ])
    }
}
