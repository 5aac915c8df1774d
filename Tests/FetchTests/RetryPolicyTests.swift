import Foundation
@testable import Fetch
import XCTest

/// Standard-mode retries through `AWSJSONClient` with a scripted transport and an injected sleeper.
final class RetryPolicyTests: XCTestCase {
    private let throttle = AWSJSONFakeTransport.awsJSONError(400, type: "com.amazonaws.logs#ThrottlingException", message: "Rate exceeded")
    private let ok = AWSJSONFakeTransport.json(200, "{\"ok\":true}")

    private func client(_ transport: HTTPTransport, _ recorder: AWSJSONRecorder, random: Double = 0.5,
                        quota: RetryQuota = RetryQuota(), rates: APIRateLimits = .unpaced(),
                        clock: @escaping () -> Date = { Date(timeIntervalSince1970: 1_741_944_413) }) -> AWSJSONClient {
        AWSJSONClient(region: "us-east-1", endpoint: { _ in "https://logs.us-east-1.amazonaws.com" },
                      credentials: StaticCredentialsProvider(AWSJSONClientTests.longTerm), transport: transport,
                      clock: clock, sleeper: { recorder.sleeps.append($0) },
                      retry: RetryPolicy(random: { random }), quota: quota, rates: rates, log: { recorder.logLines.append($0) })
    }

    private func call(_ client: AWSJSONClient) throws -> [UInt8] {
        try client.callJSON(service: .cloudWatchLogs, operation: "GetLogEvents", body: Array("{}".utf8))
    }

    func testBackoffIsFullJitterOverTruncatedExponential() {
        let top = RetryPolicy(random: { 1 })
        XCTAssertEqual((1...7).map { top.backoff(afterAttempt: $0) }, [1, 2, 4, 8, 16, 20, 20])
        XCTAssertEqual(RetryPolicy(random: { 0 }).backoff(afterAttempt: 3), 0)
        XCTAssertEqual(RetryPolicy(random: { 7 }).backoff(afterAttempt: 1), 1, "jitter is clamped to [0, 1]")
        let standard = RetryPolicy.standard
        for attempt in 1...6 {
            let ceiling = min(pow(2, Double(attempt - 1)), 20)
            let draws = (0..<500).map { _ in standard.backoff(afterAttempt: attempt) }
            XCTAssertTrue(draws.allSatisfy { $0 >= 0 && $0 <= ceiling }, "attempt \(attempt)")
            XCTAssertGreaterThan(Set(draws).count, 100, "jittered, not fixed")
        }
        XCTAssertEqual(RetryPolicy.standard.maxAttempts, 3)
    }

    func testThrottlingIsRetriedThenSucceeds() throws {
        let fake = AWSJSONFakeTransport([throttle, throttle, ok])
        let recorder = AWSJSONRecorder()
        XCTAssertEqual(try call(client(fake, recorder)), Array("{\"ok\":true}".utf8))
        XCTAssertEqual(fake.requests.count, 3)
        XCTAssertEqual(recorder.sleeps, [0.5, 1.0])
        XCTAssertEqual(recorder.logLines.count, 3)
        XCTAssertTrue(recorder.logLines[0].hasPrefix("POST logs.us-east-1.amazonaws.com Logs_20140328.GetLogEvents -> 400 ThrottlingException (attempt 1/3, "), recorder.logLines[0])
        XCTAssertTrue(recorder.logLines[0].hasSuffix("; retrying in 0.500 s"), recorder.logLines[0])
        XCTAssertTrue(recorder.logLines[2].contains("-> 200 (attempt 3/3, "), recorder.logLines[2])
    }

    func testADamagedSuccessIsRetriedLikeAResetThenSucceeds() throws {
        for damaged in ["", "  \n", "{\"events\":[{\"timestamp\":1,\"mess", "<html><body>502 Bad Gateway</body></html>", "[1,2]"] {
            let fake = AWSJSONFakeTransport([AWSJSONFakeTransport.json(200, damaged), ok])
            let recorder = AWSJSONRecorder()
            XCTAssertEqual(try call(client(fake, recorder)), Array("{\"ok\":true}".utf8), damaged)
            XCTAssertEqual(fake.requests.count, 2, damaged)
            XCTAssertEqual(recorder.sleeps, [0.5], "standard backoff after attempt 1 (jitter 0.5 of 1 s): \(damaged)")
        }
    }

