import Analyze
import ArgumentParser
import Fetch

/// PLACEHOLDER wiring: the real command (formats, exit codes, directories, stdin) lands with the report work.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Diagnose build logs on disk (plain, gzip, CloudWatch export, get-log-events JSON) or stdin."
    )

    @Argument(help: "Log files, directories of logs, or - for stdin.")
    var paths: [String] = []

    func run() throws {
        print("analyze: not wired yet")
    }
}
