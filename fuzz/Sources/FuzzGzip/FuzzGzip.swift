import FuzzSupport
@testable import Fetch

/// The gzip reader on arbitrary bytes read in tiny pieces (compressed chunks, zlib input buffer and output
/// reads, sizes from the input): it must end, and deliver what one whole-buffer run delivers. Then a round
/// trip: the input compressed with `GzipCompression` as 1-3 members and read back in pieces is the input.
func inflate(_ source: ByteStream, chunkSize: Int, readSizes: [Int]) -> ([UInt8], Completeness) {
    guard let stream = try? GzipByteStream(source: source, chunkSize: chunkSize) else {
        preconditionFailure("zlib could not be set up")
    }
    var output: [UInt8] = []
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 1)
    defer { buffer.deallocate() }
    var reads = 0
    while true {
        let size = min(buffer.count, readSizes[reads % readSizes.count])
        reads += 1
        let count: Int
        do { count = try stream.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[0..<size])) } catch {
            preconditionFailure("the gzip reader threw \(error)")
        }
        if count == 0 { break }
        output.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
        precondition(output.count <= 64 << 20, "output stays bounded")
    }
    return (output, stream.completeness)
}

func fuzzGzip(_ bytes: UnsafeBufferPointer<UInt8>) -> CInt {
    let input = Array(bytes)
    let sizes = fuzzChunkSizes(input, count: 6)
    let whole = inflate(MemoryByteStream(bytes: input, step: max(1, input.count)), chunkSize: 1 << 16, readSizes: [1 << 16])
    let pieces = inflate(VaryingChunkStream(bytes: input, sizes: Array(sizes[0..<3])), chunkSize: sizes[3],
                         readSizes: Array(sizes[3...]))
    precondition(whole.0 == pieces.0, "output differs with chunks \(sizes): \(whole.0.count) vs \(pieces.0.count) bytes")
    precondition(whole.1.isPartial == pieces.1.isPartial, "completeness differs with chunks \(sizes): \(whole.1) vs \(pieces.1)")

    // Round trip, the input cut into 1-3 members.
    let members = 1 + Int(input.first ?? 0) % 3
    var cuts = [0]
    for index in 1..<members { cuts.append(input.count * index / members) }
    cuts.append(input.count)
    var compressed: [UInt8] = []
    for index in 0..<members {
        guard let member = try? GzipCompression.compress(Array(input[cuts[index]..<cuts[index + 1]])) else {
            preconditionFailure("compression failed")
        }
        compressed += member
    }
    let back = inflate(VaryingChunkStream(bytes: compressed, sizes: Array(sizes[0..<3])), chunkSize: sizes[3],
                       readSizes: Array(sizes[3...]))
    precondition(back.0 == input, "round trip through \(members) member(s) changed the bytes")
    precondition(back.1 == .complete, "round trip read as \(back.1)")
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    fuzzGzip(fuzzBytes(data, count))
}

@_cdecl("FuzzGzip_main")
public func FuzzGzipMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc, argv) { data, count in fuzzGzip(fuzzBytes(data, count)) }
}
