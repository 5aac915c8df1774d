/// The shapes of input that are recognised automatically.
public enum InputShape: String, Codable, Sendable {
    /// A CodeBuild log as the agent writes it (also a console copy, with or without line numbers).
    case raw
    /// A CloudWatch Logs export-to-S3 file: each line led by an ISO-8601 timestamp.
    case cloudwatchExport = "cloudwatch-export"
    /// The JSON that `aws logs get-log-events` / `filter-log-events` print (`events[].message`).
    case logEventsJSON = "log-events-json"
    /// What `aws logs get-log-events --output text` prints: `EVENTS<TAB>timestamp<TAB>message<TAB>ingestionTime`.
    case logEventsText = "log-events-text"
    /// Events fetched from the CloudWatch Logs API by cbtriage itself.
    case cloudwatchLogsAPI = "cloudwatch-logs-api"
}

/// Whether a source was read to its end.
public enum Completeness: Equatable, Sendable {
    case complete
    /// Reading stopped early (a truncated or corrupt gzip file, a page that failed after retries).
    /// What was read before is still analysed; `byteOffset` says where the damage is when known.
    case partial(reason: String, byteOffset: Int64?)

    public var isPartial: Bool { if case .partial = self { return true } else { return false } }
}

/// What reading a whole source produced, besides its lines.
public struct ReadOutcome: Equatable, Sendable {
    public var shape: InputShape
    public var completeness: Completeness
    /// Bytes consumed from the underlying input (compressed bytes for gzip).
    public var bytesRead: Int64
    public var linesRead: Int

    public init(shape: InputShape, completeness: Completeness, bytesRead: Int64, linesRead: Int) {
        self.shape = shape
        self.completeness = completeness
        self.bytesRead = bytesRead
        self.linesRead = linesRead
    }
}

/// Anything that yields a build log line by line, in order, in bounded memory.
public protocol LineSource {
    /// How the user named this input (a path, `-` for stdin, `group/stream` for CloudWatch).
    var displayName: String { get }
    /// Calls `body` once per line, in order. Throws a `UserFacingError` when the input cannot be
    /// read at all; damage after some lines were read is reported as `.partial`, not thrown.
    func readLines(_ body: (LogLine) throws -> Void) throws -> ReadOutcome
    /// `readLines(_:)`, telling `observer` of each block of whole lines before they are handed out, so a
    /// consumer can scan the block once instead of line by line (`BlockObserver`). A source whose lines are
    /// not slices of such blocks (JSON events, API pages) never calls it: the default does not.
    func readLines(observingBlocks observer: BlockObserver?, _ body: (LogLine) throws -> Void) throws -> ReadOutcome
}

/// Told of the reader's buffer in blocks: `block` holds whole lines (with their line endings) that are about to
/// be handed out as slices of it, and stays valid until the observer is called again; an empty block means
/// the last one is gone. A line whose bytes do not lie inside the current block came from elsewhere.
public typealias BlockObserver = (_ block: UnsafeBufferPointer<UInt8>) -> Void

extension LineSource {
    public func readLines(observingBlocks observer: BlockObserver?, _ body: (LogLine) throws -> Void) throws -> ReadOutcome {
        try readLines(body)
    }
}
