import FuzzSupport
@testable import Fetch

/// The `get-log-events` JSON scanner alone, fed in chunks whose sizes come from the input; asserts the
/// lines (bytes, timestamp, cut flag) and the damage are those of one whole-buffer run, whatever the chunks.
struct ScannedLine: Equatable {
    var bytes: [UInt8]
    var timestamp: Int64?
    var isCut: Bool
}

func scan(_ stream: ByteStream, blockSize: Int, maxLineLength: Int, messageLimit: Int) -> ([ScannedLine], Completeness) {
    var lines: [ScannedLine] = []
    let scanner = LogEventsJSONScanner(maxLineLength: maxLineLength, messageLimit: messageLimit) { bytes, stamp, cut in
        lines.append(ScannedLine(bytes: Array(bytes), timestamp: stamp, isCut: cut))
    }
    do { try scanner.run(stream, blockSize: blockSize) } catch { preconditionFailure("the scanner threw \(error)") }
    return (lines, scanner.damage)
}

func fuzzLogEventsJSON(_ bytes: UnsafeBufferPointer<UInt8>) -> CInt {
    let input = Array(bytes)
    let sizes = fuzzChunkSizes(input)
    // Small limits too, so cut lines and early hand-on of long messages are reached.
    let maxLineLength = sizes[0] > 8 ? 65_536 : sizes[0] * 4
    let messageLimit = sizes[1] > 8 ? 1 << 20 : sizes[1] * 8
    let whole = scan(MemoryByteStream(bytes: input, step: max(1, input.count)), blockSize: max(1, input.count),
                     maxLineLength: maxLineLength, messageLimit: messageLimit)
    let chunked = scan(VaryingChunkStream(bytes: input, sizes: sizes), blockSize: sizes[2],
                       maxLineLength: maxLineLength, messageLimit: messageLimit)
    precondition(whole.0 == chunked.0, "lines differ with chunks \(sizes): \(whole.0.count) vs \(chunked.0.count)")
    precondition(whole.1 == chunked.1, "damage differs with chunks \(sizes): \(whole.1) vs \(chunked.1)")
    for line in whole.0 { precondition(line.bytes.count <= maxLineLength && !line.bytes.contains(0x0A)) }
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    fuzzLogEventsJSON(fuzzBytes(data, count))
}

@_cdecl("FuzzLogEventsJSON_main")
public func FuzzLogEventsJSONMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc, argv) { data, count in fuzzLogEventsJSON(fuzzBytes(data, count)) }
}
