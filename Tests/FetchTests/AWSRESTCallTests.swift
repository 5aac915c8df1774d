import Foundation
@testable import Fetch
import XCTest

/// S3's REST calls through `AWSJSONClient`: the same attempt loop (retries, error decoding) as JSON calls.
final class AWSRESTCallTests: XCTestCase {
    private func s3(_ transport: HTTPTransport, recorder: AWSJSONRecorder) -> S3Client {
        let caller = AWSJSONClient(region: "us-east-1", endpoint: { _ in "http://127.0.0.1:9" },
                                   credentials: StaticCredentialsProvider(AWSJSONClientTests.longTerm), transport: transport,
                                   clock: { AWSJSONClientTests.vectorDate }, sleeper: { recorder.sleeps.append($0) },
                                   retry: RetryPolicy(random: { 0.5 }), quota: RetryQuota(), rates: .unpaced(),
                                   log: { recorder.logLines.append($0) })
        return S3Client(caller: caller, endpoint: "http://127.0.0.1:9", virtualHosted: false)
    }

    func testGetObjectIsASignedGetRetriedAfterA503() throws {
        let fake = AWSJSONFakeTransport([
            AWSJSONFakeTransport.awsXMLError(503, code: "SlowDown", message: "Please reduce your request rate."),
            .response(HTTPResponse(status: 200, body: [0x1F, 0x8B, 0x08])),
        ])
        let recorder = AWSJSONRecorder()
        let body = try s3(fake, recorder: recorder).getObject(S3ObjectAddress(bucket: "logs", key: "ci/b 1.gz"))
        XCTAssertEqual(body, [0x1F, 0x8B, 0x08], "an object's bytes are not checked as JSON or XML")
        XCTAssertEqual(fake.requests.count, 2)
        XCTAssertEqual(recorder.sleeps.count, 1)
        let sent = try XCTUnwrap(fake.requests.last)
        XCTAssertEqual(sent.method, "GET")
        XCTAssertEqual(sent.url, "http://127.0.0.1:9/logs/ci/b%201.gz")
        XCTAssertEqual(sent.headers.first { $0.name == "x-amz-content-sha256" }?.value, "UNSIGNED-PAYLOAD")
        let authorization = sent.headers.first { $0.name == "Authorization" }?.value ?? ""
        XCTAssertTrue(authorization.contains("/us-east-1/s3/aws4_request"), authorization)
        XCTAssertTrue(recorder.logLines.first?.hasPrefix("GET 127.0.0.1:9 GetObject -> 503 SlowDown") ?? false,
                      "\(recorder.logLines)")
    }

    func testAMissingKeyIsDecodedFromS3sXMLAndNotRetried() {
        let fake = AWSJSONFakeTransport([.response(HTTPResponse(status: 404, body: Array(
            "<?xml version=\"1.0\"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><Key>k</Key></Error>".utf8)))])
        XCTAssertThrowsError(try s3(fake, recorder: AWSJSONRecorder()).getObject(S3ObjectAddress(bucket: "b", key: "k"))) { error in
            let aws = error as? AWSError
            XCTAssertEqual(aws?.code, "NoSuchKey")
            XCTAssertEqual(aws?.iamAction, "s3:GetObject")
        }
        XCTAssertEqual(fake.requests.count, 1)
    }

    func testPutObjectSignsTheBodysRealHash() throws {
        let fake = AWSJSONFakeTransport([.response(HTTPResponse(status: 200))])
        try s3(fake, recorder: AWSJSONRecorder()).putObject(S3ObjectAddress(bucket: "b", key: "r/x.json"),
                                                           body: Array("{}\n".utf8), contentType: "application/json")
        let sent = try XCTUnwrap(fake.requests.first)
        XCTAssertEqual(sent.method, "PUT")
        XCTAssertEqual(sent.body, Array("{}\n".utf8))
        XCTAssertEqual(sent.headers.first { $0.name == "x-amz-content-sha256" }?.value, SigV4Canonical.payloadHash(Array("{}\n".utf8)))
    }
}
