import Foundation

/// The Lambda Runtime API (version 2018-06-01) a custom runtime's `bootstrap` talks to, at
/// `http://$AWS_LAMBDA_RUNTIME_API/2018-06-01/runtime/…` (AWS Lambda Developer Guide, "Using the Lambda runtime
/// API for custom runtimes"): `GET invocation/next`, `POST invocation/{id}/response`, `POST invocation/{id}/error`
/// and `POST init/error`, over the same libcurl transport as every other request.
public struct LambdaRuntimeAPI {
    public let host: String
    private let transport: HTTPTransport

    /// `host` is `AWS_LAMBDA_RUNTIME_API` as Lambda sets it: `HOST:PORT`, no scheme.
    public init(host: String, transport: HTTPTransport) throws {
        guard !host.isEmpty, !host.contains("/"), !host.contains(where: \.isWhitespace) else {
            throw LambdaRuntimeError.badHost(host)
        }
        self.host = host
        self.transport = transport
    }

    private var base: String { "http://\(host)/2018-06-01/runtime" }

    /// The guide: "Do not set a timeout on the GET request" — the runtime may be frozen between invocations.
    /// The transport's longest limit is a day, so `next()` asks again when it runs out; silence is allowed
    /// (no read timeout).
    static let nextTimeout: Double = 86_400
    /// The other calls answer at once; these are generous and still end a hung call.
    static let postTimeout: Double = 30

    /// Blocks until Lambda hands over the next event.
    public func next() throws -> LambdaInvocation {
        let request = HTTPRequest(method: "GET", url: base + "/invocation/next", connectTimeout: 10,
                                  totalTimeout: Self.nextTimeout, readTimeout: 0)
        var answer: HTTPResponse?
        while answer == nil {
            do {
                answer = try send(request, what: "invocation/next")
            } catch LambdaRuntimeError.timedOut {
                continue
            }
        }
        guard let response = answer else { throw LambdaRuntimeError.noRequestId }
        guard let requestId = response.header("Lambda-Runtime-Aws-Request-Id"), !requestId.isEmpty,
              !requestId.contains("/") else {
            throw LambdaRuntimeError.noRequestId
        }
        let deadline = response.header("Lambda-Runtime-Deadline-Ms").flatMap(Double.init)
            .map { Date(timeIntervalSince1970: $0 / 1000) }
        return LambdaInvocation(requestId: requestId, deadline: deadline,
                                functionARN: response.header("Lambda-Runtime-Invoked-Function-Arn"),
                                traceId: response.header("Lambda-Runtime-Trace-Id"), event: response.body)
    }

    public func respond(to invocation: LambdaInvocation, body: [UInt8]) throws {
        try post(path: "/invocation/\(invocation.requestId)/response", body: body, errorType: nil)
    }

    /// `POST invocation/{id}/error`: the invocation failed; Lambda records it (and retries an asynchronous one).
    public func reportError(for invocation: LambdaInvocation, _ error: LambdaFunctionError) throws {
        try post(path: "/invocation/\(invocation.requestId)/error", body: error.body, errorType: error.errorType)
    }

    /// `POST init/error`: start-up failed; the runtime exits after it.
    public func reportInitError(_ error: LambdaFunctionError) throws {
        try post(path: "/init/error", body: error.body, errorType: error.errorType)
    }

    private func post(path: String, body: [UInt8], errorType: String?) throws {
        var headers = [HTTPHeader("Content-Type", "application/json")]
        if let errorType { headers.append(HTTPHeader("Lambda-Runtime-Function-Error-Type", errorType)) }
        _ = try send(HTTPRequest(method: "POST", url: base + path, headers: headers, body: body, connectTimeout: 10,
                                 totalTimeout: Self.postTimeout), what: String(path.split(separator: "/").last ?? ""))
    }

    private func send(_ request: HTTPRequest, what: String) throws -> HTTPResponse {
        let response: HTTPResponse
        do {
            response = try transport.send(request)
        } catch HTTPError.timedOut(_, _, whileConnecting: false) where request.method == "GET" {
            throw LambdaRuntimeError.timedOut
        } catch let error as UserFacingError {
            throw LambdaRuntimeError.unreachable(host: host, call: what, reason: error.userMessage)
        }
        guard (200..<300).contains(response.status) else {
            throw LambdaRuntimeError.refused(host: host, call: what, status: response.status)
        }
        return response
    }
}

/// One event Lambda handed over, with the headers that came with it.
public struct LambdaInvocation: Sendable {
    public var requestId: String
    /// `Lambda-Runtime-Deadline-Ms`: when Lambda ends the invocation.
    public var deadline: Date?
    public var functionARN: String?
    public var traceId: String?
    public var event: [UInt8]

    public init(requestId: String, deadline: Date?, functionARN: String?, traceId: String?, event: [UInt8]) {
        self.requestId = requestId
        self.deadline = deadline
        self.functionARN = functionARN
        self.traceId = traceId
        self.event = event
    }
}

/// The JSON body of an `/error` call: `{"errorMessage": …, "errorType": …}`, the type also sent as the
/// `Lambda-Runtime-Function-Error-Type` header (the guide recommends `Category.Reason`).
public struct LambdaFunctionError: Equatable, Sendable {
    public var errorType: String
    public var errorMessage: String

    public init(errorType: String, errorMessage: String) {
        self.errorType = errorType
        self.errorMessage = errorMessage
    }

    var body: [UInt8] {
        let object: [String: String] = ["errorMessage": errorMessage, "errorType": errorType]
        return Array((try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8))
    }
}

public enum LambdaRuntimeError: Error, Equatable, UserFacingError {
    case badHost(String)
    case unreachable(host: String, call: String, reason: String)
    case refused(host: String, call: String, status: Int)
    case noRequestId
    /// `next` ran out of its (day-long) limit with no event: asked again, never shown.
    case timedOut

    public var userMessage: String {
        switch self {
        case .badHost(let host):
            return "AWS_LAMBDA_RUNTIME_API '\(host.prefix(100))' is not HOST:PORT"
        case .unreachable(let host, let call, let reason):
            return "the Lambda Runtime API at \(host) did not answer \(call): \(reason)"
        case .refused(let host, let call, let status):
            return "the Lambda Runtime API at \(host) answered \(call) with HTTP \(status)"
        case .noRequestId:
            return "the Lambda Runtime API's next invocation has no Lambda-Runtime-Aws-Request-Id header"
        case .timedOut:
            return "the Lambda Runtime API's next invocation did not come within a day"
        }
    }
}
