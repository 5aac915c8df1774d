import Foundation

/// Parses the `Date` response header (RFC 9110 IMF-fixdate, `Sun, 06 Nov 1994 08:49:37 GMT`) to
/// measure the local clock's skew. No DateFormatter: no locale, no time-zone database.
enum HTTPDate {
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    static func parse(_ text: String) -> Date? {
        // Tolerate a missing weekday and repeated spaces.
        var fields = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        if let first = fields.first, first.hasSuffix(",") { fields.removeFirst() }
        guard fields.count == 5, fields[4].uppercased() == "GMT" || fields[4].uppercased() == "UTC",
              let day = Int(fields[0]), (1...31).contains(day),
              let monthIndex = months.firstIndex(of: fields[1].lowercased()),
              let year = Int(fields[2]), (1970...9999).contains(year) else {
            return nil
        }
        let time = fields[3].split(separator: ":").map { Int($0) }
        guard time.count == 3, let hour = time[0], let minute = time[1], let second = time[2],
              (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second) else {
            return nil
        }
        let civil = CivilTime(year: year, month: monthIndex + 1, day: day, hour: hour, minute: minute, second: second)
        return Date(timeIntervalSince1970: TimeInterval(civil.epochSeconds))
    }
}
