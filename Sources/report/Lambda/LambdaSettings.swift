import ArgumentParser
import Fetch
import Foundation

/// What `cbtriage lambda` reads from its environment, since Lambda starts a `bootstrap` with no arguments.
/// The AWS settings go through the same parser and checks as the command-line flags they stand for.
struct LambdaSettings {
    var aws: AWSOptions
    var format: OutputFormat
    /// Nil: the diagnosis is only in the invocation's response and the function's log.
    var webhook: String?
    var ruleFiles: [String]

    /// Environment variable → the `AWSOptions` flag it stands for (docs/aws.md "Run it as a Lambda function").
    static let flagVariables: [(variable: String, flag: String)] = [
        ("CBTRIAGE_ROLE_ARN", "--role-arn"),
        ("CBTRIAGE_ROLE_ARN_FOR_ACCOUNT", "--role-arn-for-account"),
        ("CBTRIAGE_EXTERNAL_ID", "--external-id"),
        ("CBTRIAGE_ROLE_SESSION_NAME", "--role-session-name"),
        // For tests against a local stand-in (moto); a deployed function uses the Region's endpoints.
        ("CBTRIAGE_ENDPOINT_URL", "--endpoint-url"),
    ]
    static let webhookVariable = "CBTRIAGE_WEBHOOK"

    init(environment: [String: String]) throws {
        var arguments: [String] = []
        for (variable, flag) in Self.flagVariables {
            if let value = environment[variable], !value.isEmpty { arguments += [flag, value] }
        }
        if ["1", "true", "yes"].contains(environment["CBTRIAGE_VERBOSE"]?.lowercased() ?? "") { arguments.append("--verbose") }
        do {
            aws = try AWSOptions.parse(arguments)
        } catch {
            // Name the variable that was set, not the flag it became (the longest flag first: one may begin another).
            let message = Self.flagVariables.sorted { $0.flag.count > $1.flag.count }
                .reduce(AWSOptions.message(for: error)) { $0.replacingOccurrences(of: $1.flag, with: $1.variable) }
            throw ValidationError(message)
        }
        let formatName = environment["CBTRIAGE_FORMAT"].flatMap { $0.isEmpty ? nil : $0 } ?? OutputFormat.slack.rawValue
        guard let format = OutputFormat(rawValue: formatName) else {
            throw ValidationError("CBTRIAGE_FORMAT must be one of \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self.format = format
        if let webhook = environment[Self.webhookVariable], !webhook.isEmpty {
            // Never echoed: a webhook URL holds its token.
            guard WebhookOptions.looksLikeWebhook(webhook) else {
                throw ValidationError("\(Self.webhookVariable) does not hold an http(s) URL")
            }
            self.webhook = webhook
        }
        ruleFiles = (environment["CBTRIAGE_RULE_FILES"] ?? "").split(separator: ":").map(String.init)
    }

    /// No log page is asked for in the last fifth of the invocation's time, or its last 10 seconds if less:
    /// what is left is enough to rank, post and respond before Lambda ends the invocation.
    static func readsUntil(deadline: Date?, now: Date) -> Date? {
        guard let deadline else { return nil }
        let margin = min(10, max(0, deadline.timeIntervalSince(now)) / 5)
        return deadline.addingTimeInterval(-margin)
    }
}
