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
        abstract: "Diagnose a CodeBuild build from AWS (its log in CloudWatch Logs or S3, and its phase records).",
        discussion: "BUILD is PROJECT:UUID or arn:aws:codebuild:REGION:ACCOUNT:build/PROJECT:UUID; an ARN's region "
            + "is used unless --region is given. Inside CodeBuild, --current diagnoses the running build. "
            + "With --verbose the text report also shows every finding in full."
    )

    @Argument(help: "PROJECT:UUID or a build ARN.")
    var build: String?

    @Flag(help: "Diagnose the build this runs in (from CODEBUILD_BUILD_ARN / CODEBUILD_BUILD_ID).")
    var current = false

    @Option(help: ArgumentHelp("An EventBridge \"CodeBuild Build State Change\" event (a file, or - for stdin): the "
        + "build, Region, status, log location and phases come from it; only failed builds are diagnosed.",
        valueName: "file"), completion: .file())
    var event: String?

    /// Events per GetLogEvents call; hidden, for tests that must cross many pages.
    @Option(name: .customLong("page-size"), help: .hidden)
    var pageSize: Int?

    @Flag(help: "Follow a running build: show its phases and matches as they appear, report when it ends.")
    var follow = false

    /// Seconds between two reads that found nothing new while following; hidden, for tests.
    @Option(name: .customLong("poll-interval"), help: .hidden)
    var pollInterval: Double = 3

    @OptionGroup var ruleFiles: RuleFileOptions

    @Option(help: ArgumentHelp("Lines of context shown around each evidence line.", valueName: "lines"))
    var context = 2

    @OptionGroup var aws: AWSOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var baselineOption: AWSBaselineOption
    @OptionGroup var store: ResultOutputOption

    func validate() throws {
        if [current, build != nil, event != nil].filter({ $0 }).count != 1 {
            throw ValidationError("give a build (PROJECT:UUID or ARN), --current or --event FILE")
        }
        if let pageSize, !(1...10_000).contains(pageSize) {
            throw ValidationError("--page-size must be between 1 and 10000")
        }
        if context < 0 || context > 50 { throw ValidationError("--context must be between 0 and 50.") }
        if follow && event != nil { throw ValidationError("--follow reads a running build; an --event is for a build that ended") }
        if follow && baselineOption.baseline != nil {
            throw ValidationError("--baseline compares a finished build; run it without --follow once the build has ended")
        }
        if !(0.01...60).contains(pollInterval) { throw ValidationError("--poll-interval must be between 0.01 and 60") }
        _ = try store.destination()
    }

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let stateChange = try event.map(BuildEventInput.read)
        if let stateChange, let reason = EventTriage.skipReason(stateChange) {
            // EventBridge sends every state change a rule matches: the others are acknowledged, not diagnosed.
            StandardStreams.error(reason)
            return
        }
        let identifier = try stateChange.map { try BuildIdentifier(parsing: $0.buildARN) }
            ?? resolveIdentifier(environment: environment)
        let webhook = try output.webhookURL(environment: environment)
        var settings = RenderSettings.resolve(choice: output.color, environment: environment,
                                              stdoutIsTerminal: StandardStreams.stdoutIsTerminal,
                                              terminalColumns: StandardStreams.terminalColumns,
                                              contextLines: context, now: Date())
        settings.verbose = aws.verbose
        let catalog = try CatalogLoader.compiled(userRuleFiles: ruleFiles.paths)
        let account = stateChange.flatMap(EventTriage.account(of:))
            ?? buildARN(environment: environment).flatMap(RoleAssumption.account(inARN:))
        let connection = try aws.connect(fallbackRegion: stateChange?.region ?? identifier.region, account: account)
        let baseline = try baselineOption.choice().flatMap {
            try AWSBaselineResolver(connection: connection, cache: BaselineCache.standard(environment: environment),
                                    pageSize: pageSize, warn: StandardStreams.error)
                .resolve($0, failedBuildId: identifier.id)
        }
        let diagnosis: Diagnosis
        var arn: String?
        if let stateChange {
            diagnosis = try EventTriage(catalog: catalog, pageSize: pageSize)
                .diagnose(stateChange, connection: connection, baseline: baseline, warn: StandardStreams.error,
                          described: { arn = $0.arn })
        } else if follow {
            diagnosis = try connection.followBuild(id: identifier.id, catalog: catalog, pageSize: pageSize,
                                                   pacing: FollowPacing(pollInterval: pollInterval),
                                                   live: FollowLiveView(build: identifier.id,
                                                                        terminal: StandardStreams.stderrIsTerminal,
                                                                        columns: StandardStreams.stderrColumns,
                                                                        write: StandardStreams.err),
                                                   warn: StandardStreams.error)
        } else {
            diagnosis = try connection.diagnoseBuild(id: identifier.id, catalog: catalog, pageSize: pageSize,
                                                     baseline: baseline, warn: StandardStreams.error,
                                                     described: { arn = $0.arn })
        }
        let composer = ReportComposer(format: output.format, quiet: output.quiet, settings: settings)
        let secrets = stateChange?.secretValues ?? []
        StandardStreams.out(BuildEventInput.mask(composer.streams ? composer.streamed(diagnosis, index: 0, inputCount: 1)
                                                                  : composer.document([diagnosis], unreadable: []),
                                                 secrets: secrets))

        var statuses: [ExitStatus] = []
        if let destination = try store.destination() {
            do {
                try ResultStore(destination: destination, s3: connection.s3, now: settings.now)
                    .write(diagnosis, arn: arn, secrets: secrets)
            } catch {
                StandardStreams.error(ErrorText.message(for: error))
                statuses.append(ErrorClassifier.status(for: error))
            }
        }
        if let webhook {
            do {
                try EventTriage.post(diagnosis, composer: composer, secrets: secrets, to: webhook)
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

    /// The build's ARN when it was given as one (or is the running build's), for its account.
    private func buildARN(environment: [String: String]) -> String? {
        current ? environment["CODEBUILD_BUILD_ARN"] : build
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
    /// CloudWatch Logs (or read from its S3 object when the build logged only to S3) into the analysis, and CodeBuild's phase records merged before ranking.
    /// Shared by `build` and the AWS summary.
    /// `described` receives the build as CodeBuild describes it (`--out` names a result by its ARN).
    func diagnoseBuild(id: String, catalog: CompiledCatalog, pageSize: Int? = nil,
                       baseline: (BaselineIndex, BaselineReference)? = nil, warn: (String) -> Void,
                       described: (CodeBuildBuild) -> Void = { _ in }) throws -> Diagnosis {
        let build = try codeBuild.build(id: id)
        described(build)
        return try diagnoseBuild(build, catalog: catalog, pageSize: pageSize, baseline: baseline, warn: warn)
    }

    /// A build an EventBridge event described: BatchGetBuilds only when the event lacks the phases or the log
    /// location (an event for a completed build has both).
    func diagnoseBuild(event: BuildStateChangeEvent, catalog: CompiledCatalog, pageSize: Int? = nil,
                       baseline: (BaselineIndex, BaselineReference)? = nil, readsUntil: Date? = nil,
                       warn: (String) -> Void, described: (CodeBuildBuild) -> Void = { _ in }) throws -> Diagnosis {
        let build = event.hasPhases && event.hasLogLocation ? event.build : try codeBuild.build(id: event.build.id)
        described(build)
        return try diagnoseBuild(build, catalog: catalog, pageSize: pageSize, baseline: baseline,
                                 readsUntil: readsUntil, warn: warn)
    }

    /// `readsUntil`: no log page is asked for after it; the diagnosis is then partial.
    func diagnoseBuild(_ apiBuild: CodeBuildBuild, catalog: CompiledCatalog, pageSize: Int? = nil,
                       baseline: (BaselineIndex, BaselineReference)? = nil, readsUntil: Date? = nil,
                       warn: (String) -> Void) throws -> Diagnosis {
        let id = apiBuild.id
        let merge: ModelRefinement = { APIBuildMerge.merge(apiBuild, into: &$0) }
        if let object = BuildS3LogObject.address(for: apiBuild) {
            let source = S3LogSource(client: s3, address: object)
            if let (index, reference) = baseline {
                return try diagnose(source, catalog: catalog, against: index, reference: reference, refine: merge)
            }
            return try diagnose(source, catalog: catalog, refine: merge)
        }
        let location = try BuildLogLocation(for: apiBuild)
        let logSource = CloudWatchLogSource(client: logs, group: location.group, stream: location.stream,
                                            pageSize: pageSize, readsUntil: readsUntil)
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
struct NoLogLines: LineSource {
    var displayName: String
    func readLines(_ body: (LogLine) throws -> Void) throws -> ReadOutcome {
        ReadOutcome(shape: .cloudwatchLogsAPI, completeness: .complete, bytesRead: 0, linesRead: 0)
    }
}
