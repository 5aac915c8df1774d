import ArgumentParser

/// `cbtriage rules …`: look at the catalog and test user rule files.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List, show and test failure rules.",
        subcommands: [RulesListCommand.self, RulesShowCommand.self, RulesTestCommand.self, RulesLiteralsCommand.self]
    )
}
