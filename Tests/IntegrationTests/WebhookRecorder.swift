import Foundation
import XCTest

/// A scripted local webhook (`Tests/Support/webhook_server.py`): answers with the given statuses in turn and
/// records every request it received, one JSON line each. Stopped when the test ends.
struct WebhookRecorder {
    var process: Process
    var port: Int
    var record: URL

    func url(path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    /// One JSON object per request the server received.
    func requests() throws -> [[String: Any]] {
        guard let data = FileManager.default.contents(atPath: record.path) else { return [] }
        return try String(decoding: data, as: UTF8.self).split(separator: "\n").map {
            try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    static func start(statuses: [Int], for test: XCTestCase) throws -> WebhookRecorder {
        let scratch = try EndToEnd.scratchDirectory(for: test)
        let record = scratch.appendingPathComponent("requests.jsonl")
        let (process, port) = try LocalHelperServer.start(script: "webhook_server.py",
                                                          arguments: [record.path] + statuses.map(String.init), for: test)
        return WebhookRecorder(process: process, port: port, record: record)
    }
}
