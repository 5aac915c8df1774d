import ArgumentParser
import Fetch
import Foundation

/// `cbtriage fetch`: writes a log stream's raw lines, as CloudWatch Logs holds them, to stdout or a file.
struct FetchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Write a build's raw log from CloudWatch Logs to stdout or a file.",
        discussion: "Name the stream with --group and --stream, or a build with --build PROJECT:UUID (a build that "
            + "logged only to S3 is read from its S3 object)."
    )

    @Option(help: "Log group, e.g. /aws/codebuild/my-project.")
    var group: String?

    @Option(help: "Log stream, e.g. the build's UUID.")
    var stream: String?

    @Option(help: "A build (PROJECT:UUID or its ARN) whose log to fetch, instead of --group/--stream.")
    var build: String?

    @Option(help: "Only events at or after this time: ISO-8601 or an age like 30m, 2h, 1d.")
    var start: String?

    @Option(help: "Only events before this time: ISO-8601 or an age like 30m, 2h, 1d.")
    var end: String?

    @Option(name: [.short, .customLong("output")], help: "Write to FILE (gzip when it ends in .gz) instead of stdout.",
            completion: .file())
    var output: String?

    @Flag(name: [.customLong("force"), .customLong("overwrite")], help: "Overwrite the --output file if it exists.")
    var force = false

    /// Events per GetLogEvents call; hidden, for tests that must cross many pages.
    @Option(name: .customLong("page-size"), help: .hidden)
    var pageSize: Int?

    @OptionGroup var aws: AWSOptions

    func validate() throws {
        if build != nil && (group != nil || stream != nil) {
            throw ValidationError("give either --build or --group with --stream, not both")
        }
        if build == nil && (group == nil || stream == nil) {
            throw ValidationError("name the log with --group and --stream, or with --build PROJECT:UUID")
        }
        if output?.isEmpty == true { throw ValidationError("--output needs a file name (it was empty)") }
        // Times are checked here, before any request: a wrong bound must not cost an API call.
        let now = Date()
        let startMillis = try start.map { try LogTimeBound.validated($0, option: "--start", now: now) }
        let endMillis = try end.map { try LogTimeBound.validated($0, option: "--end", now: now) }
        if let startMillis, let endMillis, startMillis >= endMillis {
            throw ValidationError("--start must be before --end")
        }
        if force && output == nil { throw ValidationError("--force (--overwrite) only applies with --output") }
        if let pageSize, !(1...10_000).contains(pageSize) {
            throw ValidationError("--page-size must be between 1 and 10000")
        }
    }

    func run() throws {
        let identifier = try build.map(BuildIdentifier.init(parsing:))
        let now = Date()
        let startMillis = try start.map { try LogTimeBound.millis(from: $0, now: now) }
        let endMillis = try end.map { try LogTimeBound.millis(from: $0, now: now) }
        let connection = try aws.connect(fallbackRegion: identifier?.region,
                                         account: build.flatMap(RoleAssumption.account(inARN:)))
        let location: BuildLogLocation
        let source: LineSource
        if let identifier {
            let described = try connection.codeBuild.build(id: identifier.id)
            if let object = BuildS3LogObject.address(for: described) {
                // One object, not a stream of timed events: there is nothing for --start/--end to select.
                if start != nil || end != nil {
                    throw ValidationError("--start/--end select CloudWatch Logs events; \(identifier.id) logged only to S3 (\(object.uri))")
                }
                source = S3LogSource(client: connection.s3, address: object)
                let outcome = try output.map { try writeFile($0, from: source) } ?? writeStandardOutput(from: source)
                return try finish(outcome)
            }
            location = try BuildLogLocation(for: described)
        } else {
            location = BuildLogLocation(group: group ?? "", stream: stream ?? "")
        }
        source = CloudWatchLogSource(client: connection.logs, group: location.group, stream: location.stream,
                                     startTime: startMillis, endTime: endMillis, pageSize: pageSize,
                                     keepsCarriageReturns: true)
        let outcome = try output.map { try writeFile($0, from: source) } ?? writeStandardOutput(from: source)
        try finish(outcome)
    }

    private func finish(_ outcome: ReadOutcome) throws {
        if case .partial(let reason, _) = outcome.completeness {
            StandardStreams.error("partial log: \(reason)")
            throw CommandFailure(status: .partialInput)
        }
    }

    private func writeFile(_ path: String, from source: LineSource) throws -> ReadOutcome {
        let writer = try LogFileWriter(path: path, overwrite: force)
        do {
            let outcome = try source.readLines { try writer.write(line: $0) }
            try writer.finish()
            return outcome
        } catch {
            writer.abandon()
            throw error
        }
    }

    private func writeStandardOutput(from source: LineSource) throws -> ReadOutcome {
        // stdio buffers stdout when it is a pipe or file: one write per line stays cheap.
        StandardStreams.checkStandardOutputOpen()
        let outcome = try source.readLines { line in
            if let base = line.bytes.baseAddress, line.bytes.count > 0 { fwrite(base, 1, line.bytes.count, stdout) }
            fputc(0x0A, stdout)
            if ferror(stdout) != 0 { try stopAfterFailedWrite(errno: errno) }
        }
        if fflush(stdout) != 0 { try stopAfterFailedWrite(errno: errno) }
        return outcome
    }

    /// The reader went away (`| head`): stop fetching pages and exit quietly. Any other failure (disk
    /// full) is reported and ends the run with 74 inside `StandardStreams`.
    private func stopAfterFailedWrite(errno code: Int32) throws -> Never {
        StandardStreams.standardOutputFailed(errno: code)
        throw CommandFailure(status: .ok)
    }
}
