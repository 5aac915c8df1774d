#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A source of raw bytes read in blocks: a file descriptor, or a gzip decoder over one.
///
/// `read(into:)` fills part of the buffer and returns the count, 0 at the end. Damage found after
/// some bytes were delivered ends the stream early and is reported in `completeness`, not thrown.
protocol ByteStream: AnyObject {
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
    /// Bytes consumed from the underlying input so far (compressed bytes for gzip).
    var bytesConsumed: Int64 { get }
    var completeness: Completeness { get }
}

/// Reads a file descriptor with `read(2)`. Does not own the descriptor unless told to.
final class FileDescriptorStream: ByteStream {
    private let fd: Int32
    private let closesOnDeinit: Bool
    private let displayName: String
    private(set) var bytesConsumed: Int64 = 0
    private(set) var completeness: Completeness = .complete
    /// `read(2)` returned 0 once: the end. Never asked again — on a terminal each further read would wait for
    /// another Ctrl-D, so `cbtriage -` typed by hand would need two or three to finish.
    private var reachedEnd = false

    init(fd: Int32, displayName: String, closesOnDeinit: Bool) {
        self.fd = fd
        self.displayName = displayName
        self.closesOnDeinit = closesOnDeinit
    }

    deinit {
        if closesOnDeinit { _ = close(fd) }
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard completeness == .complete, !reachedEnd, let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            #if canImport(Glibc)
            let count = Glibc.read(fd, base, buffer.count)
            #else
            let count = Darwin.read(fd, base, buffer.count)
            #endif
            if count >= 0 {
                bytesConsumed += Int64(count)
                if count == 0 { reachedEnd = true }
                return count
            }
            let code = errno
            if code == EINTR { continue }
            // Nothing read yet: the input cannot be read at all. Otherwise keep what was read.
            if bytesConsumed == 0 {
                if code == EISDIR { throw LocalInputError.isDirectory(path: displayName) }
                throw LocalInputError.readFailed(path: displayName, reason: errnoText(code))
            }
            completeness = .partial(reason: "read error: \(errnoText(code))", byteOffset: bytesConsumed)
            return 0
        }
    }
}

/// Replays bytes already read (for sniffing a format) before continuing with the rest of a stream.
final class ReplayStream: ByteStream {
    private var prefix: [UInt8]
    private var prefixPosition = 0
    private let rest: ByteStream

    init(prefix: [UInt8], rest: ByteStream) {
        self.prefix = prefix
        self.rest = rest
    }

    var bytesConsumed: Int64 { rest.bytesConsumed }
    var completeness: Completeness { rest.completeness }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let remaining = prefix.count - prefixPosition
        if remaining > 0 {
            let count = min(remaining, buffer.count)
            prefix.withUnsafeBytes { bytes in
                buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[prefixPosition..<prefixPosition + count]))
            }
            prefixPosition += count
            if prefixPosition == prefix.count { prefix = [] ; prefixPosition = 0 }
            return count
        }
        return try rest.read(into: buffer)
    }
}

extension ByteStream {
    /// Reads until `count` bytes are gathered or the stream ends; returns what was read.
    func readPrefix(upTo count: Int) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        try bytes.withUnsafeMutableBytes { buffer in
            while filled < count {
                let got = try read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]))
                if got == 0 { break }
                filled += got
            }
        }
        bytes.removeLast(count - filled)
        return bytes
    }
}
