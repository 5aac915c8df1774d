import Foundation
@testable import Fetch
import XCTest

/// `CurlTransport` against a local Python server: the real libcurl, no network beyond 127.0.0.1
/// (the DNS test uses the reserved `.invalid` domain, which never resolves).
final class CurlTransportTests: XCTestCase {
    private var server: CurlTestServer!

    override func setUpWithError() throws {
        server = try CurlTestServer()
    }

    override func tearDown() {
        server?.stop()
    }

    private func expectHTTPError(_ body: () throws -> HTTPResponse, file: StaticString = #filePath, line: UInt = #line) -> HTTPError? {
        do {
            let response = try body()
            XCTFail("expected an HTTPError, got status \(response.status)", file: file, line: line)
        } catch let error as HTTPError {
            return error
        } catch {
            XCTFail("expected an HTTPError, got \(error)", file: file, line: line)
        }
        return nil
    }

    func testStatusHeadersAndBody() throws {
        let response = try CurlTransport().send(HTTPRequest(method: "GET", url: server.url("/status/418")))
        XCTAssertEqual(response.status, 418)
        XCTAssertEqual(response.header("x-test-server"), "yes")
        XCTAssertEqual(String(decoding: response.body, as: UTF8.self), "status 418")
    }

    func testPostSendsHeadersAndExactBodyAndReusesTheConnection() throws {
        struct Echo: Decodable {
            var method: String
            var headers: [[String]]
            var bodyLength: Int
            var body: String
            var clientPort: Int
        }
        let transport = CurlTransport()
        let body = Array("{\"logGroupName\":\"/aws/codebuild/x\",\"filterPattern\":\"Größe\"}".utf8)
        let request = HTTPRequest(method: "POST", url: server.url("/echo"), headers: [
            HTTPHeader("Host", "127.0.0.1:\(server.port)"),
            HTTPHeader("Content-Type", "application/x-amz-json-1.1"),
            HTTPHeader("X-Amz-Target", "Logs_20140328.GetLogEvents"),
        ], body: body)
        let first = try JSONDecoder().decode(Echo.self, from: Data(transport.send(request).body))
        let second = try JSONDecoder().decode(Echo.self, from: Data(transport.send(request).body))
        XCTAssertEqual(first.method, "POST")
        XCTAssertEqual(first.bodyLength, body.count)
        XCTAssertEqual(first.body, "{\"logGroupName\":\"/aws/codebuild/x\",\"filterPattern\":\"Größe\"}")
        func values(_ name: String) -> [String] {
            first.headers.filter { $0.first?.lowercased() == name }.compactMap { $0.last }
        }
        XCTAssertEqual(values("host"), ["127.0.0.1:\(server.port)"])
        XCTAssertEqual(values("content-type"), ["application/x-amz-json-1.1"])
        XCTAssertEqual(values("x-amz-target"), ["Logs_20140328.GetLogEvents"])
        XCTAssertEqual(values("expect"), [])
        XCTAssertEqual(values("user-agent"), ["cbtriage"])
        XCTAssertFalse(values("accept-encoding").isEmpty, "CURLOPT_ACCEPT_ENCODING \"\" advertises gzip")
        XCTAssertEqual(first.clientPort, second.clientPort, "the second call reuses the first connection")
    }

    func testOneTransportSharedAcrossThreadsSerialisesCalls() {
        let transport = CurlTransport()
        let statuses = NSLock()
        var seen: [Int] = []
        // No 204/205: those carry no body, and the test server would send one anyway.
        let codes = [200, 201, 202, 203, 418, 500]
        DispatchQueue.concurrentPerform(iterations: codes.count) { index in
            let status: Int
            do {
                status = try transport.send(HTTPRequest(method: "GET", url: self.server.url("/status/\(codes[index])"))).status
            } catch {
                print("shared transport call failed: \(error)")
                status = -1
            }
            statuses.lock()
            seen.append(status)
            statuses.unlock()
        }
        XCTAssertEqual(seen.sorted(), codes)
    }

    func testGzipResponseIsDecoded() throws {
        let response = try CurlTransport().send(HTTPRequest(method: "GET", url: server.url("/gzip")))
        XCTAssertEqual(response.header("Content-Encoding"), "gzip")
        XCTAssertEqual(response.body, Array(String(repeating: "hello from gzip ", count: 1000).utf8))
    }

