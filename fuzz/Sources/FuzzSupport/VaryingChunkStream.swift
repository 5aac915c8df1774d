@testable import Fetch

/// Hands out its bytes in reads of the given sizes, in turn (a pipe or socket delivering odd pieces).
public final class VaryingChunkStream: ByteStream {
    private let bytes: [UInt8]
    private let sizes: [Int]
    private var position = 0
    private var reads = 0

    public init(bytes: [UInt8], sizes: [Int]) {
        self.bytes = bytes
        self.sizes = sizes
    }

    public var bytesConsumed: Int64 { Int64(position) }
    public var completeness: Completeness { .complete }

    public func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let count = min(bytes.count - position, buffer.count, sizes[reads % sizes.count])
        reads += 1
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { source in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[position..<position + count]))
        }
        position += count
        return count
    }
}
