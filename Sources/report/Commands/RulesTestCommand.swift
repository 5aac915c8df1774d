import Analyze
import ArgumentParser

/// `cbtriage rules test FILE.yaml`: run a rule file's own examples and say which fail.
struct RulesTestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run the examples in a rule file; exit 1 when any fails.",
        discussion: """
            Each rule's triggering examples must fire exactly on the lines marked with a leading ↓, and its \
            nonTriggering examples must not fire at all. Examples also run with CRLF line endings, ANSI colour \
            and buried in a long log, as the built-in catalog's are.
            """
    )

    @Argument(help: "A YAML rule file.")
    var file: String

    func run() throws {
        let rules = try RuleFile.load(path: file)
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
