import Analyze
import ArgumentParser
import Fetch
import Foundation

/// One Lambda invocation of `cbtriage lambda`: the event read as `build --event` reads it, the build diagnosed
/// and posted through `EventTriage`, and a small JSON result for Lambda (or the error it reports instead).
final class LambdaInvocationHandler {
    private let settings: LambdaSettings
    private let triage: EventTriage
    private let composer: ReportComposer
    private let log: (String) -> Void
    /// One connection per account and Region: an assumed role's credentials last across invocations.
    private var connections: [String: AWSConnection] = [:]

    init(settings: LambdaSettings, environment: [String: String], log: @escaping (String) -> Void) throws {
        self.settings = settings
        self.log = log
        triage = EventTriage(catalog: try CatalogLoader.compiled(userRuleFiles: settings.ruleFiles), pageSize: nil)
        let render = RenderSettings.resolve(choice: .never, environment: environment, stdoutIsTerminal: false,
                                            terminalColumns: nil, contextLines: 2, now: Date())
        composer = ReportComposer(format: settings.format, quiet: false, settings: render)
    }

    enum Outcome {
        /// The body for `/response`.
        case respond([UInt8])
        /// What `/error` reports.
        case fail(LambdaFunctionError)
    }

    func handle(_ invocation: LambdaInvocation, now: Date = Date()) -> Outcome {
        // Each line of the function's log names its invocation.
        let log: (String) -> Void = { [log] in log("\(invocation.requestId) \($0)") }
        do {
            let event = try BuildStateChangeEvent(json: Data(invocation.event))
            if let reason = EventTriage.skipReason(event) {
                log(reason)
                return .respond(Self.body([("build", .string(event.build.id)), ("status", .string(event.status)),
                                           ("skipped", .string(reason)), ("posted", .bool(false))]))
            }
            let connection = try self.connection(for: event)
            let diagnosis = try triage.diagnose(event, connection: connection,
                                                readsUntil: LambdaSettings.readsUntil(deadline: invocation.deadline, now: now),
                                                warn: log)
            var quiet = composer
            quiet.quiet = true
            log(BuildEventInput.mask(quiet.streamed(diagnosis, index: 0, inputCount: 1), secrets: event.secretValues)
                .trimmingCharacters(in: .newlines))
            if let webhook = settings.webhook {
                try EventTriage.post(diagnosis, composer: composer, secrets: event.secretValues, to: webhook)
            }
            var fields: [(String, JSONValue)] = [
                ("build", .string(event.build.id)), ("status", .string(event.status)),
                ("rootCause", diagnosis.rootCause.map { .string($0.ruleId) } ?? .null),
                ("findings", .int(Int64(diagnosis.findings.count))),
                ("posted", .bool(settings.webhook != nil)), ("partial", .bool(diagnosis.source.partial)),
            ]
            if let reason = diagnosis.source.partialReason { fields.append(("partialReason", .string(reason))) }
            return .respond(Self.body(fields))
        } catch {
            let failure = Self.functionError(for: error)
            log(failure.errorMessage)
            return .fail(failure)
        }
    }

    private func connection(for event: BuildStateChangeEvent) throws -> AWSConnection {
        let account = EventTriage.account(of: event)
        let key = "\(event.region ?? "")/\(account ?? "")"
        if let known = connections[key] { return known }
        let made = try settings.aws.connect(fallbackRegion: event.region, account: account)
        connections[key] = made
        return made
    }

    /// `errorType` names the exit status `cbtriage build --event` would have ended with: `Cbtriage.UnreadableInput`,
    /// `Cbtriage.ServiceUnavailable`, `Cbtriage.PermissionDenied`, `Cbtriage.Usage`, …
    static func functionError(for error: Error) -> LambdaFunctionError {
        let status = error is ValidationError ? .usage : ErrorClassifier.status(for: error)
        let name = String(describing: status)
        return LambdaFunctionError(errorType: "Cbtriage." + name.prefix(1).uppercased() + name.dropFirst(),
                                   errorMessage: ErrorText.message(for: error))
    }

    private static func body(_ fields: [(String, JSONValue)]) -> [UInt8] {
        Array(JSONWriter(pretty: false).write(.object(fields)).utf8)
    }
}
