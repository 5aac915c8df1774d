import Foundation
import TestSupport
import XCTest

/// Runs the built `cbtriage` binary as a user would and captures what it prints.
struct CBTriageRun {
    var status: Int32
    var stdout: String
    var stderr: String
    /// Both streams, for assertions that something appears nowhere.
    var everything: String { stdout + "\n" + stderr }
}

/// Thrown, so the test is recorded as failed (never skipped) when the binary was not built.
struct MissingBinary: Error, CustomStringConvertible { var description: String }

enum EndToEnd {
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static var binary: URL { packageRoot.appendingPathComponent(".build/debug/cbtriage") }

    /// The binary must exist: the tests drive it, they do not build it.
    static func requireBinary(file: StaticString = #filePath, line: UInt = #line) throws -> URL {
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw MissingBinary(description: "\(binary.path) is missing: run swift build first")
        }
        return binary
    }

    /// Pinned environment: UTC, no colour, 100 columns, and nothing inherited that could change output.
    /// `directory` is the working directory (the package root by default).
    static func run(_ arguments: [String], stdin: Data? = nil, environment extra: [String: String] = [:],
                    in directory: URL? = nil, file: StaticString = #filePath, line: UInt = #line) throws -> CBTriageRun {
        let process = Process()
        process.executableURL = try requireBinary(file: file, line: line)
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? packageRoot
        process.environment = pinnedEnvironment.merging(extra) { $1 }
        let outPipe = Pipe(), errPipe = Pipe(), inPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        process.standardInput = inPipe
        try process.run()
        if let stdin { inPipe.fileHandleForWriting.write(stdin) }
        try inPipe.fileHandleForWriting.close()
        return collect(process, stdout: outPipe, stderr: errPipe)
    }

    /// UTC, no colour, 100 columns, a fixed PATH and locale: nothing inherited that could change output.
    static let pinnedEnvironment = ["TZ": "UTC", "NO_COLOR": "1", "COLUMNS": "100", "PATH": "/usr/bin:/bin",
                                    "LANG": "C.UTF-8"]

    /// Reads a started child's pipes to their ends concurrently (neither can fill up and stall it), then waits
    /// for it. `stdout` is nil when standard output went elsewhere (a file, `/dev/full`).
    static func collect(_ process: Process, stdout: Pipe?, stderr: Pipe) -> CBTriageRun {
        final class Collected: @unchecked Sendable { var data = Data() }
        let output = Collected()
        let group = DispatchGroup()
        if let stdout {
            group.enter()
            DispatchQueue.global().async {
                output.data = stdout.fileHandleForReading.readDataToEndOfFile()
                group.leave()
            }
        }
        let errData = stderr.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return CBTriageRun(status: process.terminationStatus, stdout: String(decoding: output.data, as: UTF8.self),
                           stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A fresh directory for a test's own inputs, removed when the test ends.
    static func scratchDirectory(for test: XCTestCase) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cbtriage-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    /// Signs of a crash or a Swift runtime trap in stderr.
    static func assertNoBacktrace(_ run: CBTriageRun, file: StaticString = #filePath, line: UInt = #line) {
        for marker in ["Fatal error", "Stack dump", "backtrace", "Current stack trace", "0x0000"] {
            XCTAssertFalse(run.stderr.contains(marker), "stderr shows a crash: \(run.stderr)", file: file, line: line)
        }
        XCTAssertFalse(run.status > 128, "killed by a signal: \(run.status)", file: file, line: line)
    }

    /// Every stderr line is one `cbtriage: ` line.
    static func assertErrorLines(_ run: CBTriageRun, file: StaticString = #filePath, line: UInt = #line) {
        for errorLine in run.stderr.split(separator: "\n") {
            XCTAssertTrue(errorLine.hasPrefix("cbtriage: "), "stray stderr line: \(errorLine)", file: file, line: line)
        }
    }
}
