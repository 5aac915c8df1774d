import Analyze
import Fetch
import Foundation

/// What `build --event` and `cbtriage lambda` do with an EventBridge "CodeBuild Build State Change" event once
/// read: a build that did not fail is skipped with a reason; one that did is diagnosed (BatchGetBuilds only
/// for what the event lacks) and its report posted with the event's secret-looking values masked.
struct EventTriage {
    var catalog: CompiledCatalog
    var pageSize: Int?

    /// Why the event's build is not diagnosed; nil when it is.
    static func skipReason(_ event: BuildStateChangeEvent) -> String? {
        event.isFailure ? nil : BuildEventInput.skippedMessage(event)
    }

    /// The account whose role `--role-arn-for-account` fills: the event's, else its build ARN's.
    static func account(of event: BuildStateChangeEvent) -> String? {
        event.account.flatMap { RoleAssumption.isAccount($0) ? $0 : nil } ?? RoleAssumption.account(inARN: event.buildARN)
    }

    /// `readsUntil`: no log page is asked for after it (a Lambda invocation's deadline less a margin).
    func diagnose(_ event: BuildStateChangeEvent, connection: AWSConnection,
                  baseline: (BaselineIndex, BaselineReference)? = nil, readsUntil: Date? = nil,
                  warn: (String) -> Void, described: (CodeBuildBuild) -> Void = { _ in }) throws -> Diagnosis {
        try connection.diagnoseBuild(event: event, catalog: catalog, pageSize: pageSize, baseline: baseline,
                                     readsUntil: readsUntil, warn: warn, described: described)
    }

    /// The report's webhook body (its format the composer's), with `secrets` masked, posted to `webhook`.
    static func post(_ diagnosis: Diagnosis, composer: ReportComposer, secrets: [String], to webhook: String) throws {
        try WebhookPoster(transport: WebhookTransport.make())
            .post(body: BuildEventInput.mask(composer.webhookBody([diagnosis], unreadable: []), secrets: secrets),
                  to: webhook)
    }
}