    func testResponseSizeCapAbortsAndTheHandleStaysUsable() throws {
        let transport = CurlTransport(maxResponseBytes: 1000)
        XCTAssertEqual(try transport.send(HTTPRequest(method: "GET", url: server.url("/bytes/1000"))).body.count, 1000)
        let error = expectHTTPError { try transport.send(HTTPRequest(method: "GET", url: self.server.url("/bytes/5000"))) }
        XCTAssertEqual(error, .responseTooLarge(host: "127.0.0.1", limitBytes: 1000))
        XCTAssertEqual(try transport.send(HTTPRequest(method: "GET", url: server.url("/status/200"))).status, 200)
    }

    func testTotalTimeout() {
        let started = Date()
        let error = expectHTTPError {
            try CurlTransport().send(HTTPRequest(method: "GET", url: self.server.url("/sleep/5"), totalTimeout: 0.5))
        }
        XCTAssertEqual(error, .timedOut(host: "127.0.0.1", seconds: 0.5, whileConnecting: false))
        XCTAssertLessThan(Date().timeIntervalSince(started), 3)
        XCTAssertEqual(error?.userMessage, "timed out after 0.5 s waiting for a response from 127.0.0.1")
    }

    func testASilentServerIsGivenUpAfterTheReadTimeout() {
        let error = expectHTTPError {
            try CurlTransport().send(HTTPRequest(method: "GET", url: self.server.url("/sleep/5"), totalTimeout: 30, readTimeout: 1))
        }
        XCTAssertEqual(error, .timedOut(host: "127.0.0.1", seconds: 1, whileConnecting: false))
        XCTAssertEqual(error?.isTransient, true, "retried like a reset")
        XCTAssertEqual(error?.userMessage, "timed out after 1 s waiting for a response from 127.0.0.1")
    }

    func testABodyThatKeepsComingIsNotCutByTheReadTimeout() throws {
        // Ten bytes 0.3 s apart: 3 s in all, but never 1 s without a byte.
        let response = try CurlTransport().send(HTTPRequest(method: "GET", url: server.url("/drip/10"), totalTimeout: 30,
                                                            readTimeout: 1))
        XCTAssertEqual(response.body, Array(repeating: UInt8(ascii: "x"), count: 10))
    }

    func testConnectionRefused() {
        let error = expectHTTPError {
            try CurlTransport().send(HTTPRequest(method: "GET", url: "http://127.0.0.1:\(self.server.closedPort)/"))
        }
        XCTAssertEqual(error, .connectFailed(host: "127.0.0.1", port: server.closedPort))
        XCTAssertEqual(error?.isTransient, true)
    }

    func testDNSFailureNamesTheHostButNotTheQuery() {
        let error = expectHTTPError {
            try CurlTransport().send(HTTPRequest(
                method: "POST", url: "https://logs.nonexistent.invalid/?X-Amz-Security-Token=SECRET-MARKER",
                headers: [HTTPHeader("Authorization", "SECRET-MARKER")], connectTimeout: 5, totalTimeout: 10))
        }
        XCTAssertEqual(error, .hostNotFound(host: "logs.nonexistent.invalid"))
        XCTAssertFalse(error?.userMessage.contains("SECRET-MARKER") ?? true)
        XCTAssertEqual(error?.isTransient, false)
    }

    func testTLSVerificationAndAWSCABundle() throws {
        let tlsServer = try CurlTestServer(tls: true)
        defer { tlsServer.stop() }
        let caFile = try XCTUnwrap(tlsServer.caFile)
        let request = HTTPRequest(method: "GET", url: tlsServer.url("/status/200"))
        let error = expectHTTPError { try CurlTransport(environment: [:]).send(request) }
        guard case .tlsFailed(let host, let detail)? = error else {
            return XCTFail("expected tlsFailed, got \(String(describing: error))")
        }
        XCTAssertEqual(host, "127.0.0.1")
        XCTAssertTrue(detail.contains("certificate"), detail)
        let trusting = CurlTransport(environment: ["AWS_CA_BUNDLE": caFile])
        XCTAssertEqual(trusting.caBundlePath, caFile)
        XCTAssertEqual(try trusting.send(request).status, 200)
    }

