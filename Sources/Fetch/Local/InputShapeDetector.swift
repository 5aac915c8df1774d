/// Recognises the shape of an input from its first (decompressed) bytes.
///
/// - `{` … `"events"` (or `[` then `{`): the JSON of `aws logs get-log-events` / `filter-log-events`
///   (or its `events` array alone, as `jq .events` prints it).
/// - A first non-empty line led by `2024-03-06T10:00:03.123Z `: a CloudWatch Logs export file.
/// - A first non-empty line led by `EVENTS<TAB>` (or `NEXT…TOKEN<TAB>`): `aws logs get-log-events --output text`.
/// - Anything else is a raw log.
enum InputShapeDetector {
    /// How many leading bytes are inspected.
    static let sniffSize = 8 * 1024

    static func detect(_ prefix: [UInt8]) -> InputShape {
        var index = 0
        // A UTF-8 byte order mark is not content.
        if prefix.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        while index < prefix.count, isJSONWhitespace(prefix[index]) { index += 1 }
        guard index < prefix.count else { return .raw }
        let rest = prefix[index...]
        if rest.first == UInt8(ascii: "{"), contains(rest, Array("\"events\"".utf8)) {
            return .logEventsJSON
        }
        if rest.first == UInt8(ascii: "[") {
            var next = rest.startIndex + 1
            while next < rest.endIndex, isJSONWhitespace(rest[next]) { next += 1 }
            if next < rest.endIndex, rest[next] == UInt8(ascii: "{"), contains(rest, Array("\"message\"".utf8)) {
                return .logEventsJSON
            }
        }
        // Skip blank lines, then look at the first line only.
        var lineStart = prefix.startIndex
        while lineStart < prefix.count, prefix[lineStart] == 0x0A || prefix[lineStart] == 0x0D { lineStart += 1 }
        let available = prefix.count - lineStart
        let parsed = prefix.withUnsafeBufferPointer { buffer in
            ExportTimestamp.parse(UnsafeBufferPointer(rebasing: buffer[lineStart..<lineStart + available]))
        }
        if parsed != nil { return .cloudwatchExport }
        let firstLine = prefix[lineStart...]
        for lead in LogEventsTextLine.leads where firstLine.starts(with: lead) { return .logEventsText }
        return .raw
    }

    private static func isJSONWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    private static func contains(_ haystack: ArraySlice<UInt8>, _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count, let first = needle.first else { return false }
        var index = haystack.startIndex
        let last = haystack.endIndex - needle.count
        while index <= last {
            if haystack[index] == first && haystack[index..<index + needle.count].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }
}

/// The `2024-03-06T10:00:03.123Z ` that leads each line of a CloudWatch Logs export file.
enum ExportTimestamp {
    /// Milliseconds since the epoch and the length of the prefix (timestamp plus one space),
    /// or nil when the line does not start with such a timestamp.
    static func parse(_ line: UnsafeBufferPointer<UInt8>) -> (millis: Int64, length: Int)? {
        // Shortest form: 2024-03-06T10:00:03Z (20 bytes), an empty message.
        guard line.count >= 20 else { return nil }
        func digits(_ from: Int, _ count: Int) -> Int? {
            var value = 0
            for index in from..<from + count {
                let byte = line[index]
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard let year = digits(0, 4), line[4] == UInt8(ascii: "-"), let month = digits(5, 2),
              line[7] == UInt8(ascii: "-"), let day = digits(8, 2), line[10] == UInt8(ascii: "T"),
              let hour = digits(11, 2), line[13] == UInt8(ascii: ":"), let minute = digits(14, 2),
              line[16] == UInt8(ascii: ":"), let second = digits(17, 2),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        guard let fraction = TimestampBytes.fraction(line, at: 19, precision: 3) else { return nil }
        let millis = fraction.value
        var index = fraction.end
        guard index < line.count, line[index] == UInt8(ascii: "Z") else { return nil }
        index += 1
        // The message follows one space; a line holding only the timestamp is an empty message.
        if index < line.count {
            guard line[index] == UInt8(ascii: " ") else { return nil }
            index += 1
        }
        let seconds = TimestampBytes.epochSeconds(year: year, month: month, day: day, hour: hour, minute: minute,
                                                  second: second)
        return (seconds * 1000 + Int64(millis), index)
    }

}
