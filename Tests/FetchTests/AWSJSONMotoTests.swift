import Foundation
@testable import Fetch
import TestSupport
import XCTest

/// `AWSJSONClient` over the real `CurlTransport` against `moto_server`, which re-computes SigV4
/// signatures with botocore once authentication is on: the same client code as in production.
///
/// moto starts with `INITIAL_NO_AUTH_ACTION_COUNT=3`: three unauthenticated calls (DescribeLogGroups
/// with dummy keys, IAM CreateUser, CreateAccessKey), then every request is checked.
final class AWSJSONMotoTests: XCTestCase {
    private var moto: MotoServer?

    override func tearDown() {
        moto?.stop()
        moto = nil
    }

    /// A missing moto_server is a failure, not a skip: `make test` installs it.
    private func startMoto() throws -> String {
        let server = try MotoServer(environment: ["INITIAL_NO_AUTH_ACTION_COUNT": "3"])
        moto = server
        return server.endpoint
    }

    /// A signed IAM query call, made directly (cbtriage's client only knows Logs, CodeBuild and STS).
    private func iam(_ base: String, _ body: String) throws -> String {
        var request = HTTPRequest(method: "POST", url: base + "/", headers: [
            HTTPHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"),
        ], body: Array(body.utf8))
        SigV4Signer(credentials: AWSCredentials(accessKeyId: "AKIDDUMMY", secretAccessKey: "dummy"),
                    region: "us-east-1", service: "iam").sign(&request, date: Date())
        let response = try CurlTransport().send(request)
        XCTAssertEqual(response.status, 200, String(decoding: response.body, as: UTF8.self))
        return String(decoding: response.body, as: UTF8.self)
    }

    private func describeLogGroups(_ base: String, _ credentials: AWSCredentials, log: @escaping (String) -> Void) throws -> [UInt8] {
        let client = AWSJSONClient(region: "us-east-1", endpoint: { _ in base },
                                   credentials: StaticCredentialsProvider(credentials), transport: CurlTransport(),
                                   sleeper: { _ in }, quota: RetryQuota(), log: log)
        return try client.callJSON(service: .cloudWatchLogs, operation: "DescribeLogGroups", body: Array("{}".utf8))
    }

    func testSignedCallsAndDecodedAuthErrors() throws {
        let base = try startMoto()
        var logLines: [String] = []
        let log: (String) -> Void = { logLines.append($0) }

        // 1. Unauthenticated phase: a plain call succeeds.
        let groups = try describeLogGroups(base, AWSCredentials(accessKeyId: "AKIDDUMMY", secretAccessKey: "dummy"), log: log)
        let decoded = try JSONSerialization.jsonObject(with: Data(groups)) as? [String: Any]
        XCTAssertEqual((decoded?["logGroups"] as? [Any])?.count, 0, String(decoding: groups, as: UTF8.self))

        // 2. A real key pair in moto's IAM.
        _ = try iam(base, "Action=CreateUser&Version=2010-05-08&UserName=cbtriage-test")
        let keyXML = try iam(base, "Action=CreateAccessKey&Version=2010-05-08&UserName=cbtriage-test")
        let keyId = try XCTUnwrap(AWSErrorDecoder.xmlElement("AccessKeyId", in: keyXML))
        let secret = try XCTUnwrap(AWSErrorDecoder.xmlElement("SecretAccessKey", in: keyXML))

        // 3. Authentication is on now.
        func failure(_ credentials: AWSCredentials) -> AWSError? {
            do {
                _ = try describeLogGroups(base, credentials, log: log)
                XCTFail("expected an AWSError")
            } catch let error as AWSError {
                return error
            } catch {
                XCTFail("expected an AWSError, got \(error)")
            }
            return nil
        }
        let unknownKey = failure(AWSCredentials(accessKeyId: "AKIAUNKNOWN000000000", secretAccessKey: "SECRET-MARKER-unknown"))
        XCTAssertEqual(unknownKey?.code, "InvalidClientTokenId")
        XCTAssertEqual(unknownKey?.status, 403)

        let wrongSecret = failure(AWSCredentials(accessKeyId: keyId, secretAccessKey: "SECRET-MARKER-wrong"))
        XCTAssertEqual(wrongSecret?.code, "SignatureDoesNotMatch")
        XCTAssertEqual(wrongSecret?.attempts, 1, "a bad signature without clock skew is not retried")

        // The right secret passes moto's signature check (botocore's own computation) and stops at IAM
        // authorization: the user has no policy.
        let rightKey = failure(AWSCredentials(accessKeyId: keyId, secretAccessKey: secret))
        XCTAssertEqual(rightKey?.code, "AccessDenied")
        XCTAssertTrue(rightKey?.userMessage.contains("IAM permission logs:DescribeLogGroups") ?? false,
                      rightKey?.userMessage ?? "")

        for text in [unknownKey?.userMessage, wrongSecret?.userMessage, rightKey?.userMessage].compactMap({ $0 }) + logLines {
            XCTAssertFalse(text.contains("SECRET-MARKER"), text)
            XCTAssertFalse(text.contains(secret), text)
        }
        // What a user sees; recorded in docs/aws-transport.md.
        for line in logLines { print("moto log: \(line)") }
        for error in [unknownKey, wrongSecret, rightKey].compactMap({ $0 }) { print("moto error: \(error.userMessage)") }
    }
}
