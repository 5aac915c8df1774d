import ArgumentParser

/// What to read and with which rules.
struct InputOptions: ParsableArguments {
    @Argument(help: "Log files (plain, gzip, CloudWatch export, get-log-events JSON), directories of logs, or - for stdin.")
    var paths: [String] = []

    @OptionGroup var ruleFiles: RuleFileOptions

    @Option(help: ArgumentHelp("Lines of context shown around each evidence line.", valueName: "lines"))
    var context = 2

    func validate() throws {
        if paths.isEmpty {
            throw ValidationError("Name at least one log file or directory, or - for stdin.")
        }
        if paths.filter({ $0 == "-" }).count > 1 {
            throw ValidationError("'-' (stdin) can be given only once.")
        }
        if context < 0 || context > 50 {
            throw ValidationError("--context must be between 0 and 50.")
        }
    }
}
