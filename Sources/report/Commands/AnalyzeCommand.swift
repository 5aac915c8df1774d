import Analyze
import ArgumentParser
import Fetch
import Foundation

/// `cbtriage analyze PATH...`: diagnose local logs (or stdin) and report in one format.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Diagnose build logs on disk (plain, gzip, CloudWatch export, get-log-events JSON) or stdin.",
        discussion: """
            Each file is one build; a directory stands for every log in it. Text and Markdown reports are \
            printed one after another; JSON is one document with a "builds" array.

            \(ExitStatus.helpText)
            """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var baselineOption: LocalBaselineOption
    @OptionGroup var store: ResultOutputOption

    @Flag(help: ArgumentHelp("Text report: every finding in full, generic symptoms included (by default the root "
        + "cause comes first and the other findings take a line each)."))
    var verbose = false

    func validate() throws {
        _ = try store.destination(s3Allowed: false)
    }

    func run() throws {
        let resultStore = try store.destination(s3Allowed: false).map { ResultStore(destination: $0, s3: nil, now: Date()) }
        let environment = ProcessInfo.processInfo.environment
        let webhook = try output.webhookURL(environment: environment)
        var settings = RenderSettings.resolve(choice: output.color, environment: environment,
                                              stdoutIsTerminal: StandardStreams.stdoutIsTerminal,
                                              terminalColumns: StandardStreams.terminalColumns,
                                              contextLines: input.context, now: Date())
        settings.verbose = verbose
        let catalog = try CatalogLoader.compiled(userRuleFiles: input.ruleFiles.paths)
        let composer = ReportComposer(format: output.format, quiet: output.quiet, settings: settings)
        let baseline = try baselineOption.load(limits: try input.limits(), warn: StandardStreams.error)

        var diagnoses: [Diagnosis] = []
        var unreadable: [UnreadableInput] = []
        var statuses: [ExitStatus] = []
        let inputs = InputCollector.collect(input.paths, limits: try input.limits())
        for collected in inputs {
            // The reader went away (`| head`): what is left only matters to a gate or a webhook.
            if StandardStreams.readerGone && !output.hasGate && webhook == nil { break }
            switch collected {
            case .unreadable(let name, let error):
                report(error, input: name, into: &unreadable, statuses: &statuses)
            case .source(let source):
                do {
                    let diagnosis = try baseline.map {
                        try diagnose(source, catalog: catalog, against: $0, reference: BaselineReference(index: $0, selection: "file"))
                    } ?? diagnose(source, catalog: catalog)
                    if composer.streams {
                        StandardStreams.out(composer.streamed(diagnosis, index: diagnoses.count, inputCount: inputs.count))
                    }
                    diagnoses.append(diagnosis)
                    if let resultStore {
                        do {
                            try resultStore.write(diagnosis, arn: nil)
                        } catch {
                            StandardStreams.error(ErrorText.message(for: error))
                            statuses.append(ErrorClassifier.status(for: error))
                        }
                    }
                } catch {
                    report(error, input: source.displayName, into: &unreadable, statuses: &statuses)
                }
            }
        }
        if !composer.streams { StandardStreams.out(composer.document(diagnoses, unreadable: unreadable)) }

        if let webhook {
            do {
                try WebhookPoster(transport: WebhookTransport.make())
                    .post(body: composer.webhookBody(diagnoses, unreadable: unreadable), to: webhook)
            } catch {
                StandardStreams.error(ErrorText.message(for: error))
                statuses.append(ErrorClassifier.status(for: error))
            }
        }

        if diagnoses.contains(where: { $0.source.partial }) { statuses.append(.partialInput) }
        if output.gateMatches(diagnoses.flatMap(\.findings)) { statuses.append(.failOnMatched) }
        let status = ExitStatus.strongest(statuses)
        if status != .ok { throw CommandFailure(status: status) }
    }

    private func report(_ error: Error, input name: String, into unreadable: inout [UnreadableInput],
                        statuses: inout [ExitStatus]) {
        let message = ErrorText.message(for: error)
        StandardStreams.error(message)
        unreadable.append(UnreadableInput(name: name, message: message))
        statuses.append(ErrorClassifier.status(for: error))
    }
}
