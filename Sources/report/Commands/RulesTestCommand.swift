import ArgumentParser

/// `cbtriage rules test FILE.yaml`: run a rule file's own examples and say which fail.
struct RulesTestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run the examples in a rule file; exit 1 when any fails."
    )

    @Argument(help: "A YAML rule file.")
    var file: String

    func run() throws {
        // Wired to Analyze's RuleFile + RuleExampleRunner when the engine lands on main.
        throw InputError.rulesFile(path: file, reason: "rule files are not supported by this build yet")
    }
}
