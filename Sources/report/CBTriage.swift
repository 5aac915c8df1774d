import ArgumentParser
import Fetch
import Foundation

@main
struct CBTriage: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cbtriage",
        abstract: "Tell why an AWS CodeBuild build failed.",
        discussion: ExitStatus.helpText,
        version: BuildVersion.text,
        subcommands: [AnalyzeCommand.self, RulesCommand.self, SummaryCommand.self, BuildCommand.self, FetchCommand.self, BuildsCommand.self,
                      LambdaCommand.self],
        defaultSubcommand: AnalyzeCommand.self
    )

    /// Parses, runs, and turns every error into one `cbtriage: <message>` line and an exit status
    /// from `ExitCodes.swift`; never a backtrace.
    static func main() {
        StandardStreams.prepare()
        var arguments = Array(CommandLine.arguments.dropFirst())
        // Lambda starts a custom runtime's `bootstrap` with no arguments: cbtriage installed as one runs its loop.
        if arguments.isEmpty, CommandLine.arguments.first.map({ ($0 as NSString).lastPathComponent }) == "bootstrap" {
            arguments = ["lambda"]
        }
        if let meant = SubcommandSuggestion.suggestion(for: arguments) {
            StandardStreams.error("'\(arguments[0])' is neither a command nor a file; did you mean 'cbtriage \(meant)'? (see 'cbtriage --help')")
            exit(withError: ExitCode(ExitStatus.usage.rawValue))
        }
        let status: ExitStatus
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            status = .ok
        } catch {
            status = handle(error)
        }
        exit(withError: status == .ok ? nil : ExitCode(status.rawValue))
    }

    /// Prints what must be printed for `error` and returns the status to exit with.
    static func handle(_ error: Error) -> ExitStatus {
        if let failure = error as? CommandFailure { return failure.status }
        if let exitCode = error as? ExitCode {
            return ExitStatus(rawValue: exitCode.rawValue) ?? .internalError
        }
        if error is UserFacingError {
            StandardStreams.error(ErrorText.message(for: error))
            return ErrorClassifier.status(for: error)
        }
        // ArgumentParser's own: help and --version exit 0 through it; usage errors become one line.
        let code = exitCode(for: error)
        if code == .success {
            exit(withError: error)
        }
        if code == .validationFailure {
            StandardStreams.error(ErrorText.message(for: error) + " (see 'cbtriage --help')")
            return .usage
        }
        // Not ours and not ArgumentParser's: name the type only, a value's description may hold secrets.
        StandardStreams.error("internal error (\(type(of: error)))")
        return .internalError
    }
}

/// The one-line text of any error, without ever dumping a Swift value description with secrets in it.
enum ErrorText {
    static func message(for error: Error) -> String {
        if let userFacing = error as? UserFacingError { return userFacing.userMessage }
        let message = CBTriage.message(for: error)
        return message.isEmpty ? "unexpected error (\(type(of: error)))" : message
    }
}
