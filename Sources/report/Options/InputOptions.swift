import ArgumentParser
import Fetch

/// What to read and with which rules.
struct InputOptions: ParsableArguments {
    @Argument(help: "Log files (plain, gzip, CloudWatch export, get-log-events JSON), directories of logs, or - for stdin.",
              completion: .file())
    var paths: [String] = []

    @OptionGroup var ruleFiles: RuleFileOptions

    @Option(help: ArgumentHelp("Lines of context shown around each evidence line.", valueName: "lines"))
    var context = 2

    @Option(name: .customLong("max-bytes"),
            help: ArgumentHelp("Stop reading an input after this many bytes (decompressed), e.g. 500M or 2G; 0: no limit. "
                               + "Default 4G for stdin, directories and compressed files.", valueName: "size"))
    var maxBytes: String?

    @Option(name: .customLong("max-lines"),
            help: ArgumentHelp("Stop reading an input after this many lines; 0: no limit. "
                               + "Default 20000000 for stdin, directories and compressed files.", valueName: "count"))
    var maxLines: Int?

    /// The limits `--max-bytes`/`--max-lines` ask for, applied to every input; nil: the defaults.
    func limits() throws -> InputLimits? {
        guard maxBytes != nil || maxLines != nil else { return nil }
        let bytes = try maxBytes.map(ByteSize.parse) ?? InputLimits.defaultMaxBytes
        let lines = maxLines ?? InputLimits.defaultMaxLines
        return InputLimits(maxBytes: bytes == 0 ? nil : bytes, maxLines: lines == 0 ? nil : lines)
    }

    func validate() throws {
        if let maxLines, maxLines < 0 { throw ValidationError("--max-lines must be 0 (no limit) or more.") }
        _ = try limits()
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
