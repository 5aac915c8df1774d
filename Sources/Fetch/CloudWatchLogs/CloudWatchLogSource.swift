import Foundation

/// A CloudWatch Logs stream read as a build log, through `GetLogEvents` from the stream's head.
///
/// Lines go to the reader as each page arrives, so memory holds one page, never the whole log.
/// An event whose message holds several lines (`\n`, `\r\n`) becomes several lines with the event's
/// timestamp. A page that fails after the first one ends the read as `.partial`: what came before
/// is still analysed. A failure on the first page (no such stream, access denied) is thrown.
public struct CloudWatchLogSource: LineSource {
    public var group: String
    public var stream: String
    public var startTime: Int64?
    public var endTime: Int64?
    /// Events per `GetLogEvents` call; nil for the service's default (up to 10,000 events / 1 MB).
    public var pageSize: Int?
    /// Keep the `\r` of a `\r\n` line end (`cbtriage fetch` writes the events as CloudWatch Logs holds them);
    /// the analysis reads lines without it.
    public var keepsCarriageReturns: Bool
    /// No page is asked for after this moment (a Lambda invocation's deadline, less a margin): the read ends
    /// as `.partial` instead of being killed with nothing reported. The first page is always read.
    public var readsUntil: Date?
    private let client: CloudWatchLogsClient

    public init(client: CloudWatchLogsClient, group: String, stream: String, startTime: Int64? = nil,
                endTime: Int64? = nil, pageSize: Int? = nil, keepsCarriageReturns: Bool = false,
                readsUntil: Date? = nil) {
        self.client = client
        self.readsUntil = readsUntil
        self.keepsCarriageReturns = keepsCarriageReturns
        self.group = group
        self.stream = stream
        self.startTime = startTime
        self.endTime = endTime
        self.pageSize = pageSize
    }

    public var displayName: String { "\(group)/\(stream)" }

    public func readLines(_ body: (LogLine) throws -> Void) throws -> ReadOutcome {
        var pages = client.logEventPages(GetLogEventsRequest(
            logGroupName: group, logStreamName: stream, startTime: startTime, endTime: endTime, limit: pageSize))
        var splitter = EventLineSplitter(keepsCarriageReturns: keepsCarriageReturns)
        var completeness = Completeness.complete
        while true {
            if let readsUntil, pages.pagesRead > 0, Date() >= readsUntil {
                completeness = .partial(reason: "stopped reading before the deadline after \(pages.pagesRead) "
                                        + "GetLogEvents page\(pages.pagesRead == 1 ? "" : "s")", byteOffset: nil)
                break
            }
            let events: [OutputLogEvent]
            do {
                guard let page = try pages.next() else { break }
                events = page
            } catch {
                guard pages.pagesRead > 0 else { throw error }
                if let runaway = error as? PaginationRunawayError {
                    completeness = .partial(reason: runaway.userMessage, byteOffset: nil)
                    break
                }
                let why = (error as? UserFacingError)?.userMessage ?? "request failed"
                completeness = .partial(reason: "GetLogEvents page \(pages.pagesRead + 1) failed: \(why)",
                                        byteOffset: nil)
                break
            }
            for event in events {
                guard var message = event.message else { continue }
                try message.withUTF8 { bytes in
                    try splitter.split(bytes, timestampMillis: event.timestamp, body)
                }
            }
        }
        return ReadOutcome(shape: .cloudwatchLogsAPI, completeness: completeness,
                           bytesRead: splitter.bytesRead, linesRead: splitter.linesDelivered)
    }
}

/// Cuts event messages into lines without copying: each line is a slice of the message's own bytes.
struct EventLineSplitter {
    var keepsCarriageReturns = false
    private(set) var linesDelivered = 0
    private(set) var bytesRead: Int64 = 0

    mutating func split(_ message: UnsafeBufferPointer<UInt8>, timestampMillis: Int64?,
                        _ body: (LogLine) throws -> Void) throws {
        bytesRead += Int64(message.count)
        let newline = UInt8(ascii: "\n")
        var start = 0
        var index = 0
        while index < message.count {
            if message[index] == newline {
                try deliver(message, from: start, to: index, timestampMillis, body)
                start = index + 1
            }
            index += 1
        }
        // A message ending in a newline has no empty line after it; an empty message is one empty line.
        if start < message.count || message.isEmpty {
            try deliver(message, from: start, to: message.count, timestampMillis, body)
        }
    }

    private mutating func deliver(_ message: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int,
                                  _ timestampMillis: Int64?, _ body: (LogLine) throws -> Void) throws {
        var stop = end
        if !keepsCarriageReturns, stop > start, message[stop - 1] == UInt8(ascii: "\r") { stop -= 1 }
        linesDelivered += 1
        let slice = UnsafeBufferPointer(rebasing: message[start..<stop])
        try body(LogLine(number: linesDelivered, bytes: slice, timestampMillis: timestampMillis))
    }
}
