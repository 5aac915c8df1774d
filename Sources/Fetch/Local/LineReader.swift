#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Block sizes and limits for reading local inputs; injectable so tests can force lines across
/// block and inflate-chunk boundaries.
public struct LineReaderOptions: Sendable {
    /// Bytes requested from the input per `read(2)` (decompressed bytes per step for gzip).
    public var blockSize: Int
    /// Longer lines keep their first `maxLineLength` bytes and are marked `isCut`.
    public var maxLineLength: Int
    /// Compressed bytes handed to zlib per step.
    public var inflateChunkSize: Int
    /// Where reading stops with a partial result (`--max-bytes`, `--max-lines`).
    public var limits: InputLimits

    public init(blockSize: Int = 256 * 1024, maxLineLength: Int = 64 * 1024, inflateChunkSize: Int = 256 * 1024,
                limits: InputLimits = .unlimited) {
        self.blockSize = max(1, blockSize)
        self.maxLineLength = max(1, maxLineLength)
        self.inflateChunkSize = max(1, inflateChunkSize)
        self.limits = limits
    }

    public static let standard = LineReaderOptions()
}

/// Cuts a byte stream into lines with `memchr`, in one buffer of `maxLineLength + blockSize` bytes.
///
/// A line ends at `\n`; a `\r` just before it is dropped, a lone `\r` is kept. The last line needs
/// no newline. A line is handed on as a slice of the buffer: no copy, no allocation per line.
struct LineReader {
    let options: LineReaderOptions

    /// Calls `emit(line, isCut)` for every line of `stream`; `onBlock`, when given, first hears of each run of
    /// whole lines in the buffer (see `BlockObserver`) and of its end.
    func run(_ stream: ByteStream, onBlock: BlockObserver? = nil,
             emit: (UnsafeBufferPointer<UInt8>, Bool) throws -> Void) throws {
        let capacity = options.maxLineLength + options.blockSize
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 16)
        defer { buffer.deallocate() }
        guard let base = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
        let limit = options.maxLineLength
        var start = 0
        var end = 0
        // After a cut: drop bytes until the end of the over-long line.
        var skipping = false

        while true {
            if capacity - end < options.blockSize && start > 0 {
                memmove(base, base + start, end - start)
                end -= start
                start = 0
            }
            let room = UnsafeMutableRawBufferPointer(start: base + end, count: min(options.blockSize, capacity - end))
            let count = try stream.read(into: room)
            if count == 0 { break }
            var scan = end
            end += count
            // The whole lines now in the buffer: from the first unread byte to the last newline.
            var observed = false
            if let onBlock, !skipping, let last = Self.lastNewline(base, from: scan, to: end) {
                onBlock(UnsafeBufferPointer(start: base + start, count: last + 1 - start))
                observed = true
            }
            defer { if observed { onBlock?(UnsafeBufferPointer(start: nil, count: 0)) } }
            while scan < end, let found = memchr(base + scan, 0x0A, end - scan) {
                let newline = UnsafeMutableRawPointer(found).assumingMemoryBound(to: UInt8.self) - base
                if skipping {
                    skipping = false
                } else {
                    var lineEnd = newline
                    if lineEnd > start && base[lineEnd - 1] == 0x0D { lineEnd -= 1 }
                    let length = lineEnd - start
                    try emit(UnsafeBufferPointer(start: base + start, count: min(length, limit)), length > limit)
                }
                start = newline + 1
                scan = start
            }
            if skipping {
                start = end
            } else if end - start > limit {
                try emit(UnsafeBufferPointer(start: base + start, count: limit), true)
                skipping = true
                start = end
            }
            if start == end {
                start = 0
                end = 0
            }
        }
        if !skipping && end > start {
            try emit(UnsafeBufferPointer(start: base + start, count: min(end - start, limit)), end - start > limit)
        }
    }

    /// The index of the last `\n` in `base[from..<to]` (the last line ends near the block's end: a short walk back).
    private static func lastNewline(_ base: UnsafeMutablePointer<UInt8>, from: Int, to: Int) -> Int? {
        var index = to - 1
        while index >= from {
            if base[index] == 0x0A { return index }
            index -= 1
        }
        return nil
    }
}
