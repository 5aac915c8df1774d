/// One line of a build log, as bytes.
///
/// `bytes` points into the reader's buffer and is valid only during the callback that receives
/// the line: copy what must outlive it. Decode to `String` only what must be shown.
public struct LogLine {
    /// 1-based position of the line in the log as read (after unwrapping export or JSON shapes).
    public var number: Int
    /// The line's content without its line ending (`\n` or `\r\n`) and without any
    /// source-level prefix such as a CloudWatch export timestamp.
    public var bytes: UnsafeBufferPointer<UInt8>
    /// Event time in milliseconds since the epoch when the source carries one
    /// (CloudWatch export lines, GetLogEvents events); nil for a raw log.
    public var timestampMillis: Int64?
    /// The line was longer than the reader's limit: `bytes` holds only its first part.
    public var isCut: Bool

    public init(number: Int, bytes: UnsafeBufferPointer<UInt8>, timestampMillis: Int64? = nil, isCut: Bool = false) {
        self.number = number
        self.bytes = bytes
        self.timestampMillis = timestampMillis
        self.isCut = isCut
    }

    /// The line as text; invalid UTF-8 is replaced by U+FFFD, never a crash.
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}

/// Calls `body` with a `LogLine` over a string's UTF-8 bytes: for tests and small inputs.
public func withLogLine<R>(_ text: String, number: Int = 1, timestampMillis: Int64? = nil,
                           _ body: (LogLine) throws -> R) rethrows -> R {
    var copy = Array(text.utf8)
    return try copy.withUnsafeBufferPointer { buffer in
        try body(LogLine(number: number, bytes: buffer, timestampMillis: timestampMillis))
    }
}
