import Foundation
import XCTest

/// Tests/Support/lambda_runtime_api.py: the Runtime API endpoints `cbtriage lambda` uses, serving a queue of
/// invocations and recording what the runtime posts back. It closes the connection of the `next` call that
/// finds the queue empty and exits, which ends the runtime's loop.
struct LambdaRuntimeStandIn {
    struct Invocation {
        var event: Data
        /// From the moment it is handed over; negative: already past.
        var deadlineInSeconds: Double = 60
    }

    var process: Process
    var port: Int
    var record: URL

    /// `AWS_LAMBDA_RUNTIME_API`.
    var host: String { "127.0.0.1:\(port)" }

    /// One JSON object per call recorded: `kind` (response, error, initError, drained), `requestId`,
    /// `errorType`, `body`.
    func records() throws -> [[String: Any]] {
        guard let data = FileManager.default.contents(atPath: record.path) else { return [] }
        return try String(decoding: data, as: UTF8.self).split(separator: "\n").map {
            try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    static func start(serving invocations: [Invocation], for test: XCTestCase) throws -> LambdaRuntimeStandIn {
        let scratch = try EndToEnd.scratchDirectory(for: test)
        let queue = scratch.appendingPathComponent("queue.json")
        let items = invocations.map { ["body": String(decoding: $0.event, as: UTF8.self),
                                       "deadlineInSeconds": $0.deadlineInSeconds] as [String: Any] }
        try JSONSerialization.data(withJSONObject: items).write(to: queue)
        let record = scratch.appendingPathComponent("runtime.jsonl")
        let (process, port) = try LocalHelperServer.start(script: "lambda_runtime_api.py",
                                                          arguments: [queue.path, record.path], for: test)
        return LambdaRuntimeStandIn(process: process, port: port, record: record)
    }
}
