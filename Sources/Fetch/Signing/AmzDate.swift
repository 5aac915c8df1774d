import Foundation

/// `X-Amz-Date` formatting (`YYYYMMDD'T'HHMMSS'Z'`, UTC) without a DateFormatter: no locale, no
/// time zone database, same answer on every machine.
public enum AmzDate {
    /// `20150830T123600Z` for 2015-08-30 12:36:00 UTC. Fractions of a second are dropped.
    public static func string(from date: Date) -> String {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        let civil = CivilTime(epochSeconds: seconds)
        return pad(civil.year, 4) + pad(civil.month, 2) + pad(civil.day, 2) + "T"
            + pad(civil.hour, 2) + pad(civil.minute, 2) + pad(civil.second, 2) + "Z"
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
