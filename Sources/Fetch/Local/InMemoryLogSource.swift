/// A build log held in memory, read through exactly the pipeline a file goes through (compression
/// refused or inflated by magic bytes, shape detection, export timestamps, JSON events, limits).
/// `cbtriage rules test` and the catalog harness feed rule examples through it, so an example is proven
/// the way a user's file is read — in read steps as small as `options.blockSize` if asked.
public struct InMemoryLogSource: LineSource {
    public let bytes: [UInt8]
    public let displayName: String
    public let options: LineReaderOptions

    public init(bytes: [UInt8], displayName: String, options: LineReaderOptions = .standard) {
        self.bytes = bytes
        self.displayName = displayName
        self.options = options
    }

    public func readLines(_ body: (LogLine) throws -> Void) throws -> ReadOutcome {
        try readLines(observingBlocks: nil, body)
    }

    public func readLines(observingBlocks observer: BlockObserver?, _ body: (LogLine) throws -> Void) throws -> ReadOutcome {
        try LocalLineReading.readLines(from: MemoryByteStream(bytes: bytes, step: options.blockSize),
                                       name: displayName, options: options, observingBlocks: observer, body)
    }
}

/// Hands out a byte array at most `step` bytes per read, as a slow pipe would.
final class MemoryByteStream: ByteStream {
    private let bytes: [UInt8]
    private let step: Int
    private var position = 0

    init(bytes: [UInt8], step: Int) {
        self.bytes = bytes
        self.step = max(1, step)
    }

    var bytesConsumed: Int64 { Int64(position) }
    var completeness: Completeness { .complete }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let count = min(bytes.count - position, buffer.count, step)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { source in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[position..<position + count]))
        }
        position += count
        return count
    }
}
