import Analyze
import ArgumentParser

/// `cbtriage rules test [FILE.yaml] [--id ID …]`: run rules' own examples and say which fail.
struct RulesTestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run rules' examples (a file's or the catalog's); exit 1 when any fails.",
        discussion: """
            Each rule's triggering examples must fire exactly on the lines marked with a leading ↓, and its \
            nonTriggering examples must not fire at all. Examples also run with CRLF line endings, ANSI colour, \
            buried in a long log, and read as a CloudWatch export, as get-log-events JSON and as gzip in tiny \
            chunks, as the built-in catalog's are. Without FILE the built-in rules and checks are tested; \
            --id keeps only the rules named.
            """
    )

    @Argument(help: "A YAML rule file (default: the built-in catalog).", completion: .file(extensions: ["yaml", "yml"]))
    var file: String?

    @Option(name: .customLong("id"), help: "Test only this rule (repeatable).")
    var ids: [String] = []

    func run() throws {
        var rules = try file.map { try RuleFile.load(path: $0) } ?? RuleSet.builtinRules
        if !ids.isEmpty {
            let known = Set(rules.map(\.id))
            if let unknown = ids.first(where: { !known.contains($0) }) { throw InputError.unknownRule(id: unknown) }
            let wanted = Set(ids)
            rules = rules.filter { wanted.contains($0.id) }
        }
        var failed = 0
        for rule in rules {
            let failures = try RuleExampleRunner.run([rule], variants: ExampleVariant.all)
            let examples = rule.triggering.count + rule.nonTriggering.count
            if failures.isEmpty {
                StandardStreams.out("ok    \(rule.id) (\(examples) examples)\n")
            } else {
                failed += 1
                StandardStreams.out("FAIL  \(rule.id)\n")
                for failure in failures {
                    let indented = failure.description.split(separator: "\n", omittingEmptySubsequences: false)
                        .map { "      " + Formatting.printable(String($0)) }
                    StandardStreams.out(indented.joined(separator: "\n") + "\n")
                }
            }
        }
        StandardStreams.out("\(rules.count - failed) of \(rules.count) rules passed their examples\n")
        if failed > 0 { throw CommandFailure(status: .failOnMatched) }
    }
}
