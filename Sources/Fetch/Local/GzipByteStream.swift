/// Decompresses a gzip stream read from another `ByteStream`, in bounded memory.
///
/// - Multi-member files (`cat a.gz b.gz`, S3 exports): after a member ends the decoder resets and
///   goes on with the next one, also when a member ends exactly at the end of an input chunk.
/// - Zero bytes after a complete member, up to the end of the input (padding left by tape and
///   block tools), are treated as the end of the data: the result is complete.
/// - Anything else that is not a member (garbage after the end, data after zero padding, a corrupt
///   block, a file cut short) ends decoding: what was decompressed before the damage is still
///   delivered, and `completeness` is `.partial` with the compressed offset of the damage.
final class GzipByteStream: ByteStream {
    private let source: ByteStream
    private let inflater: Inflater
    private let input: UnsafeMutableRawBufferPointer
    /// Bytes in `input` from the latest read of `source`.
    private var inputFilled = 0
    /// Compressed bytes consumed from `source` before the current `input` chunk.
    private var offsetOfChunk: Int64 = 0
    private var state = State.inMember
    /// The last inflate filled the whole output buffer, so zlib may hold more output (the rest of a match,
    /// bits already read) that needs no more input: it is drained before more input is read or the end declared.
    private var outputMayBePending = false
    private(set) var completeness: Completeness = .complete

    private enum State {
        case inMember
        /// A member ended; the next bytes decide: a new member, zero padding, or garbage.
        case betweenMembers(sawPadding: Bool)
        case finished
    }

    init(source: ByteStream, chunkSize: Int) throws {
        self.source = source
        self.inflater = try Inflater()
        self.input = .allocate(byteCount: max(1, chunkSize), alignment: 1)
    }

    deinit {
        input.deallocate()
    }

    var bytesConsumed: Int64 { source.bytesConsumed }

    /// Compressed offset of the next byte zlib has not consumed.
    private var position: Int64 { offsetOfChunk + Int64(inputFilled - inflater.pendingInput) }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard buffer.count > 0 else { return 0 }
        while true {
            switch state {
            case .finished:
                return 0
            case .betweenMembers(let sawPadding):
                if try !startNextMember(sawPadding: sawPadding) { return 0 }
            case .inMember:
                if inflater.pendingInput == 0 && !outputMayBePending {
                    guard try refill() else {
                        finish(damage: "gzip data ends unexpectedly (truncated file)")
                        return 0
                    }
                }
                let step = inflater.inflate(output: buffer)
                if case .progressed(let produced) = step {
                    outputMayBePending = produced == buffer.count
                } else {
                    outputMayBePending = false
                }
                switch step {
                case .progressed(let produced):
                    if produced > 0 { return produced }
                case .memberEnded(let produced):
                    state = .betweenMembers(sawPadding: false)
                    if produced > 0 { return produced }
                case .failed(let produced, let reason):
                    finish(damage: "corrupt gzip data: \(reason)")
                    return produced
                }
            }
        }
    }

    /// Reads the next compressed chunk and supplies it to zlib; false at the end of the source
    /// (or at a read error, which the source records in its own completeness).
    private func refill() throws -> Bool {
        offsetOfChunk += Int64(inputFilled)
        inputFilled = 0
        inputFilled = try source.read(into: input)
        inflater.supply(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(input)[0..<inputFilled]))
        return inputFilled > 0
    }

    /// Skips zero padding; true when another member starts (the decoder is reset for it).
    private func startNextMember(sawPadding: Bool) throws -> Bool {
        var sawPadding = sawPadding
        while true {
            if inflater.pendingInput == 0 {
                guard try refill() else {
                    finish(damage: nil)
                    return false
                }
            }
            while inflater.nextInputByte == 0 {
                inflater.skip(1)
                sawPadding = true
            }
            guard let next = inflater.nextInputByte else { continue }
            if sawPadding {
                finish(damage: "data after zero padding that follows a gzip member")
                return false
            }
            if next != 0x1f {
                finish(damage: "data after the last gzip member is not gzip")
                return false
            }
            inflater.reset()
            state = .inMember
            return true
        }
    }

    private func finish(damage: String?) {
        state = .finished
        if let damage, completeness == .complete {
            completeness = .partial(reason: damage, byteOffset: position)
        }
        // A read error in the source outranks what it did to the gzip stream.
        if source.completeness.isPartial { completeness = source.completeness }
    }
}