    func testCancelAbortsTheTransferInProgressAndLaterOnes() {
        let transport = CurlTransport()
        let started = Date()
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.3) { transport.cancel() }
        let error = expectHTTPError { try transport.send(HTTPRequest(method: "GET", url: self.server.url("/sleep/5"))) }
        XCTAssertEqual(error, .cancelled(host: "127.0.0.1"))
        XCTAssertLessThan(Date().timeIntervalSince(started), 3, "the progress callback runs at least once a second")
        XCTAssertEqual(expectHTTPError { try transport.send(HTTPRequest(method: "GET", url: self.server.url("/status/200"))) },
                       .cancelled(host: "127.0.0.1"))
    }

    /// libcurl reads the proxy variables itself because CURLOPT_PROXY is never set.
    func testProxyVariablesAreHonouredByLibcurl() throws {
        let names = ["http_proxy", "https_proxy", "HTTPS_PROXY", "no_proxy", "NO_PROXY", "ALL_PROXY", "all_proxy"]
        let saved = names.map { ($0, getenv($0).map { String(cString: $0) }) }
        defer {
            for (name, value) in saved {
                if let value { setenv(name, value, 1) } else { unsetenv(name) }
            }
        }
        names.forEach { unsetenv($0) }
        let proxy = "http://127.0.0.1:\(server.port)"

        setenv("http_proxy", proxy, 1)
        let proxied = try CurlTransport().send(HTTPRequest(method: "GET", url: "http://example.invalid/through-proxy"))
        XCTAssertEqual(String(decoding: proxied.body, as: UTF8.self), "proxied http://example.invalid/through-proxy")

        setenv("NO_PROXY", "example.invalid", 1)
        XCTAssertEqual(expectHTTPError { try CurlTransport().send(HTTPRequest(method: "GET", url: "http://example.invalid/direct")) },
                       .hostNotFound(host: "example.invalid"))
        unsetenv("NO_PROXY")
        unsetenv("http_proxy")

        setenv("HTTPS_PROXY", proxy, 1)
        let tunnelError = expectHTTPError {
            try CurlTransport().send(HTTPRequest(method: "GET", url: "https://example.invalid/tunnelled"))
        }
        XCTAssertNotNil(tunnelError, "the proxy refuses the tunnel")
        unsetenv("HTTPS_PROXY")
        let seen = try CurlTransport().send(HTTPRequest(method: "GET", url: server.url("/seen")))
        let lines = try JSONDecoder().decode([String].self, from: Data(seen.body))
        XCTAssertTrue(lines.contains { $0.hasPrefix("CONNECT example.invalid:443") }, "\(lines)")
        XCTAssertFalse(lines.contains { $0.contains("/direct") })
    }
}

/// The parts of `CurlTransport` that need no server.
final class CurlTransportUnitTests: XCTestCase {
    func testInvalidURLIsRejectedBeforeLibcurl() {
        XCTAssertThrowsError(try CurlTransport().send(HTTPRequest(method: "GET", url: "file:///etc/passwd"))) {
            XCTAssertEqual($0 as? HTTPError, .invalidURL)
        }
    }

    func testEveryMessageIsOneLineAndNamesWhatFailed() {
        let errors: [(HTTPError, String)] = [
            (.invalidURL, "invalid request URL"),
            (.hostNotFound(host: "logs.x.amazonaws.com"), "could not resolve host logs.x.amazonaws.com"),
            (.proxyNotFound, "could not resolve the proxy host"),
            (.connectFailed(host: "127.0.0.1", port: 9), "could not connect to 127.0.0.1 port 9"),
            (.tlsFailed(host: "h", detail: "SSL certificate problem: self-signed certificate"), "TLS connection to h failed: SSL certificate problem"),
            (.timedOut(host: "h", seconds: 10, whileConnecting: true), "timed out after 10 s connecting to h"),
            (.responseTooLarge(host: "h", limitBytes: 5), "response from h exceeded the 5-byte limit"),
            (.cancelled(host: "h"), "request to h was cancelled"),
            (.connectionLost(host: "h", detail: "Empty reply from server"), "connection to h failed mid-request: Empty reply"),
            (.transferFailed(host: "h", code: 3, detail: "URL using bad/illegal format"), "request to h failed (libcurl error 3)"),
        ]
        for (error, expected) in errors {
            XCTAssertTrue(error.userMessage.hasPrefix(expected), error.userMessage)
            XCTAssertFalse(error.userMessage.contains("\n"))
        }
    }

    func testTimeoutMillisecondsNeverZero() {
        XCTAssertEqual(CurlTransport.milliseconds(0, default: 10), 10_000)
        XCTAssertEqual(CurlTransport.milliseconds(-1, default: 10), 10_000)
        XCTAssertEqual(CurlTransport.milliseconds(.infinity, default: 60), 60_000)
        XCTAssertEqual(CurlTransport.milliseconds(0.0001, default: 10), 1)
    }

    func testSanitizedDetailDropsQueriesAndUserinfo() {
        XCTAssertEqual(CurlTransport.sanitized("Failed for https://user:pw@proxy.example:3128 and /x?token=abc"),
                       "Failed for proxy.example:3128 and /x")
    }
}
