import Foundation
import XCTest

/// Runs `Tests/Support/metadata_server.py` on a free port of 127.0.0.1 for one test.
///
/// It answers as the container credentials endpoint, IMDSv2 and STS, and records requests
/// (`recordedRequests()`). A missing python3 is an explicit skip with the reason, never a pass.
final class LocalCredentialServer {
    struct RecordedRequest: Decodable {
        var method: String
        var path: String
        var headers: [String: String]
        var body: String
    }

    let process = Process()
    let baseURL: String

    init(containerToken: String? = nil, expirationSeconds: Int = 3600) throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Support/metadata_server.py").path
        guard let python = ["/usr/bin/python3", "/usr/local/bin/python3", "/root/.pyenv/shims/python3"]
            .first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw TestPrerequisiteMissing(description: "python3 not found: the local credential server cannot run")
        }
        var arguments = [script, "--port", "0", "--expiration-seconds", String(expirationSeconds)]
        if let containerToken { arguments += ["--container-token", containerToken] }
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        // The first line is "PORT <n>" once the socket listens.
        var line = Data()
        let handle = output.fileHandleForReading
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self)
        guard text.hasPrefix("PORT "), let port = Int(text.dropFirst(5).prefix { $0.isNumber }) else {
            process.terminate()
            throw TestPrerequisiteMissing(description: "metadata_server.py did not start: \(text)")
        }
        baseURL = "http://127.0.0.1:\(port)"
    }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }

    deinit { stop() }
}
