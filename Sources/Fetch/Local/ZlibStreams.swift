// The only Swift file that calls zlib. Everything else sees `Inflater` / `Deflater` and Swift enums.
import CZlib
import CZlibShim

/// What one `Inflater.inflate` step did.
enum InflateStep: Equatable {
    /// Produced `produced` bytes (possibly 0) and wants more input or more output room.
    case progressed(produced: Int)
    /// A gzip member ended; `produced` bytes were written before its end.
    case memberEnded(produced: Int)
    /// The data is not valid gzip (or is corrupt); zlib's message is in `reason`.
    case failed(produced: Int, reason: String)
}

/// Streaming gzip decompression of one member at a time (`reset()` starts the next member).
///
/// The `z_stream` lives at a fixed heap address: zlib keeps a pointer back to it.
final class Inflater {
    private let stream: UnsafeMutablePointer<z_stream>
    private var initialized = false

    init() throws {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        // 16 + MAX_WBITS: gzip wrapper only (a zlib stream is not a .gz file).
        guard cbt_inflate_init2(stream, 16 + MAX_WBITS) == Z_OK else {
            stream.deallocate()
            throw GzipSetupError.inflateInit
        }
        initialized = true
    }

    deinit {
        if initialized { inflateEnd(stream) }
        stream.deallocate()
    }

    /// Input bytes zlib has not consumed yet.
    var pendingInput: Int { Int(stream.pointee.avail_in) }

    /// Makes `input` the pending input; it must stay valid until `pendingInput` is 0 or new
    /// input is supplied.
    func supply(_ input: UnsafeRawBufferPointer) {
        stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.pointee.avail_in = uInt(input.count)
    }

    /// Drops `count` bytes of the pending input without decoding them (zero padding).
    func skip(_ count: Int) {
        let skipped = min(count, pendingInput)
        stream.pointee.next_in = stream.pointee.next_in.map { $0 + skipped }
        stream.pointee.avail_in -= uInt(skipped)
    }

    /// The next pending input byte, if any.
    var nextInputByte: UInt8? { pendingInput > 0 ? stream.pointee.next_in?.pointee : nil }

    /// Decompresses pending input into `output` (which must not be empty).
    func inflate(output: UnsafeMutableRawBufferPointer) -> InflateStep {
        stream.pointee.next_out = output.baseAddress?.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_out = uInt(output.count)
        let code = CZlib.inflate(stream, Z_NO_FLUSH)
        let produced = output.count - Int(stream.pointee.avail_out)
        switch code {
        case Z_OK, Z_BUF_ERROR:
            return .progressed(produced: produced)
        case Z_STREAM_END:
            return .memberEnded(produced: produced)
        default:
            return .failed(produced: produced, reason: message(code))
        }
    }

    /// Starts a new member after `memberEnded`, keeping the pending input.
    func reset() {
        _ = inflateReset(stream)
    }

    private func message(_ code: Int32) -> String {
        if let text = stream.pointee.msg { return String(cString: text) }
        switch code {
        case Z_NEED_DICT: return "needs a preset dictionary"
        case Z_MEM_ERROR: return "out of memory"
        default: return "zlib error \(code)"
        }
    }
}

/// Streaming gzip compression into caller-supplied output chunks.
final class Deflater {
    private let stream: UnsafeMutablePointer<z_stream>
    private var initialized = false

    init(level: Int32 = 6) throws {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        guard cbt_deflate_init2(stream, level, 16 + MAX_WBITS) == Z_OK else {
            stream.deallocate()
            throw GzipSetupError.deflateInit
        }
        initialized = true
    }

    deinit {
        if initialized { deflateEnd(stream) }
        stream.deallocate()
    }

    /// Compresses `input` (all of it, or finishes the stream when `finish`), handing each filled
    /// piece of `scratch` to `emit`.
    func deflate(_ input: UnsafeRawBufferPointer, finish: Bool, scratch: UnsafeMutableRawBufferPointer,
                 emit: (UnsafeRawBufferPointer) throws -> Void) throws {
        stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.pointee.avail_in = uInt(input.count)
        let flush = finish ? Z_FINISH : Z_NO_FLUSH
        while true {
            stream.pointee.next_out = scratch.baseAddress?.assumingMemoryBound(to: Bytef.self)
            stream.pointee.avail_out = uInt(scratch.count)
            let code = CZlib.deflate(stream, flush)
            let produced = scratch.count - Int(stream.pointee.avail_out)
            if produced > 0 { try emit(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(scratch)[0..<produced])) }
            if code == Z_STREAM_END { return }
            guard code == Z_OK || code == Z_BUF_ERROR else { throw GzipSetupError.deflate(code: code) }
            // Done with this input once zlib took all of it and had room to spare.
            if !finish && stream.pointee.avail_in == 0 && stream.pointee.avail_out > 0 { return }
        }
    }
}

/// zlib refused to start or to compress (out of memory, bad parameters): not input damage.
enum GzipSetupError: UserFacingError {
    case inflateInit
    case deflateInit
    case deflate(code: Int32)

    var userMessage: String {
        switch self {
        case .inflateInit: return "cannot start gzip decompression (zlib initialisation failed)"
        case .deflateInit: return "cannot start gzip compression (zlib initialisation failed)"
        case .deflate(let code): return "gzip compression failed (zlib error \(code))"
        }
    }
}
