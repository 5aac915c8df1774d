import Analyze
import ArgumentParser
import Fetch
import Foundation
import Parse

/// `cbtriage build`: diagnoses a CodeBuild build straight from AWS: its phase records from
/// `BatchGetBuilds`, its log from CloudWatch Logs, streamed page by page into the analysis.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Diagnose a CodeBuild build from AWS (its log in CloudWatch Logs and its phase records).",
        discussion: "BUILD is PROJECT:UUID or arn:aws:codebuild:REGION:ACCOUNT:build/PROJECT:UUID; an ARN's region "
            + "is used unless --region is given. Inside CodeBuild, --current diagnoses the running build."
    )

    @Argument(help: "PROJECT:UUID or a build ARN.")
    var build: String?

    @Flag(help: "Diagnose the build this runs in (from CODEBUILD_BUILD_ARN / CODEBUILD_BUILD_ID).")
    var current = false

    /// Events per GetLogEvents call; hidden, for tests that must cross many pages.
    @Option(name: .customLong("page-size"), help: .hidden)
    var pageSize: Int?

    @OptionGroup var ruleFiles: RuleFileOptions

    @Option(help: ArgumentHelp("Lines of context shown around each evidence line.", valueName: "lines"))
    var context = 2

    @OptionGroup var aws: AWSOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var baselineOption: AWSBaselineOption

    func validate() throws {
        if current == (build != nil) { throw ValidationError("give a build (PROJECT:UUID or ARN) or --current") }
        if let pageSize, !(1...10_000).contains(pageSize) {
            throw ValidationError("--page-size must be between 1 and 10000")
        }
        if context < 0 || context > 50 { throw ValidationError("--context must be between 0 and 50.") }
    }

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let identifier = try resolveIdentifier(environment: environment)
        let webhook = try output.webhookURL(environment: environment)
        let settings = RenderSettings.resolve(choice: output.color, environment: environment,
                                              stdoutIsTerminal: StandardStreams.stdoutIsTerminal,
                                              terminalColumns: StandardStreams.terminalColumns,
                                              contextLines: context, now: Date())
        let catalog = try CatalogLoader.compiled(userRuleFiles: ruleFiles.paths)
        let connection = try aws.connect(fallbackRegion: identifier.region)
        let baseline = try baselineOption.choice().flatMap {
            try AWSBaselineResolver(connection: connection, cache: BaselineCache.standard(environment: environment),
                                    pageSize: pageSize, warn: StandardStreams.error)
                .resolve($0, failedBuildId: identifier.id)
        }
        let diagnosis = try connection.diagnoseBuild(id: identifier.id, catalog: catalog, pageSize: pageSize,
                                                     baseline: baseline, warn: StandardStreams.error)
        let composer = ReportComposer(format: output.format, quiet: output.quiet, settings: settings)
        StandardStreams.out(composer.streams ? composer.streamed(diagnosis, index: 0, inputCount: 1)
                                             : composer.document([diagnosis], unreadable: []))

        var statuses: [ExitStatus] = []
        if let webhook {
            do {
                try WebhookPoster(transport: WebhookTransport.make())
                    .post(body: composer.webhookBody([diagnosis], unreadable: []), to: webhook)
            } catch {
                StandardStreams.error(ErrorText.message(for: error))
                statuses.append(ErrorClassifier.status(for: error))
            }
        }
        if diagnosis.source.partial { statuses.append(.partialInput) }
        if output.gateMatches(diagnosis.findings) { statuses.append(.failOnMatched) }
        let status = ExitStatus.strongest(statuses)
        if status != .ok { throw CommandFailure(status: status) }
    }

    private func resolveIdentifier(environment: [String: String]) throws -> BuildIdentifier {
        if let build { return try BuildIdentifier(parsing: build) }
        guard let found = try BuildIdentifier.current(environment: environment) else {
            throw ValidationError("--current needs CODEBUILD_BUILD_ARN or CODEBUILD_BUILD_ID (set inside CodeBuild)")
        }
        return found
    }
}

extension AWSConnection {
    /// One build from AWS, end to end: `BatchGetBuilds`, the log's location, its lines streamed from
    /// CloudWatch Logs into the analysis, and CodeBuild's phase records merged before ranking.
    /// Shared by `build` and the AWS summary.
    func diagnoseBuild(id: String, catalog: CompiledCatalog, pageSize: Int? = nil,
                       baseline: (BaselineIndex, BaselineReference)? = nil, warn: (String) -> Void) throws -> Diagnosis {
        let apiBuild = try codeBuild.build(id: id)
        let location = try BuildLogLocation(for: apiBuild)
        let merge: (inout BuildModel) -> Void = { APIBuildMerge.merge(apiBuild, into: &$0) }
        let logSource = CloudWatchLogSource(client: logs, group: location.group, stream: location.stream,
                                            pageSize: pageSize)
        do {
            if let (index, reference) = baseline {
                return try diagnose(logSource, catalog: catalog, against: index, reference: reference, refine: merge)
            }
            return try diagnose(logSource, catalog: catalog, refine: merge)
        } catch let missing as CloudWatchLogsError where apiBuild.buildComplete == true {
            // A build that died while provisioning may never have written a log: its phase records
            // (with their context messages) are then all the evidence there is.
            warn("\(missing.userMessage); diagnosing \(id) from CodeBuild's phase records only")
            return try diagnose(NoLogLines(displayName: logSource.displayName), catalog: catalog, refine: merge)
        }
    }
}

/// The log of a build that wrote none.
private struct NoLogLines: LineSource {
    var displayName: String
    func readLines(_ body: (LogLine) throws -> Void) throws -> ReadOutcome {
        ReadOutcome(shape: .cloudwatchLogsAPI, completeness: .complete, bytesRead: 0, linesRead: 0)
    }
}
