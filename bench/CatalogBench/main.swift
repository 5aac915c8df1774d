// Times the whole Analyze path (PhaseParser + Analyzer) over a plain log file, with the built-in
// catalog plus N synthetic rules, to show how cost grows with catalog size. Used by bench/catalog-scale.sh.
//
//   CatalogBench LOG [--synthetic N [--synthetic-common-every K]] [--runs K] [--no-prefilter]
import Analyze
import Fetch
import Foundation
import Parse

/// Reads a plain file in 1 MiB chunks and hands out lines without copying them.
struct PlainFileLines: LineSource {
    let path: String
    var displayName: String { path }

    func readLines(_ body: (LogLine) throws -> Void) throws -> ReadOutcome {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw BenchError(message: "cannot open \(path)") }
        defer { try? handle.close() }
        var pending: [UInt8] = []
        var number = 0
        var bytesRead: Int64 = 0
        func emit(_ buffer: UnsafeBufferPointer<UInt8>) throws {
            number += 1
            var line = buffer
            if let last = line.last, last == 0x0D { line = UnsafeBufferPointer(rebasing: line.dropLast()) }
            try body(LogLine(number: number, bytes: line))
        }
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            bytesRead += Int64(chunk.count)
            pending.append(contentsOf: chunk)
            var start = 0
            try pending.withUnsafeBufferPointer { buffer in
                for index in 0..<buffer.count where buffer[index] == 0x0A {
                    try emit(UnsafeBufferPointer(rebasing: buffer[start..<index]))
                    start = index + 1
                }
            }
            pending.removeFirst(start)
        }
        if !pending.isEmpty { try pending.withUnsafeBufferPointer { try emit($0) } }
        return ReadOutcome(shape: .raw, completeness: .complete, bytesRead: bytesRead, linesRead: number)
    }
}

struct BenchError: UserFacingError {
    let message: String
    var userMessage: String { message }
}

func option(_ name: String) -> String? {
    guard let index = CommandLine.arguments.firstIndex(of: name), index + 1 < CommandLine.arguments.count else { return nil }
    return CommandLine.arguments[index + 1]
}

do {
    guard CommandLine.arguments.count >= 2 else { throw BenchError(message: "usage: CatalogBench LOG [--synthetic N] [--runs K] [--no-prefilter]") }
    let path = CommandLine.arguments[1]
    let synthetic = Int(option("--synthetic") ?? "0") ?? 0
    let runs = max(Int(option("--runs") ?? "3") ?? 3, 1)
    let prefilter = !CommandLine.arguments.contains("--no-prefilter")
    let commonEvery = Int(option("--synthetic-common-every") ?? "0") ?? 0
    let rules = BuiltinCatalog.rules + SyntheticRules.make(count: synthetic, commonEvery: commonEvery)
    let catalog = try CompiledCatalog(rules: rules, checks: CheckKind.builtin, usesPrefilter: prefilter)
    let source = PlainFileLines(path: path)
    var times: [Double] = []
    var diagnosis: Diagnosis?
    for _ in 0..<(runs + 1) { // the first run warms the page cache and is not counted
        let start = DispatchTime.now().uptimeNanoseconds
        diagnosis = try diagnose(source, catalog: catalog)
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    let counted = times.dropFirst().sorted()
    let median = counted[counted.count / 2]
    let megabytes = Double(diagnosis?.source.bytesRead ?? 0) / 1_048_576
    func fixed(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }
    print("rules=\(rules.count) checks=\(CheckKind.builtinRules.count) prefilter=\(prefilter ? "on" : "off")"
        + " lines=\(diagnosis?.source.linesRead ?? 0) MiB=\(fixed(megabytes, 1)) median_s=\(fixed(median, 3))"
        + " min_s=\(fixed(counted.first ?? 0, 3)) MiB_per_s=\(fixed(megabytes / median, 1))"
        + " root=\(diagnosis?.rootCause?.ruleId ?? "none")")
} catch let error as UserFacingError {
    FileHandle.standardError.write(Data("CatalogBench: \(error.userMessage)\n".utf8))
    exit(1)
} catch {
    FileHandle.standardError.write(Data("CatalogBench: \(error)\n".utf8))
    exit(1)
}
