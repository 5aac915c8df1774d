import FuzzSupport
import Analyze
import Fetch
import Foundation

/// The whole pipeline (`diagnose`: reader, parser, catalog, ranking, redaction) on arbitrary bytes.
let catalog = try! CompiledCatalog(rules: BuiltinCatalog.rules)

func fuzzAnalyzer(_ bytes: UnsafeBufferPointer<UInt8>) -> CInt {
    let start = UnsafeRawPointer(bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!)
    let count = bytes.count
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("cbtriage-fuzz-analyze-\(getpid())").path
    guard FileManager.default.createFile(atPath: path, contents: Data(bytes: start, count: count)) else { return 0 }
    if let diagnosis = try? diagnose(LocalLogSource(path: path), catalog: catalog) {
        if let root = diagnosis.rootCause { precondition((0...1).contains(root.confidence)) }
    }
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    fuzzAnalyzer(fuzzBytes(data, count))
}

@_cdecl("FuzzAnalyzer_main")
public func FuzzAnalyzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc, argv) { data, count in fuzzAnalyzer(fuzzBytes(data, count)) }
}
