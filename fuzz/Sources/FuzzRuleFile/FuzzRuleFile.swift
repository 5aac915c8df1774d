import FuzzSupport
import Analyze

/// The user rule file reader (YAML through Yams, the alias budget, field checks), then compiling what it
/// accepted: a bad file is a typed error, never a crash or a hang.
func fuzzRuleFile(_ bytes: UnsafeBufferPointer<UInt8>) -> CInt {
    let start = UnsafeRawPointer(bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!)
    let count = bytes.count
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    if let rules = try? RuleFile.parse(yaml: text, file: "fuzz.yaml") {
        _ = try? CompiledCatalog(rules: rules)
    }
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    fuzzRuleFile(fuzzBytes(data, count))
}

@_cdecl("FuzzRuleFile_main")
public func FuzzRuleFileMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc, argv) { data, count in fuzzRuleFile(fuzzBytes(data, count)) }
}
