import Foundation

/// The prefix the CodeBuild agent puts on its own lines:
/// `[Container] 2024/03/06 10:00:03.123456 ` (microseconds, current agents),
/// `[Container] 2020/05/11 14:02:31 ` (whole seconds, older agents), or `[Instance] …` (builds on
/// an instance rather than in a container). Times are UTC, as the agent writes them.
struct AgentPrefix {
    /// Where the agent's message starts in the line.
    var messageOffset: Int
    /// Microseconds since the epoch; nil when the prefix carries no time.
    var timeMicros: Int64?

    var date: Date? { timeMicros.map { Date(timeIntervalSince1970: Double($0) / 1_000_000) } }

    static let container = Array("[Container] ".utf8)
    static let instance = Array("[Instance] ".utf8)

    /// Recognises the prefix at `offset` (past any console column); nil for any other line.
    @inline(__always)
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> AgentPrefix? {
        // Cheap first test: almost no output line starts with '['.
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: "[") else { return nil }
        var index: Int
        if ByteMatching.hasPrefix(bytes, at: offset, container) {
            index = offset + container.count
        } else if ByteMatching.hasPrefix(bytes, at: offset, instance) {
            index = offset + instance.count
        } else {
            return nil
        }
        guard let (micros, length) = parseTime(bytes, at: index) else {
            return AgentPrefix(messageOffset: index, timeMicros: nil)
        }
        index += length
        return AgentPrefix(messageOffset: index, timeMicros: micros)
    }

    /// `YYYY/MM/DD HH:MM:SS[.ffffff] ` at `offset`: microseconds and the length including the space.
    static func parseTime(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> (Int64, Int)? {
        guard offset >= 0, bytes.count - offset >= 19,
              let year = ByteMatching.digits(bytes, at: offset, count: 4), bytes[offset + 4] == UInt8(ascii: "/"),
              let month = ByteMatching.digits(bytes, at: offset + 5, count: 2), bytes[offset + 7] == UInt8(ascii: "/"),
              let day = ByteMatching.digits(bytes, at: offset + 8, count: 2), bytes[offset + 10] == 0x20,
              let hour = ByteMatching.digits(bytes, at: offset + 11, count: 2), bytes[offset + 13] == UInt8(ascii: ":"),
              let minute = ByteMatching.digits(bytes, at: offset + 14, count: 2), bytes[offset + 16] == UInt8(ascii: ":"),
              let second = ByteMatching.digits(bytes, at: offset + 17, count: 2),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        var index = offset + 19
        var micros = 0
        if index < bytes.count && bytes[index] == UInt8(ascii: ".") {
            index += 1
            var fractionDigits = 0
            while index < bytes.count, bytes[index] >= 0x30 && bytes[index] <= 0x39 {
                if fractionDigits < 6 { micros = micros * 10 + Int(bytes[index] - 0x30) }
                fractionDigits += 1
                index += 1
            }
            guard fractionDigits > 0 else { return nil }
            for _ in fractionDigits..<max(6, fractionDigits) { micros *= 10 }
        }
        // The message follows one space; a line ending right after the time has an empty message.
        if index < bytes.count {
            guard bytes[index] == 0x20 else { return nil }
            index += 1
        }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        return (seconds * 1_000_000 + Int64(micros), index - offset)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
