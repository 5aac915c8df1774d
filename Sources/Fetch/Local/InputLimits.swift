/// How much of one local input is read before cbtriage stops and reports the rest as not read.
///
/// A 5 MB gzip file can hold a gigabyte of empty lines; stdin and a directory can hold anything. The
/// limits end such an input with a partial result (exit 2) that says which limit stopped it, instead
/// of minutes of CPU. A plain file named on the command line has no default limit: its size is there
/// for the user to see. `--max-bytes` / `--max-lines` set both kinds explicitly.
public struct InputLimits: Equatable, Sendable {
    /// Decompressed bytes; nil for no limit.
    public var maxBytes: Int64?
    /// Lines (events, for get-log-events JSON); nil for no limit.
    public var maxLines: Int?
    /// False: the limits apply only when the input turns out to be compressed.
    public var appliesToPlainInput: Bool

    public init(maxBytes: Int64?, maxLines: Int?, appliesToPlainInput: Bool = true) {
        self.maxBytes = maxBytes
        self.maxLines = maxLines
        self.appliesToPlainInput = appliesToPlainInput
    }

    public static let unlimited = InputLimits(maxBytes: nil, maxLines: nil)

    /// 4 GiB or 20 million lines: far beyond a real CodeBuild log (CloudWatch pages it at 10,000 events),
    /// and reached by a bomb of empty lines in seconds.
    public static let defaultMaxBytes: Int64 = 4 << 30
    public static let defaultMaxLines = 20_000_000

    /// For stdin and the files of a directory: nothing says how big they are.
    public static let unseenInput = InputLimits(maxBytes: defaultMaxBytes, maxLines: defaultMaxLines)
    /// For a file named on the command line: limited only if it is compressed.
    public static let namedFile = InputLimits(maxBytes: defaultMaxBytes, maxLines: defaultMaxLines,
                                              appliesToPlainInput: false)

    func isActive(compressed: Bool) -> Bool {
        (maxBytes != nil || maxLines != nil) && (compressed || appliesToPlainInput)
    }
}

/// Thrown inside the line loop when `maxLines` is reached; caught by `LocalLineReading`, never escapes.
struct LineLimitReached: Error {}

/// Delivers at most `limit` bytes of another stream; `exceeded` says whether there was more.
final class LimitedByteStream: ByteStream {
    private let source: ByteStream
    private var remaining: Int64
    private(set) var exceeded = false

    init(source: ByteStream, limit: Int64) {
        self.source = source
        self.remaining = limit
    }

    var bytesConsumed: Int64 { source.bytesConsumed }
    var completeness: Completeness { source.completeness }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard buffer.count > 0 else { return 0 }
        if remaining <= 0 {
            guard !exceeded else { return 0 }
            // One byte more tells "exactly at the limit" from "cut at the limit".
            var probe: UInt8 = 0
            let more = try withUnsafeMutableBytes(of: &probe) { try source.read(into: $0) }
            exceeded = more > 0
            return 0
        }
        let room = UnsafeMutableRawBufferPointer(rebasing: buffer[0..<Int(min(Int64(buffer.count), remaining))])
        let count = try source.read(into: room)
        remaining -= Int64(count)
        return count
    }
}
