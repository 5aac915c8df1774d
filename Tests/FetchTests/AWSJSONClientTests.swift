import Foundation
@testable import Fetch
import XCTest

/// `AWSJSONClient` over a scripted fake transport: the exact requests, retries, skew correction.
final class AWSJSONClientTests: XCTestCase {
    static let longTerm = AWSCredentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
    /// 2025-03-14T09:26:53Z, the json-protocol vectors' clock.
    static let vectorDate = Date(timeIntervalSince1970: 1_741_944_413)

    private func client(_ transport: HTTPTransport, recorder: AWSJSONRecorder = AWSJSONRecorder(),
                        credentials: AWSCredentials = longTerm, endpoint: String? = nil, region: String = "us-east-1",
                        clock: @escaping () -> Date = { AWSJSONClientTests.vectorDate },
                        random: @escaping @Sendable () -> Double = { 0.5 }) -> AWSJSONClient {
        AWSJSONClient(region: region,
                      endpoint: { service in endpoint ?? "https://\(service.signingName).\(region).amazonaws.com" },
                      credentials: StaticCredentialsProvider(credentials), transport: transport, clock: clock,
                      sleeper: { recorder.sleeps.append($0) }, retry: RetryPolicy(random: random), quota: RetryQuota(), rates: .unpaced(),
                      log: { recorder.logLines.append($0) })
    }

    func testJSONCallIsBytForByteBotocoresRequest() throws {
        XCTAssertEqual(AmzDate.string(from: Self.vectorDate), "20250314T092653Z")
        let vector = try SigV4Fixtures.load("json-protocol/logs-get-log-events")
        let fake = AWSJSONFakeTransport([AWSJSONFakeTransport.json(200, "{\"events\":[]}")])
        let body = try client(fake).callJSON(service: .cloudWatchLogs, operation: "GetLogEvents", body: vector.body)
        XCTAssertEqual(String(decoding: body, as: UTF8.self), "{\"events\":[]}")
        let sent = try XCTUnwrap(fake.requests.first)
        XCTAssertEqual(sent.method, "POST")
        XCTAssertEqual(sent.url, "https://logs.us-east-1.amazonaws.com/")
        XCTAssertEqual(sent.body, vector.body)
        XCTAssertEqual(sent.headers.first { $0.name == "Authorization" }?.value, vector.authorization)
        for expected in vector.headers {
            XCTAssertEqual(sent.headers.filter { $0.name.lowercased() == expected.name.lowercased() }.map(\.value), [expected.value])
        }
    }

    func testSessionTokenIsSentAndSigned() throws {
        let vector = try SigV4Fixtures.load("json-protocol/codebuild-batch-get-builds-session-token")
        let token = try XCTUnwrap(vector.header("X-Amz-Security-Token"))
        let credentials = AWSCredentials(accessKeyId: "ASIAIOSFODNN7EXAMPLE",
                                         secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", sessionToken: token)
        let fake = AWSJSONFakeTransport([AWSJSONFakeTransport.json(200, "{}")])
        _ = try client(fake, credentials: credentials, region: "eu-west-1")
            .callJSON(service: .codeBuild, operation: "BatchGetBuilds", body: vector.body)
        XCTAssertEqual(fake.requests.first?.headers.first { $0.name == "Authorization" }?.value, vector.authorization)
    }

    func testSTSQueryBodyAndSignatureMatchBotocore() throws {
        let vector = try SigV4Fixtures.load("json-protocol/sts-assume-role")
        let fake = AWSJSONFakeTransport([AWSJSONFakeTransport.json(200, "<AssumeRoleResponse/>")])
        let answer = try client(fake).callQuery(service: .sts, parameters: [
            ("Action", "AssumeRole"), ("Version", "2011-06-15"),
            ("RoleArn", "arn:aws:iam::123456789012:role/cbtriage-readonly"),
            ("RoleSessionName", "cbtriage"), ("DurationSeconds", "3600"),
        ])
        XCTAssertEqual(answer, Array("<AssumeRoleResponse/>".utf8))
        let sent = try XCTUnwrap(fake.requests.first)
        XCTAssertEqual(sent.body, vector.body)
        XCTAssertEqual(sent.headers.first { $0.name == "Authorization" }?.value, vector.authorization)
        XCTAssertNil(sent.headers.first { $0.name.lowercased() == "x-amz-target" })
    }

    func testHostHeaderCarriesTheNonDefaultPort() throws {
        let fake = AWSJSONFakeTransport([AWSJSONFakeTransport.json(200, "{}")])
        _ = try client(fake, endpoint: "http://127.0.0.1:5000").callJSON(service: .cloudWatchLogs, operation: "DescribeLogGroups", body: Array("{}".utf8))
        let sent = try XCTUnwrap(fake.requests.first)
        XCTAssertEqual(sent.url, "http://127.0.0.1:5000/")
        XCTAssertEqual(sent.headers.first { $0.name == "Host" }?.value, "127.0.0.1:5000")
        let authorization = sent.headers.first { $0.name == "Authorization" }?.value ?? ""
        XCTAssertTrue(authorization.contains("SignedHeaders=content-type;host;x-amz-date;x-amz-target, "), authorization)
    }

    func testCredentialsErrorPassesThrough() {
        let fake = AWSJSONFakeTransport([])
        let client = AWSJSONClient(region: "us-east-1", endpoint: { _ in "https://logs.us-east-1.amazonaws.com" },
                                   credentials: AWSJSONFailingCredentials(), transport: fake)
        XCTAssertThrowsError(try client.callJSON(service: .cloudWatchLogs, operation: "GetLogEvents", body: [])) {
            XCTAssertEqual($0 as? AWSJSONFailingCredentials.NoCredentials, AWSJSONFailingCredentials.NoCredentials())
        }
        XCTAssertTrue(fake.requests.isEmpty)
    }

    func testJSONCallToAQueryServiceIsRefused() {
        let fake = AWSJSONFakeTransport([])
        XCTAssertThrowsError(try client(fake).callJSON(service: .sts, operation: "AssumeRole", body: [])) {
            XCTAssertEqual($0 as? AWSClientError, .protocolMismatch(service: .sts, operation: "AssumeRole"))
        }
    }

    func testBaseURLGetsASlash() {
        XCTAssertEqual(AWSJSONClient.baseURL("http://127.0.0.1:5000"), "http://127.0.0.1:5000/")
        XCTAssertEqual(AWSJSONClient.baseURL("https://logs.us-east-1.amazonaws.com/"), "https://logs.us-east-1.amazonaws.com/")
        XCTAssertEqual(AWSJSONClient.baseURL("https://proxy.example/aws/logs"), "https://proxy.example/aws/logs")
    }
}
