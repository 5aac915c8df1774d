import ArgumentParser

@main
struct CBTriage: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cbtriage",
        abstract: "Tell why an AWS CodeBuild build failed.",
        subcommands: [AnalyzeCommand.self],
        defaultSubcommand: AnalyzeCommand.self
    )
}
