import Fetch
import Foundation
import XCTest

/// An `AWSJSONCalling` that records every call and answers from a script, in order.
/// Shared by the CloudWatch Logs and CodeBuild client tests (same test target).
final class ScriptedAWSCaller: AWSJSONCalling {
    struct Call {
        var service: AWSService
        var operation: String
        var body: [UInt8]
        var json: [String: Any] {
            (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:]
        }
    }

    enum Answer {
        case body(String)
        case failure(Error)
    }

    private(set) var calls: [Call] = []
    private var answers: [Answer]

    init(_ answers: [Answer]) {
        self.answers = answers
    }

    func callJSON(service: AWSService, operation: String, body: [UInt8]) throws -> [UInt8] {
        calls.append(Call(service: service, operation: operation, body: body))
        guard !answers.isEmpty else {
            throw ScriptedAWSError(code: "ScriptExhausted", message: "no answer scripted for call \(calls.count)")
        }
        switch answers.removeFirst() {
        case .body(let text): return Array(text.utf8)
        case .failure(let error): throw error
        }
    }
}

/// Stands in for the AWS layer's error type: carries the service's code and message.
struct ScriptedAWSError: AWSErrorCodeReporting, UserFacingError {
    var code: String
    var message: String
    var awsErrorCode: String? { code }
    var awsErrorMessage: String? { message }
    var userMessage: String { "\(code): \(message)" }
}

/// A `GetLogEvents` answer in the service's JSON with one event per message.
func logEventsPage(_ messages: [String], firstTimestamp: Int64 = 1_700_000_000_000,
                   token: String, backward: String = "b/0") -> String {
    let events = messages.enumerated().map { offset, message in
        ["timestamp": firstTimestamp + Int64(offset), "message": message, "ingestionTime": firstTimestamp + 500]
            as [String: Any]
    }
    let object: [String: Any] = ["events": events, "nextForwardToken": token, "nextBackwardToken": backward]
    let data = (try? JSONSerialization.data(withJSONObject: object)) ?? Data()
    return String(decoding: data, as: UTF8.self)
}
