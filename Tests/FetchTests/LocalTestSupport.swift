@testable import Fetch
import Foundation
import XCTest

/// What a source produced, copied out of the reader's buffers.
struct ReadResult {
    var texts: [String] = []
    var cuts: [Bool] = []
    var timestamps: [Int64?] = []
    var numbers: [Int] = []
    var outcome: ReadOutcome?
}

func readAll(_ source: LineSource) throws -> ReadResult {
    var result = ReadResult()
    result.outcome = try source.readLines { line in
        result.texts.append(line.text)
        result.cuts.append(line.isCut)
        result.timestamps.append(line.timestampMillis)
        result.numbers.append(line.number)
    }
    return result
}

/// A fresh directory under the system temporary directory, removed by `removeScratch`.
func makeScratchDirectory() throws -> String {
    let path = NSTemporaryDirectory() + "cbtriage-local-tests-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

func removeScratch(_ path: String) {
    try? FileManager.default.removeItem(atPath: path)
}

@discardableResult
func writeFile(_ path: String, _ bytes: [UInt8]) throws -> String {
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
}

/// Compresses with the system's `gzip`, an implementation independent of ours.
func systemGzip(_ bytes: [UInt8]) throws -> [UInt8] {
    try runTool("/usr/bin/gzip", ["-c", "-n", "-6"], input: bytes)
}

func systemGunzip(_ bytes: [UInt8]) throws -> [UInt8] {
    try runTool("/usr/bin/gzip", ["-d", "-c"], input: bytes)
}

private func runTool(_ tool: String, _ arguments: [String], input: [UInt8]) throws -> [UInt8] {
    guard FileManager.default.isExecutableFile(atPath: tool) else {
        throw TestPrerequisiteMissing(description: "\(tool) is not installed; gzip fixtures need an independent compressor")
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments = arguments
    let stdin = Pipe()
    let stdout = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    try process.run()
    // Write on another thread so a large input cannot deadlock against a full stdout pipe.
    let writer = Thread {
        stdin.fileHandleForWriting.write(Data(input))
        try? stdin.fileHandleForWriting.close()
    }
    writer.start()
    let output = stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    XCTAssertEqual(process.terminationStatus, 0, "\(tool) \(arguments) failed")
    return [UInt8](output)
}

/// `count` numbered lines, distinct so a lost or repeated line is caught.
func numberedLines(_ count: Int, width: Int = 40) -> [String] {
    (1...count).map { index in
        let head = "line \(index) "
        return head + String(repeating: Character(UnicodeScalar(UInt8(97 + index % 26))), count: max(0, width - head.count))
    }
}

func joinedLines(_ lines: [String]) -> [UInt8] {
    Array((lines.joined(separator: "\n") + "\n").utf8)
}

/// Thrown when something a test needs is missing: the test fails (never skips), with what to install.
struct TestPrerequisiteMissing: Error, CustomStringConvertible { var description: String }
