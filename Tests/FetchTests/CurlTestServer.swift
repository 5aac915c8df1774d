import Foundation
import XCTest

/// Runs `Tests/Support/http_test_server.py` on 127.0.0.1 for one test; stops it on `stop()` or when
/// the test process exits (the server quits when its stdin closes).
final class CurlTestServer {
    struct Ready: Decodable {
        var port: Int
        var closed_port: Int
        var ca_file: String?
    }

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Support/http_test_server.py").path

    let port: Int
    let closedPort: Int
    let caFile: String?
    let scheme: String
    private let process = Process()
    private let input = Pipe()
    private let tlsDirectory: URL?

    init(tls: Bool = false) throws {
        var arguments = ["python3", Self.script]
        if tls {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cbtriage-tls-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            tlsDirectory = directory
            arguments += ["--tls", directory.path]
        } else {
            tlsDirectory = nil
        }
        scheme = tls ? "https" : "http"
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        // The first line is the JSON ready message; EOF before it means the server failed to start.
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        guard let ready = try? JSONDecoder().decode(Ready.self, from: line) else {
            process.terminate()
            throw NSError(domain: "CurlTestServer", code: 1, userInfo: [
                NSLocalizedDescriptionKey: "test server did not start: \(String(decoding: line, as: UTF8.self))",
            ])
        }
        port = ready.port
        closedPort = ready.closed_port
        caFile = ready.ca_file
    }

    func url(_ path: String) -> String { "\(scheme)://127.0.0.1:\(port)\(path)" }

    func stop() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        if let tlsDirectory { try? FileManager.default.removeItem(at: tlsDirectory) }
    }

    deinit {
        if process.isRunning { process.terminate() }
    }
}
