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

    /// `2024-03-06T10:00:00Z` (fractional seconds and an offset allowed) or a bare date `2024-03-06` (midnight
    /// UTC); nil for anything else, including a day the month does not have (`2024-02-30`, which the formatter
    /// alone would roll over into March).
    public static func isoDate(_ text: String) -> Date? {
        guard calendarDayExists(text) else { return nil }
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

    /// Whether the leading `YYYY-MM-DD` names a real day: it survives a round trip through `CivilTime`.
    private static func calendarDayExists(_ text: String) -> Bool {
        let utf8 = Array(text.utf8.prefix(10))
        guard utf8.count == 10, utf8[4] == UInt8(ascii: "-"), utf8[7] == UInt8(ascii: "-") else { return false }
        func number(_ range: Range<Int>) -> Int? { Int(String(decoding: utf8[range], as: UTF8.self)) }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              (1...12).contains(month), (1...31).contains(day) else { return false }
        let civil = CivilTime(epochSeconds: CivilTime(year: year, month: month, day: day, hour: 0, minute: 0, second: 0).epochSeconds)
        return civil.year == year && civil.month == month && civil.day == day
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
