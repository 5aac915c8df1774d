import FuzzSupport
import Fetch

/// The INI parser behind `~/.aws/config` and `~/.aws/credentials`, and the shared config built from it.
func fuzzINI(_ bytes: UnsafeBufferPointer<UInt8>) -> CInt {
    let start = UnsafeRawPointer(bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!)
    let count = bytes.count
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    _ = try? INIParser.parse(text, path: "fuzz-config")
    _ = try? SharedConfig.parse(configText: text, credentialsText: text)
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    fuzzINI(fuzzBytes(data, count))
}

@_cdecl("FuzzINI_main")
public func FuzzINIMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc, argv) { data, count in fuzzINI(fuzzBytes(data, count)) }
}
