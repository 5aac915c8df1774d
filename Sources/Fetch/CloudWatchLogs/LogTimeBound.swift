import Foundation

/// A time given on the command line for a CloudWatch Logs query: ISO-8601 (`2024-03-06T10:00:00Z`,
/// with optional fractional seconds or offset, or a bare date `2024-03-06` meaning midnight UTC), or
/// relative to now (`90s`, `30m`, `2h`, `1d`, `1w` ago). Resolved to the API's epoch milliseconds.
public enum LogTimeBound {
    /// 9999-12-31T23:59:59Z: the last time ISO-8601's four-digit years can name.
    public static let latestEpochSeconds: Double = 253_402_300_799

    public static func millis(from text: String, now: Date) throws -> Int64 {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let epochSeconds: Double
        if let seconds = relativeSeconds(trimmed) {
            epochSeconds = now.timeIntervalSince1970 - seconds
        } else if let date = isoDate(trimmed) {
            epochSeconds = date.timeIntervalSince1970
        } else {
            throw LogTimeBoundError(text: text)
        }
        // CloudWatch Logs keeps times from 1970 on; an age like 999999999999999d would also overflow Int64.
        guard epochSeconds.isFinite, (0...latestEpochSeconds).contains(epochSeconds) else {
            throw LogTimeBoundError(text: text, outOfRange: true)
        }
        return Int64((epochSeconds * 1000).rounded())
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
    /// The text is a time or an age, but one before 1970 or after 9999.
    public var outOfRange: Bool
    public init(text: String, outOfRange: Bool = false) {
        self.text = text
        self.outOfRange = outOfRange
    }
    public var userMessage: String {
        outOfRange
            ? "time out of range: \(text) (it must fall between 1970 and 9999)"
            : "not a time: \(text) (use ISO-8601 like 2024-03-06T10:00:00Z, or an age like 30m, 2h, 1d)"
    }
}
