import ArgumentParser
import Fetch
import Foundation

/// One `--api-rate OPERATION=N` (or an entry of `CBTRIAGE_API_RATES`, comma-separated): the requests per second
/// per account and Region cbtriage allows itself for that API. `N` is a positive number; `off` (or 0) removes the
/// limit, leaving only the adaptive slowing that a throttle starts.
struct APIRateSetting: Equatable {
    static let maximum = 10_000.0
    static let environmentVariable = "CBTRIAGE_API_RATES"

    var operation: String
    var perSecond: Double?

    /// Parses `GetLogEvents=10`; the message says what is accepted.
    static func parse(_ text: String) throws -> APIRateSetting {
        let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        let usage = "expected OPERATION=N with N a number of requests per second (0 < N ≤ 10000) or off, e.g. GetLogEvents=10"
        guard parts.count == 2, !parts[0].isEmpty, parts[0].allSatisfy({ $0.isLetter || $0.isNumber }) else {
            throw ValidationError("invalid API rate '\(text)': \(usage)")
        }
        if parts[1] == "off" || parts[1] == "0" { return APIRateSetting(operation: parts[0], perSecond: nil) }
        guard let value = Double(parts[1]), value.isFinite, value > 0, value <= maximum else {
            throw ValidationError("invalid API rate '\(text)': \(usage)")
        }
        return APIRateSetting(operation: parts[0], perSecond: value)
    }

    /// The environment's settings first, then the flags' (a flag wins over the environment).
    static func resolve(flags: [String], environment: [String: String]) throws -> [APIRateSetting] {
        let fromEnvironment = (environment[environmentVariable] ?? "").split(separator: ",").map(String.init)
            .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        return try (fromEnvironment + flags).map(parse)
    }

    /// Applies the settings to the process's shared limits.
    static func apply(_ settings: [APIRateSetting], to limits: APIRateLimits = .shared) {
        for setting in settings { limits.setQuota(setting.perSecond, operation: setting.operation) }
    }
}
