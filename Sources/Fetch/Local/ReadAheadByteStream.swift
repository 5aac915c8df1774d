import Foundation

/// Runs another `ByteStream` (the gzip decoder) on its own thread, a few blocks ahead of the reader, so
/// inflating the next blocks overlaps scanning this one: on two cores a gzip log costs about the larger
/// of the two, not their sum.
///
/// Memory stays bounded: a ring of `blockCount` blocks of `blockSize` bytes. What the inner stream reports
/// (bytes, completeness, a thrown error) reaches the reader in order, after the bytes read before it. A
/// reader that stops early calls `cancel()`: the thread ends after the block it is inflating, never making
/// the reader wait (the thread holds the stream until then, so nothing is freed under it).
final class ReadAheadByteStream: ByteStream {
    private let inner: ByteStream
    private let condition = NSCondition()
    private var blocks: [UnsafeMutableRawBufferPointer]
    /// Bytes in each filled block; `filled` blocks are ready, starting at `readIndex`.
    private var counts: [Int]
    private var readIndex = 0
    private var filled = 0
    /// Bytes of the block at `readIndex` already handed to the reader.
    private var readOffset = 0
    private var producerDone = false
    private var producerError: Error?
    private var cancelled = false
    /// The inner stream's counters as of its last read, copied under the lock by the thread: the reader never
    /// touches the inner stream, which the thread may still be reading after a reader stopped early.
    private var publishedConsumed: Int64
    private var publishedCompleteness: Completeness

    init(inner: ByteStream, blockSize: Int, blockCount: Int = 4) {
        self.inner = inner
        publishedConsumed = inner.bytesConsumed
        publishedCompleteness = inner.completeness
        blocks = (0..<max(blockCount, 2)).map { _ in .allocate(byteCount: max(blockSize, 1), alignment: 16) }
        counts = Array(repeating: 0, count: blocks.count)
        let thread = Thread { self.produce() }
        thread.name = "cbtriage-inflate"
        thread.start()
    }

    deinit {
        for block in blocks { block.deallocate() }
    }

    /// Stops the thread after its current block (the reader will read no more).
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    var bytesConsumed: Int64 {
        condition.lock()
        defer { condition.unlock() }
        return publishedConsumed
    }

    var completeness: Completeness {
        condition.lock()
        defer { condition.unlock() }
        return publishedCompleteness
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard buffer.count > 0 else { return 0 }
        condition.lock()
        defer { condition.unlock() }
        while filled == 0 && !producerDone { condition.wait() }
        guard filled > 0 else {
            if let producerError { throw producerError }
            return 0
        }
        let available = counts[readIndex] - readOffset
        let count = min(available, buffer.count)
        buffer.baseAddress!.copyMemory(from: blocks[readIndex].baseAddress! + readOffset, byteCount: count)
        readOffset += count
        if readOffset == counts[readIndex] {
            readOffset = 0
            readIndex = (readIndex + 1) % blocks.count
            filled -= 1
            condition.broadcast()
        }
        return count
    }

    private func produce() {
        var writeIndex = 0
        while true {
            condition.lock()
            while filled == blocks.count && !cancelled { condition.wait() }
            if cancelled { break }
            condition.unlock()
            // The block at writeIndex is free: the reader is done with it and will not look until published.
            let result = Result { try inner.read(into: blocks[writeIndex]) }
            let consumed = inner.bytesConsumed, completeness = inner.completeness
            condition.lock()
            publishedConsumed = consumed
            publishedCompleteness = completeness
            switch result {
            case .success(let count) where count > 0:
                counts[writeIndex] = count
                writeIndex = (writeIndex + 1) % blocks.count
                filled += 1
                condition.broadcast()
                condition.unlock()
                continue
            case .success:
                break
            case .failure(let error):
                producerError = error
            }
            break
        }
        // The lock is held here (every `break` above leaves the loop holding it).
        producerDone = true
        condition.broadcast()
        condition.unlock()
    }
}
