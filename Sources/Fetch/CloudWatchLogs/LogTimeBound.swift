import Foundation

/// A time given on the command line for a CloudWatch Logs query: ISO-8601 (`2024-03-06T10:00:00Z`,
/// with optional fractional seconds or offset, or a bare date `2024-03-06` meaning midnight UTC), or
/// relative to now (`90s`, `30m`, `2h`, `1d`, `1w` ago). Resolved to the API's epoch milliseconds.
public enum LogTimeBound {
    public static func millis(from text: String, now: Date) throws -> Int64 {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let seconds = relativeSeconds(trimmed) {
            return Int64((now.timeIntervalSince1970 - seconds) * 1000)
        }
        if let date = isoDate(trimmed) {
            return Int64((date.timeIntervalSince1970 * 1000).rounded())
        }
        throw LogTimeBoundError(text: text)
    }

    /// `2h` -> 7200; nil when the text is not a number followed by one unit letter.
    private static func relativeSeconds(_ text: String) -> Double? {
        guard let unit = text.last, let amount = Int(text.dropLast()), amount >= 0 else { return nil }
        switch unit {
        case "s": return Double(amount)
        case "m": return Double(amount) * 60
        case "h": return Double(amount) * 3_600
        case "d": return Double(amount) * 86_400
        case "w": return Double(amount) * 604_800
        default: return nil
        }
    }

    private static func isoDate(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        for options: ISO8601DateFormatter.Options in [
            [.withInternetDateTime, .withFractionalSeconds], [.withInternetDateTime], [.withFullDate],
        ] {
            formatter.formatOptions = options
            formatter.timeZone = TimeZone(identifier: "UTC")
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }
}

public struct LogTimeBoundError: UserFacingError, Equatable {
    public var text: String
    public init(text: String) { self.text = text }
    public var userMessage: String {
        "not a time: \(text) (use ISO-8601 like 2024-03-06T10:00:00Z, or an age like 30m, 2h, 1d)"
    }
}
