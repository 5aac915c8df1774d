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

    @OptionGroup var webhook: WebhookOptions

    func validate() throws {
        if quiet && format != .text {
            throw ValidationError("--quiet prints one text line per build; it cannot be combined with --format \(format.rawValue).")
        }
        if failOn != nil && failOnAny {
            throw ValidationError("Use either --fail-on SEVERITY or --fail-on-any, not both.")
        }
    }

    /// The webhook URL from `--post` or the variable `--post-env` names; nil when neither was given.
    func webhookURL(environment: [String: String]) throws -> String? {
        try webhook.webhookURL(environment: environment)
    }

    /// Whether `--fail-on`/`--fail-on-any` was given: its verdict needs every input, shown or not.
    var hasGate: Bool { failOnAny || failOn != nil }

    /// Whether the gate set by `--fail-on`/`--fail-on-any` matches these findings.
    func gateMatches(_ findings: [Finding]) -> Bool {
        if failOnAny { return !findings.isEmpty }
        guard let failOn else { return false }
        return findings.contains { $0.severity >= failOn }
    }
}
