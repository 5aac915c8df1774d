import Foundation
@testable import Fetch

/// An `HTTPTransport` that records every request and answers from a script, in order.
final class AWSJSONFakeTransport: HTTPTransport {
    enum Answer {
        case response(HTTPResponse)
        case failure(HTTPError)
    }

    private(set) var requests: [HTTPRequest] = []
    private var script: [Answer]

    init(_ script: [Answer]) {
        self.script = script
    }

    func send(_ request: HTTPRequest) throws -> HTTPResponse {
        requests.append(request)
        guard !script.isEmpty else {
            throw HTTPError.transferFailed(host: "fake", code: -1, detail: "script exhausted")
        }
        switch script.removeFirst() {
        case .response(let response): return response
        case .failure(let error): throw error
        }
    }

    static func json(_ status: Int, _ body: String, headers: [HTTPHeader] = []) -> Answer {
        .response(HTTPResponse(status: status, headers: headers, body: Array(body.utf8)))
    }

    static func awsJSONError(_ status: Int, type: String, message: String, headers: [HTTPHeader] = []) -> Answer {
        json(status, "{\"__type\":\"\(type)\",\"message\":\"\(message)\"}", headers: headers)
    }

    static func awsXMLError(_ status: Int, code: String, message: String, headers: [HTTPHeader] = []) -> Answer {
        .response(HTTPResponse(status: status, headers: headers, body: Array(
            "<ErrorResponse><Error><Type>Sender</Type><Code>\(code)</Code><Message>\(message)</Message></Error><RequestId>r-1</RequestId></ErrorResponse>".utf8)))
    }
}

/// Records what the client would sleep and log.
final class AWSJSONRecorder {
    var sleeps: [Double] = []
    var logLines: [String] = []
}

/// A provider that always fails, to check its error passes through untouched.
final class AWSJSONFailingCredentials: CredentialsProvider {
    struct NoCredentials: UserFacingError, Equatable {
        var userMessage: String { "no credentials found (test)" }
    }

    func credentials() throws -> AWSCredentials { throw NoCredentials() }
}
