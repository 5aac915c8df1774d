import Foundation
import XCTest

/// A Python test server from Tests/Support (webhook, Lambda Runtime API stand-in): started with its arguments,
/// stopped when the test ends; it prints the port it listens on as its first line.
enum LocalHelperServer {
    static func start(script: String, arguments: [String], for test: XCTestCase) throws -> (process: Process, port: Int) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", EndToEnd.packageRoot.appendingPathComponent("Tests/Support/\(script)").path]
            + arguments
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        test.addTeardownBlock {
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
        }
        var portText = ""
        while !portText.hasSuffix("\n") {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            portText += String(decoding: chunk, as: UTF8.self)
        }
        let port = try XCTUnwrap(Int(portText.trimmingCharacters(in: .whitespacesAndNewlines)), "\(script) did not start")
        return (process, port)
    }
}
