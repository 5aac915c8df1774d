import FuzzSupport
import Fetch
import Foundation

/// The byte readers end to end, as a file: magic-byte refusal, gzip (zlib), shape detection, the
/// CloudWatch export and `get-log-events` JSON readers, the line splitter. Any input may throw a typed
/// error or read partial; none may crash.
func fuzzLocalInput(_ bytes: UnsafeBufferPointer<UInt8>) -> CInt {
    let start = UnsafeRawPointer(bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!)
    let count = bytes.count
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("cbtriage-fuzz-input-\(getpid())").path
    guard FileManager.default.createFile(atPath: path, contents: Data(bytes: start, count: count)) else { return 0 }
    var lines = 0
    _ = try? LocalLogSource(path: path).readLines { line in
        lines += 1
        precondition(line.number == lines, "line numbers run 1, 2, 3...")
    }
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    fuzzLocalInput(fuzzBytes(data, count))
}

@_cdecl("FuzzLocalInput_main")
public func FuzzLocalInputMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc, argv) { data, count in fuzzLocalInput(fuzzBytes(data, count)) }
}