    func testADamagedSuccessOnEveryAttemptIsAServiceErrorWithWhatWasReceived() {
        let truncated = AWSJSONFakeTransport.json(200, "{\"nextForwardToken\":\"f/1")
        let fake = AWSJSONFakeTransport([truncated, truncated, truncated])
        let recorder = AWSJSONRecorder()
        XCTAssertThrowsError(try call(client(fake, recorder))) { error in
            let damaged = error as? AWSDamagedResponseError
            XCTAssertEqual(damaged, AWSDamagedResponseError(service: .cloudWatchLogs, operation: "GetLogEvents", status: 200,
                                                            reason: "JSON cut short or invalid", bytesReceived: 24, attempts: 3))
            XCTAssertEqual(damaged?.userMessage, "logs GetLogEvents answered 200 with JSON cut short or invalid (24 bytes) on all 3 "
                           + "attempts; check any proxy between cbtriage and AWS, then try again")
        }
        XCTAssertEqual(fake.requests.count, 3)
        XCTAssertEqual(recorder.sleeps, [0.5, 1.0])
    }

    func testAQueryAnswerIsXMLAndIsNotMistakenForDamage() throws {
        let xml = "<GetCallerIdentityResponse><GetCallerIdentityResult><Account>123456789012</Account></GetCallerIdentityResult></GetCallerIdentityResponse>"
        let fake = AWSJSONFakeTransport([.response(HTTPResponse(status: 200, headers: [], body: Array(xml.utf8)))])
        let recorder = AWSJSONRecorder()
        let body = try client(fake, recorder).callQuery(service: .sts, parameters: [("Action", "GetCallerIdentity"), ("Version", "2011-06-15")])
        XCTAssertEqual(body, Array(xml.utf8))
        XCTAssertEqual(fake.requests.count, 1)
    }

    func testTheRetryQuotaIsSpentByRetriesAndRefilledBySuccesses() throws {
        let quota = RetryQuota()
        let recorder = AWSJSONRecorder()
        // Two throttled attempts, then success: 2 × 5 taken, the last retry's 5 given back (botocore).
        _ = try call(client(AWSJSONFakeTransport([throttle, throttle, ok]), recorder, quota: quota))
        XCTAssertEqual(quota.available, 495)
        // A timeout costs 10; the success after it gives those 10 back.
        let timeout = AWSJSONFakeTransport.Answer.failure(.timedOut(host: "logs", seconds: 60, whileConnecting: false))
        _ = try call(client(AWSJSONFakeTransport([timeout, ok]), recorder, quota: quota))
        XCTAssertEqual(quota.available, 495)
        // A call that needed no retry adds 1, up to the 500 the bucket holds.
        for _ in 0..<10 { _ = try call(client(AWSJSONFakeTransport([ok]), recorder, quota: quota)) }
        XCTAssertEqual(quota.available, 500)
    }

    func testAnEmptyRetryQuotaStopsRetryingAtOnce() {
        let quota = RetryQuota(tokens: 7)
        let recorder = AWSJSONRecorder()
        let fake = AWSJSONFakeTransport([throttle, throttle, ok])
        XCTAssertThrowsError(try call(client(fake, recorder, quota: quota))) { error in
            XCTAssertEqual((error as? AWSError)?.code, "ThrottlingException")
        }
        XCTAssertEqual(fake.requests.count, 2, "one retry paid (5 of 7 tokens), the second could not be")
        XCTAssertEqual(quota.available, 2)
        XCTAssertTrue(recorder.logLines.contains { $0.contains("not retrying: the retry quota is spent") }, "\(recorder.logLines)")
    }

    func testTheServersRetryAfterReplacesTheBackoffWithinTheCap() throws {
        let slowDown = AWSJSONFakeTransport.awsJSONError(400, type: "ThrottlingException", message: "Rate exceeded",
                                                         headers: [HTTPHeader("x-amz-retry-after", "1500")])
        let tooLong = AWSJSONFakeTransport.awsJSONError(400, type: "ThrottlingException", message: "Rate exceeded",
                                                        headers: [HTTPHeader("x-amz-retry-after", "90000")])
        let recorder = AWSJSONRecorder()
        _ = try call(client(AWSJSONFakeTransport([slowDown, tooLong, ok]), recorder))
        XCTAssertEqual(recorder.sleeps, [1.5, 20])
        XCTAssertEqual(RetryPolicy(random: { 0.5 }).delay(afterAttempt: 2, retryAfterHeader: "soon"), 1,
                       "an unusable header falls back to the backoff")
    }

