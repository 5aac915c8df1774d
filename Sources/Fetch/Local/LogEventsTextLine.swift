/// One line of `aws logs get-log-events --output text` (or `filter-log-events`). The AWS CLI's text output puts an
/// object's fields in key order, so an event is `EVENTS<TAB>ingestionTime<TAB>message<TAB>timestamp` (the AWS CLI
/// reference's example: `EVENTS  1433190494190  Example Event 1  1433190184356`), and for filter-log-events
/// `EVENTS<TAB>eventId<TAB>ingestionTime<TAB>logStreamName<TAB>message<TAB>timestamp`. The paging tokens come as
/// `NEXTFORWARDTOKEN<TAB>…` / `NEXTBACKWARDTOKEN<TAB>…`. A message with a line break continues on lines of its own.
enum LogEventsTextLine {
    static let events = Array("EVENTS\t".utf8)
    static let leads: [[UInt8]] = [events, Array("NEXTFORWARDTOKEN\t".utf8), Array("NEXTBACKWARDTOKEN\t".utf8)]

    enum Parsed {
        /// An event: its message's byte range in the line, and its timestamp.
        case event(message: Range<Int>, timestampMillis: Int64?)
        /// A paging token: not part of the log.
        case token
        /// Anything else: the continuation of a multi-line message, kept as it is.
        case continuation
    }

    static func parse(_ line: UnsafeBufferPointer<UInt8>) -> Parsed {
        if !line.starts(with: events) {
            for lead in leads.dropFirst() where line.starts(with: lead) { return .token }
            return .continuation
        }
        // Fields after EVENTS. Tabs inside a message survive: it is everything between its first field and the last.
        var fields: [Range<Int>] = []
        var start = events.count
        for index in events.count..<line.count where line[index] == 0x09 {
            fields.append(start..<index)
            start = index + 1
        }
        fields.append(start..<line.count)
        guard let last = fields.last, fields.count >= 3, isMillis(line, last) else {
            // A message with a line break: its first line, the timestamp comes at the end of its last line.
            if fields.count >= 2, isMillis(line, fields[0]) {
                return .event(message: fields[1].lowerBound..<line.count, timestampMillis: nil)
            }
            return .continuation
        }
        let messageField: Int
        if isMillis(line, fields[0]) {
            messageField = 1 // get-log-events: ingestionTime, message, timestamp
        } else if fields.count >= 5, isDigits(line, fields[0]), isMillis(line, fields[1]) {
            messageField = 3 // filter-log-events: eventId, ingestionTime, logStreamName, message, timestamp
        } else {
            return .continuation
        }
        let message = fields[messageField].lowerBound..<(last.lowerBound - 1)
        return .event(message: message, timestampMillis: millis(line, last))
    }

    /// The last line of a multi-line message ends with `<TAB>timestamp`: the message's length and that timestamp.
    static func endOfContinuedMessage(_ line: UnsafeBufferPointer<UInt8>) -> (length: Int, timestampMillis: Int64?)? {
        guard let tab = line.lastIndex(of: 0x09), isMillis(line, (tab + 1)..<line.count) else { return nil }
        return (tab, millis(line, (tab + 1)..<line.count))
    }

    private static func isDigits(_ line: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        !range.isEmpty && range.allSatisfy { line[$0] >= 0x30 && line[$0] <= 0x39 }
    }

    private static func isMillis(_ line: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        (10...16).contains(range.count) && isDigits(line, range)
    }

    private static func millis(_ line: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int64? {
        var value: Int64 = 0
        for index in range {
            let (product, overflow) = value.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            value = product + Int64(line[index] - 0x30)
        }
        return value
    }
}
