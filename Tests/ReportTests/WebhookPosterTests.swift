import Fetch
@testable import report
import XCTest

/// A transport that returns scripted answers and records what it was sent.
final class ScriptedTransport: HTTPTransport {
    enum Answer { case status(Int, String), failure(Error) }
    struct Down: UserFacingError { var userMessage: String }

    var answers: [Answer]
    var requests: [HTTPRequest] = []

    init(_ answers: [Answer]) { self.answers = answers }

    func send(_ request: HTTPRequest) throws -> HTTPResponse {
        requests.append(request)
        guard !answers.isEmpty else { throw Down(userMessage: "script exhausted") }
        switch answers.removeFirst() {
        case .status(let code, let body): return HTTPResponse(status: code, body: Array(body.utf8))
        case .failure(let error): throw error
        }
    }
}

final class WebhookPosterTests: XCTestCase {
    private let url = "https://hooks.example.com/services/T000/B000/s3cr3tt0ken"
    private var delays: [Double] = []

    private func poster(_ transport: ScriptedTransport) -> WebhookPoster {
        var poster = WebhookPoster(transport: transport)
        poster.sleep = { [unowned self] in self.delays.append($0) }
        return poster
    }

    func testServerErrorThenSuccessRetriesWithBackoff() throws {
        let transport = ScriptedTransport([.status(500, "oops"), .status(503, ""), .status(200, "ok")])
        try poster(transport).post(body: Array("{}".utf8), to: url)
        XCTAssertEqual(transport.requests.count, 3)
        XCTAssertEqual(delays, [0.5, 1.0])
        XCTAssertEqual(transport.requests.first?.method, "POST")
        XCTAssertEqual(transport.requests.first?.headers, [HTTPHeader("Content-Type", "application/json; charset=utf-8")])
        XCTAssertEqual(transport.requests.first?.body, Array("{}".utf8))
    }

    func testNotFoundFailsAtOnceWithoutTheURL() {
        let transport = ScriptedTransport([.status(404, "no_service\n"), .status(200, "")])
        XCTAssertThrowsError(try poster(transport).post(body: [], to: url)) { error in
            XCTAssertEqual(error as? WebhookError, .rejected(status: 404, detail: "no_service"))
            let message = (error as? UserFacingError)?.userMessage ?? ""
            XCTAssertEqual(message, "the webhook rejected the report: HTTP 404 (no_service)")
            XCTAssertEqual(ErrorClassifier.status(for: error), .serviceUnavailable)
        }
        XCTAssertEqual(transport.requests.count, 1)
    }

    func testGivesUpAfterThreeAttemptsAndNeverShowsTheURL() {
        let leaky = ScriptedTransport.Down(userMessage: "could not connect to \(url)")
        let transport = ScriptedTransport([.failure(leaky), .status(429, ""), .failure(leaky)])
        XCTAssertThrowsError(try poster(transport).post(body: [], to: url)) { error in
            let message = (error as? UserFacingError)?.userMessage ?? ""
            XCTAssertTrue(message.hasPrefix("could not post to the webhook after 3 attempts"), message)
            XCTAssertFalse(message.contains("s3cr3tt0ken"), message)
            XCTAssertFalse(message.contains("hooks.example.com/services"), message)
        }
        XCTAssertEqual(transport.requests.count, 3)
    }

    func testRetryAfterIsHonouredWithinACap() throws {
        final class RetryAfter: HTTPTransport {
            var calls = 0
            func send(_ request: HTTPRequest) throws -> HTTPResponse {
                calls += 1
                return calls == 1 ? HTTPResponse(status: 429, headers: [HTTPHeader("Retry-After", "120")]) : HTTPResponse(status: 204)
            }
        }
        var poster = WebhookPoster(transport: RetryAfter())
        poster.sleep = { [unowned self] in self.delays.append($0) }
        try poster.post(body: [], to: url)
        XCTAssertEqual(delays, [30])
    }
}