    func testThrottlingGivesUpAfterThreeAttempts() {
        let fake = AWSJSONFakeTransport([throttle, throttle, throttle, ok])
        let recorder = AWSJSONRecorder()
        XCTAssertThrowsError(try call(client(fake, recorder))) { error in
            guard let error = error as? AWSError else { return XCTFail("\(error)") }
            XCTAssertEqual(error.code, "ThrottlingException")
            XCTAssertEqual(error.attempts, 3)
            XCTAssertTrue(error.userMessage.contains("throttled the request 3 time(s)"), error.userMessage)
        }
        XCTAssertEqual(fake.requests.count, 3)
        XCTAssertEqual(recorder.sleeps.count, 2)
    }

    func testEveryThrottlingCodeAndTransientAnswerIsRetried() throws {
        var answers: [AWSJSONFakeTransport.Answer] = RetryPolicy.throttlingCodes.sorted().map {
            AWSJSONFakeTransport.awsJSONError(400, type: $0, message: "slow down")
        }
        answers += [
            AWSJSONFakeTransport.json(500, ""), AWSJSONFakeTransport.json(502, "<html>bad gateway</html>"),
            AWSJSONFakeTransport.json(503, ""), AWSJSONFakeTransport.json(504, ""),
            AWSJSONFakeTransport.json(429, ""),
            AWSJSONFakeTransport.awsJSONError(400, type: "RequestTimeoutException", message: "t"),
            AWSJSONFakeTransport.awsXMLError(400, code: "RequestTimeout", message: "t"),
            .failure(.connectFailed(host: "logs.us-east-1.amazonaws.com", port: 443)),
            .failure(.timedOut(host: "logs.us-east-1.amazonaws.com", seconds: 60, whileConnecting: false)),
            .failure(.connectionLost(host: "logs.us-east-1.amazonaws.com", detail: "Empty reply from server")),
        ]
        for answer in answers {
            let fake = AWSJSONFakeTransport([answer, ok])
            let recorder = AWSJSONRecorder()
            XCTAssertNoThrow(try call(client(fake, recorder)), "\(answer)")
            XCTAssertEqual(fake.requests.count, 2, "\(answer)")
            XCTAssertEqual(recorder.sleeps, [0.5], "\(answer)")
        }
    }

    func testErrorsRetryingCannotFixFailAtOnce() {
        let answers: [AWSJSONFakeTransport.Answer] = [
            AWSJSONFakeTransport.awsJSONError(400, type: "AccessDeniedException", message: "not authorized"),
            AWSJSONFakeTransport.awsJSONError(400, type: "ResourceNotFoundException", message: "The specified log group does not exist."),
            AWSJSONFakeTransport.awsJSONError(400, type: "ExpiredTokenException", message: "expired"),
            AWSJSONFakeTransport.awsJSONError(400, type: "ValidationException", message: "bad"),
            AWSJSONFakeTransport.awsXMLError(403, code: "SignatureDoesNotMatch", message: "no match",
                                             headers: [HTTPHeader("Date", "Fri, 14 Mar 2025 09:27:10 GMT")]),
            AWSJSONFakeTransport.awsJSONError(400, type: "UnrecognizedClientException", message: "bad token"),
            .failure(.hostNotFound(host: "logs.us-east-1.amazonaws.com")),
            .failure(.tlsFailed(host: "logs.us-east-1.amazonaws.com", detail: "SSL certificate problem")),
        ]
        for answer in answers {
            let fake = AWSJSONFakeTransport([answer, ok])
            let recorder = AWSJSONRecorder()
            XCTAssertThrowsError(try call(client(fake, recorder)), "\(answer)")
            XCTAssertEqual(fake.requests.count, 1, "\(answer)")
            XCTAssertEqual(recorder.sleeps, [], "\(answer)")
        }
    }

    func testClockSkewIsCorrectedFromTheServerDateAndRetriedOnce() throws {
        // Local clock 2025-03-14T09:26:53Z; the server says 09:36:53, ten minutes later.
        let skewed = AWSJSONFakeTransport.awsXMLError(403, code: "SignatureDoesNotMatch", message: "Signature expired",
                                                      headers: [HTTPHeader("Date", "Fri, 14 Mar 2025 09:36:53 GMT")])
        let fake = AWSJSONFakeTransport([skewed, ok, ok])
        let recorder = AWSJSONRecorder()
        let client = client(fake, recorder)
        XCTAssertNoThrow(try call(client))
        XCTAssertNoThrow(try call(client))
        // The offset sticks for the next call.
        XCTAssertEqual(fake.requests.map { $0.headers.first { $0.name == "X-Amz-Date" }?.value },
                       ["20250314T092653Z", "20250314T093653Z", "20250314T093653Z"])
        XCTAssertEqual(client.clockOffset, 600)
        XCTAssertEqual(recorder.sleeps, [])
        XCTAssertTrue(recorder.logLines[0].contains("local clock is 600.000 s off"), recorder.logLines[0])
    }

