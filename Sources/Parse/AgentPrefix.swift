import Fetch
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
    /// The same prefixes in a copy that lost the leading `[` (selecting from the console often does).
    static let containerWithoutBracket = Array("Container] ".utf8)
    static let instanceWithoutBracket = Array("Instance] ".utf8)

    /// Recognises the prefix at `offset` (past any console column); nil for any other line.
    @inline(__always)
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> AgentPrefix? {
        // Cheap first test: almost no output line starts with '[', 'C' or 'I'.
        guard offset < bytes.count else { return nil }
        var index: Int
        switch bytes[offset] {
        case UInt8(ascii: "[") where ByteMatching.hasPrefix(bytes, at: offset, container):
            index = offset + container.count
        case UInt8(ascii: "[") where ByteMatching.hasPrefix(bytes, at: offset, instance):
            index = offset + instance.count
        case UInt8(ascii: "C") where ByteMatching.hasPrefix(bytes, at: offset, containerWithoutBracket):
            index = offset + containerWithoutBracket.count
        case UInt8(ascii: "I") where ByteMatching.hasPrefix(bytes, at: offset, instanceWithoutBracket):
            index = offset + instanceWithoutBracket.count
        default:
            return nil
        }
        guard let (micros, length) = parseTime(bytes, at: index) else {
            // Without the `[`, only a line with the agent's time is the agent's.
            if bytes[offset] != UInt8(ascii: "[") { return nil }
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
        guard let fraction = TimestampBytes.fraction(bytes, at: offset + 19, precision: 6) else { return nil }
        let micros = fraction.value
        var index = fraction.end
        // The message follows one space; a line ending right after the time has an empty message.
        if index < bytes.count {
            guard bytes[index] == 0x20 else { return nil }
            index += 1
        }
        let seconds = TimestampBytes.epochSeconds(year: year, month: month, day: day, hour: hour, minute: minute,
                                                  second: second)
        return (seconds * 1_000_000 + Int64(micros), index - offset)
    }

}
