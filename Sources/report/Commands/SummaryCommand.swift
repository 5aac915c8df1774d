import Analyze
import ArgumentParser
import Foundation

/// `cbtriage summary PATH...`: a digest over many builds (each log one build), or
/// `cbtriage summary --project P --since 24h`: the same digest over CodeBuild builds from AWS.
struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Summarise many builds: failures by project, category and rule, new kinds, slow phases.",
        discussion: """
            Every log found under PATH is one build. With --baseline, failure kinds not seen in the baseline \
            logs are listed as new. A build that cannot be read is listed as such and does not stop the others.

            With --project (repeatable), builds come from CodeBuild: those started in --since DURATION (up to \
            now) or --start/--end. Every failed build (FAILED, FAULT, TIMED_OUT) is diagnosed from its \
            CloudWatch Logs log, or its S3 object when it logged only to S3 (a STOPPED build was stopped by a person or a batch: not a failure, not counted); \
            --include-succeeded diagnoses SUCCEEDED builds too. Failure kinds not seen in \
            the previous window of the same length are listed as new. --out stores each diagnosis made.

            With --from DIR|s3://bucket/prefix/, the summary is made from diagnoses stored by --out (no log is \
            fetched): those whose build started in the window, the previous window's for new failure kinds.

            With --windows N, the summary also counts failures per category in N windows of the window's \
            length (the newest is the summary's own), says which categories are rising, and when each failure \
            kind was first seen. For log paths the length is --since and the windows end at the newest build.

            \(ExitStatus.helpText)
            """
    )

    @Argument(help: "Log files or directories of logs.", completion: .file())
    var paths: [String] = []

    @Option(name: .customLong("project"), help: "A CodeBuild project to summarise from AWS; repeatable.")
    var projects: [String] = []

    @Option(help: ArgumentHelp("Summarise diagnoses stored by --out in this directory or S3 prefix instead.",
                               valueName: "dir|s3-uri"))
    var from: String?

    @OptionGroup var store: ResultOutputOption

    @Option(help: ArgumentHelp("AWS: builds started within this age, up to now (90m, 24h, 7d, 2w); with log paths "
                               + "and --windows, the length of each window."))
    var since: String?

    @Option(help: "AWS: start of the window (2024-03-06T10:00:00Z or 2024-03-06); with --end.")
    var start: String?

    @Option(help: "AWS: end of the window (exclusive); with --start.")
    var end: String?

    @Flag(name: .customLong("include-succeeded"), help: "AWS: also diagnose builds CodeBuild calls SUCCEEDED.")
    var includeSucceeded = false

    @Option(help: "AWS: builds diagnosed at once (1-\(SummaryCommand.maxJobs)).")
    var jobs = 4

    @OptionGroup var aws: AWSOptions

    @Option(help: "Logs of an earlier period (file or directory) to find new failure kinds against.", completion: .file())
    var baseline: String?

    @OptionGroup var ruleFiles: RuleFileOptions

    @Option(name: .shortAndLong, help: "Output format: text, json, markdown or slack.")
    var format: OutputFormat = .text

    @Option(help: "Colour: auto (only on a terminal, never with NO_COLOR), always or never.")
    var color: ColorChoice = .auto

    @Option(help: ArgumentHelp("Trends over this many windows of the window's length, the newest last "
                               + "(2-\(SummaryTrends.maxWindows)); for log paths, with --since as the length.",
                               valueName: "count"))
    var windows: Int?

    @OptionGroup var webhook: WebhookOptions

    /// More parallel builds than this mostly buys throttling from CodeBuild and CloudWatch Logs.
    static let maxJobs = 16

    func validate() throws {
        if from != nil { return try validateStored() }
        if store.out != nil && projects.isEmpty { throw ValidationError("--out stores AWS diagnoses: it needs --project.") }
        guard projects.isEmpty else { return try validateAWS() }
        if paths.isEmpty { throw ValidationError("Name at least one log file or directory, or --project.") }
        if paths.contains("-") { throw ValidationError("summary reads files and directories, not stdin.") }
        try validateWindowCount()
        if windows != nil {
            guard let since, TimeWindow.parseDuration(since) != nil else {
                throw ValidationError("--windows with log paths needs --since DURATION (90m, 24h, 7d, 2w): the length of each window.")
            }
        }
        let awsOnly = (since != nil && windows == nil) || start != nil || end != nil || includeSucceeded || aws.region != nil
            || aws.profile != nil || aws.endpointURL != nil || aws.verbose
        if awsOnly { throw ValidationError("--since, --start, --end, --include-succeeded and the AWS options need --project.") }
    }

    func validateWindowCount() throws {
        if let windows, !(2...SummaryTrends.maxWindows).contains(windows) {
            throw ValidationError("--windows must be between 2 and \(SummaryTrends.maxWindows).")
        }
    }

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let settings = RenderSettings.resolve(choice: color, environment: environment,
                                              stdoutIsTerminal: StandardStreams.stdoutIsTerminal,
                                              terminalColumns: StandardStreams.terminalColumns,
                                              contextLines: 0, now: Date())
        if let from { return try runStored(from: from, settings: settings) }
        let catalog = try CatalogLoader.compiled(userRuleFiles: ruleFiles.paths)
        guard projects.isEmpty else { return try runAWS(catalog: catalog, settings: settings) }
        let webhookURL = try webhook.webhookURL(environment: environment)
        let current = analyse(paths, catalog: catalog, progress: "analysing")
        var baselineRuleKeys: Set<String>?
        var statuses = current.statuses
        if let baseline {
            let previous = analyse([baseline], catalog: catalog, progress: "baseline")
            baselineRuleKeys = Set(previous.records.filter(\.failed).map(\.ruleKey))
            statuses += previous.statuses
        }
        var summary = SummaryBuilder.build(records: current.records, unreadable: current.unreadable,
                                           baselineRuleKeys: baselineRuleKeys)
        if let windows, let length = since.flatMap(TimeWindow.parseDuration) {
            if let newest = current.records.compactMap(\.startTime).max() {
                // Local logs have no "now": the windows end just after the newest build.
                summary.trends = SummaryTrends.build(records: current.records, windows: SummaryTrends.windows(
                    count: windows, length: length, end: newest.addingTimeInterval(0.001)))
            } else {
                StandardStreams.error("warning: no build shows when it started; --windows has nothing to count")
            }
        }
        SummaryDelivery.deliver(summary, format: format, settings: settings,
                                webhook: webhookURL, statuses: &statuses)
        if !summary.partialInputs.isEmpty { statuses.append(.partialInput) }
        let status = ExitStatus.strongest(statuses)
        if status != .ok { throw CommandFailure(status: status) }
    }

    /// Each build's compact record: a diagnosis is folded as soon as it is made and not kept.
    struct Analysed {
        var records: [SummaryRecord] = []
        var unreadable: [UnreadableInput] = []
        var statuses: [ExitStatus] = []
    }

    /// Reads every build; an unreadable one is noted (stderr and the summary) and the rest go on.
    func analyse(_ paths: [String], catalog: CompiledCatalog, progress label: String) -> Analysed {
        var result = Analysed()
        let inputs = InputCollector.collect(paths)
        let progress = ProgressLine(label: label, total: inputs.count, enabled: StandardStreams.stderrIsTerminal)
        for (index, collected) in inputs.enumerated() {
            progress.update(done: index)
            switch collected {
            case .unreadable(let name, let error):
                result.unreadable.append(UnreadableInput(name: name, message: ErrorText.message(for: error)))
                result.statuses.append(ErrorClassifier.status(for: error))
            case .source(let source):
                do {
                    result.records.append(SummaryRecord(try diagnose(source, catalog: catalog)))
                } catch {
                    result.unreadable.append(UnreadableInput(name: source.displayName, message: ErrorText.message(for: error)))
                    result.statuses.append(ErrorClassifier.status(for: error))
                }
            }
        }
        progress.finish()
        for entry in result.unreadable { StandardStreams.error(entry.message) }
        return result
    }
}

/// Picks the summary renderer for a format.
enum SummaryRendering {
    static func render(_ summary: Summary, format: OutputFormat, settings: RenderSettings) -> String {
        switch format {
        case .text: return SummaryTextRenderer(settings: settings).render(summary)
        case .json: return SummaryJSONRenderer(settings: settings).render(summary)
        case .markdown: return SummaryMarkdownRenderer(settings: settings).render(summary)
        case .slack: return SummarySlackRenderer(settings: settings).render(summary)
        }
    }
}
