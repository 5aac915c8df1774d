import Fetch
import Foundation

/// The period a summary covers: `--since 24h` (ending now) or `--start … --end …`.
struct TimeWindow: Equatable {
    var start: Date
    var end: Date

    var length: TimeInterval { end.timeIntervalSince(start) }

    /// The window of the same length just before this one: what "new failure kinds" compare against.
    var previous: TimeWindow { TimeWindow(start: start.addingTimeInterval(-length), end: start) }

    func contains(_ date: Date) -> Bool { date >= start && date < end }

    /// `--since D` (the window ending `now`) or `--start T --end T`; nil and a reason when the pair is wrong.
    static func resolve(since: String?, start: String?, end: String?, now: Date) -> Result<TimeWindow, WindowChoiceError> {
        switch (since, start, end) {
        case (let since?, nil, nil):
            guard let length = parseDuration(since) else { return .failure(.badDuration(since)) }
            // The window and the one before it (new failure kinds) must both start after 1970.
            guard 2 * length <= now.timeIntervalSince1970 else { return .failure(.durationTooLong(since)) }
            return .success(TimeWindow(start: now.addingTimeInterval(-length), end: now))
        case (nil, let start?, let end?):
            guard let from = parseTime(start) else { return .failure(.badTime(start)) }
            guard let to = parseTime(end) else { return .failure(.badTime(end)) }
            guard from < to else { return .failure(.emptyWindow) }
            return .success(TimeWindow(start: from, end: to))
        default:
            return .failure(.choice)
        }
    }

    /// `90m`, `24h`, `7d`, `2w`: a positive count and a unit.
    static func parseDuration(_ text: String) -> TimeInterval? {
        guard let unit = text.last, let count = Double(text.dropLast()), count > 0, count.isFinite else { return nil }
        switch unit {
        case "m": return count * 60
        case "h": return count * 3600
        case "d": return count * 86_400
        case "w": return count * 604_800
        default: return nil
        }
    }

    /// `2024-03-06T10:00:00Z` (fractional seconds and an offset allowed) or a bare date `2024-03-06` (midnight
    /// UTC): the same reading `fetch --start/--end` gives.
    static func parseTime(_ text: String) -> Date? {
        LogTimeBound.isoDate(text)
    }
}

/// Why `--since` / `--start` / `--end` do not make a window (a usage error).
enum WindowChoiceError: Error, Equatable, CustomStringConvertible {
    case choice
    case badDuration(String)
    case badTime(String)
    case emptyWindow
    case durationTooLong(String)

    var description: String {
        switch self {
        case .choice: return "give --since DURATION, or both --start TIME and --end TIME"
        case .badDuration(let text): return "--since \(text): expected a count and a unit, like 90m, 24h, 7d or 2w"
        case .badTime(let text): return "\(text): expected an ISO-8601 time (2024-03-06T10:00:00Z) or a date (2024-03-06)"
        case .emptyWindow: return "--start must be before --end"
        case .durationTooLong(let text):
            return "--since \(text): too long (the window and the one before it must start after 1970)"
        }
    }
}
