import FuzzSupport
import Fetch
import Parse

/// The phase parser on arbitrary lines (the input split on `\n`): every context it hands out must point at
/// a phase and a command that exist in the model it returns.
final class CheckingSink: BuildEventSink {
    var contexts: [LineContext] = []
    func consume(_ line: LogLine, context: LineContext) { contexts.append(context) }
}

func fuzzPhaseParser(_ bytes: UnsafeBufferPointer<UInt8>) -> CInt {
    let start = UnsafeRawPointer(bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!)
    let count = bytes.count
    let bytes = UnsafeBufferPointer(start: start.assumingMemoryBound(to: UInt8.self), count: count)
    let sink = CheckingSink()
    let parser = PhaseParser(sink: sink)
    var number = 0
    for piece in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
        number += 1
        parser.consume(LogLine(number: number, bytes: UnsafeBufferPointer(rebasing: piece)))
    }
    let model = parser.finish()
    for context in sink.contexts {
        if let phase = context.phaseIndex { precondition(model.phases.indices.contains(phase)) }
        if let command = context.command { precondition(model.command(at: command) != nil) }
    }
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    fuzzPhaseParser(fuzzBytes(data, count))
}

@_cdecl("FuzzPhaseParser_main")
public func FuzzPhaseParserMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc, argv) { data, count in fuzzPhaseParser(fuzzBytes(data, count)) }
}