    func testSmallSkewIsNotCorrected() {
        let answer = AWSJSONFakeTransport.awsXMLError(403, code: "SignatureDoesNotMatch", message: "no match",
                                                      headers: [HTTPHeader("Date", "Fri, 14 Mar 2025 09:29:53 GMT")])
        let fake = AWSJSONFakeTransport([answer, ok])
        let client = client(fake, AWSJSONRecorder())
        XCTAssertThrowsError(try call(client))
        XCTAssertEqual(fake.requests.count, 1)
        XCTAssertEqual(client.clockOffset, 0)
    }

    func testClockSkewCorrectionHappensOnlyOnce() {
        let answer = AWSJSONFakeTransport.awsJSONError(400, type: "InvalidSignatureException", message: "Signature expired",
                                                       headers: [HTTPHeader("Date", "Fri, 14 Mar 2025 10:26:53 GMT")])
        let fake = AWSJSONFakeTransport([answer, answer, ok])
        XCTAssertThrowsError(try call(client(fake, AWSJSONRecorder()))) {
            XCTAssertEqual(($0 as? AWSError)?.code, "InvalidSignatureException")
        }
        XCTAssertEqual(fake.requests.count, 2)
    }

    func testHTTPDateParsing() {
        XCTAssertEqual(HTTPDate.parse("Fri, 14 Mar 2025 09:26:53 GMT"), Date(timeIntervalSince1970: 1_741_944_413))
        XCTAssertEqual(HTTPDate.parse("14 Mar 2025 09:26:53 GMT"), Date(timeIntervalSince1970: 1_741_944_413))
        XCTAssertNil(HTTPDate.parse("Fri, 14 Foo 2025 09:26:53 GMT"))
        XCTAssertNil(HTTPDate.parse("yesterday"))
        XCTAssertNil(HTTPDate.parse("Fri, 14 Mar 2025 25:26:53 GMT"))
    }
}

/// The client waits for its rate limit through the same sleeper as its backoff, before signing each attempt.
final class RateLimitedCallTests: XCTestCase {
    func testTheClientSleepsForItsRateLimitAndAThrottleSlowsTheNextCalls() throws {
        var now = 50.0
        let limits = APIRateLimits(quotas: ["GetLogEvents": 2], now: { now })
        let recorder = AWSJSONRecorder()
        let ok = AWSJSONFakeTransport.json(200, "{}")
        let throttle = AWSJSONFakeTransport.json(400, "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}")
        let fake = AWSJSONFakeTransport([ok, ok, ok, throttle, ok])
        let client = AWSJSONClient(region: "us-east-1", endpoint: { _ in "https://logs.us-east-1.amazonaws.com" },
                                   credentials: StaticCredentialsProvider(AWSJSONClientTests.longTerm), transport: fake,
                                   sleeper: { recorder.sleeps.append($0); now += $0 },
                                   retry: RetryPolicy(random: { 0 }), quota: RetryQuota(), rates: limits,
                                   log: { recorder.logLines.append($0) })
        for _ in 0..<3 { _ = try client.callJSON(service: .cloudWatchLogs, operation: "GetLogEvents", body: Array("{}".utf8)) }
        XCTAssertEqual(recorder.sleeps, [0.5], "a burst of 2, then one token's wait at 2/s")
        _ = try client.callJSON(service: .cloudWatchLogs, operation: "GetLogEvents", body: Array("{}".utf8))
        XCTAssertTrue(recorder.logLines.contains { $0.contains("ThrottlingException") && $0.contains("now paced at") },
                      "\(recorder.logLines)")
        let key = APIRateLimits.Key(account: AWSJSONClientTests.longTerm.accessKeyId, region: "us-east-1",
                                    service: .cloudWatchLogs, operation: "GetLogEvents")
        XCTAssertLessThan(limits.currentRate(key) ?? 2, 2)
    }
}
