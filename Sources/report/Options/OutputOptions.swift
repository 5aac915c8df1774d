import Analyze
import ArgumentParser
import Foundation

extension OutputFormat: ExpressibleByArgument {}
extension ColorChoice: ExpressibleByArgument {}
extension Severity: ExpressibleByArgument {}

/// How a report is shown and where it goes: format, colour, quiet, and the CI gates.
struct OutputOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "Output format: text, json, markdown or slack.")
    var format: OutputFormat = .text

    @Flag(name: .shortAndLong, help: "One line per build: STATUS PHASE rule-id: title (command).")
    var quiet = false

    @Option(help: "Colour and Unicode marks: auto (only on a terminal, never with NO_COLOR), always or never.")
    var color: ColorChoice = .auto

    @Option(name: .customLong("fail-on"),
            help: ArgumentHelp("Exit 1 when a finding has at least this severity: info, warning, error or critical.",
                               valueName: "severity"))
    var failOn: Severity?

    @Flag(name: .customLong("fail-on-any"), help: "Exit 1 when anything at all was found.")
    var failOnAny = false

    @Option(help: ArgumentHelp("Also send the report to this webhook URL (Slack, or any endpoint taking JSON); "
                               + "the URL is treated as a secret and never printed.", valueName: "url"))
    var post: String?

    @Option(name: .customLong("post-env"),
            help: ArgumentHelp("Name of an environment variable holding the webhook URL.", valueName: "variable"))
    var postEnv: String?

    func validate() throws {
        if quiet && format != .text {
            throw ValidationError("--quiet prints one text line per build; it cannot be combined with --format \(format.rawValue).")
        }
        if failOn != nil && failOnAny {
            throw ValidationError("Use either --fail-on SEVERITY or --fail-on-any, not both.")
        }
        if post != nil && postEnv != nil {
            throw ValidationError("Use either --post or --post-env, not both.")
        }
        if let post, !Self.looksLikeWebhook(post) {
            // Never echo the value: it may hold a token.
            throw ValidationError("--post needs an http:// or https:// URL.")
        }
    }

    /// The webhook URL from `--post` or the variable `--post-env` names; nil when neither was given.
    func webhookURL(environment: [String: String]) throws -> String? {
        try Self.webhookURL(post: post, postEnv: postEnv, environment: environment)
    }

    /// `--post`'s URL, or the one in the variable `--post-env` names (checked); shared with `WebhookOptions`.
    static func webhookURL(post: String?, postEnv: String?, environment: [String: String]) throws -> String? {
        if let post { return post }
        guard let postEnv else { return nil }
        guard let value = environment[postEnv], !value.isEmpty else {
            throw ValidationError("--post-env: the environment variable \(postEnv) is not set or empty.")
        }
        guard Self.looksLikeWebhook(value) else {
            throw ValidationError("--post-env: the environment variable \(postEnv) does not hold an http(s) URL.")
        }
        return value
    }

    /// Whether `--fail-on`/`--fail-on-any` was given: its verdict needs every input, shown or not.
    var hasGate: Bool { failOnAny || failOn != nil }

    /// Whether the gate set by `--fail-on`/`--fail-on-any` matches these findings.
    func gateMatches(_ findings: [Finding]) -> Bool {
        if failOnAny { return !findings.isEmpty }
        guard let failOn else { return false }
        return findings.contains { $0.severity >= failOn }
    }

    static func looksLikeWebhook(_ value: String) -> Bool {
        let lower = value.lowercased()
        return (lower.hasPrefix("https://") || lower.hasPrefix("http://")) && value.count > "http://".count
    }
}
