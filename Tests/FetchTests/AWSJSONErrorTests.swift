import Foundation
@testable import Fetch
import XCTest

/// AWS error bodies, both shapes, and the messages users see.
final class AWSJSONErrorTests: XCTestCase {
    private func decode(_ status: Int, _ body: String, headers: [HTTPHeader] = [], secrets: [String] = []) -> AWSError {
        AWSErrorDecoder.decode(HTTPResponse(status: status, headers: headers, body: Array(body.utf8)),
                               service: .cloudWatchLogs, operation: "GetLogEvents", region: "eu-west-1", secrets: secrets)
    }

    func testJSONShapes() {
        let prefixed = decode(400, "{\"__type\":\"com.amazonaws.logs#ResourceNotFoundException\",\"message\":\"The specified log group does not exist.\"}",
                              headers: [HTTPHeader("x-amzn-RequestId", "abc-123")])
        XCTAssertEqual(prefixed.code, "ResourceNotFoundException")
        XCTAssertEqual(prefixed.message, "The specified log group does not exist.")
        XCTAssertEqual(prefixed.status, 400)
        XCTAssertEqual(prefixed.requestId, "abc-123")
        XCTAssertEqual(prefixed.userMessage, "logs GetLogEvents in eu-west-1 failed: ResourceNotFoundException (HTTP 400): The specified log group does not exist. - not found in eu-west-1; check the name or id and the region")

        let capitalMessage = decode(400, "{\"__type\":\"AccessDeniedException\",\"Message\":\"User: arn:aws:iam::1:user/u is not authorized\"}")
        XCTAssertEqual(capitalMessage.code, "AccessDeniedException")
        XCTAssertEqual(capitalMessage.message, "User: arn:aws:iam::1:user/u is not authorized")
        XCTAssertTrue(capitalMessage.userMessage.hasSuffix("the credentials lack the IAM permission logs:GetLogEvents; add it to the role or user policy"))

        let headerOnly = decode(400, "{}", headers: [HTTPHeader("x-amzn-ErrorType", "ThrottlingException:http://internal.amazon.com/coral/")])
        XCTAssertEqual(headerOnly.code, "ThrottlingException")
        XCTAssertTrue(headerOnly.isThrottling)
    }

    /// A server error that echoes the request's Authorization header keeps neither key id nor signature.
    func testEchoedAuthorizationHeaderIsRedacted() {
        let header = "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20240306/eu-west-1/logs/aws4_request, "
            + "SignedHeaders=host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7"
        let body = #"{"__type":"InternalFailure","message":"bad request; Authorization: \#(header)"}"#
        let message = decode(500, body).userMessage
        XCTAssertFalse(message.contains("AKIAIOSFODNN7EXAMPLE"), message)
        XCTAssertFalse(message.contains("5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7"), message)
        XCTAssertTrue(message.contains("Credential=<redacted>") && message.contains("Signature=<redacted>"), message)
        XCTAssertTrue(message.contains("SignedHeaders=host;x-amz-date"), message)
    }

    func testXMLShapes() {
        let wrapped = decode(403, "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender</Type><Code>InvalidClientTokenId</Code><Message>The security token included in the request is invalid.</Message></Error><RequestId>r-9</RequestId></ErrorResponse>")
        XCTAssertEqual(wrapped.code, "InvalidClientTokenId")
        XCTAssertEqual(wrapped.message, "The security token included in the request is invalid.")
        XCTAssertEqual(wrapped.requestId, "r-9")
        XCTAssertTrue(wrapped.userMessage.contains("check the key pair, AWS_PROFILE"), wrapped.userMessage)

        let bare = decode(403, "<?xml version=\"1.0\"?>\n<Error><Code>SignatureDoesNotMatch</Code><Message>a &lt;b&gt; &amp; &quot;c&quot;</Message></Error>")
        XCTAssertEqual(bare.code, "SignatureDoesNotMatch")
        XCTAssertEqual(bare.message, "a <b> & \"c\"")
        XCTAssertTrue(bare.mayBeClockSkew)
    }

    func testNeitherShape() {
        let error = decode(502, "<html><body>Bad Gateway</body></html>")
        XCTAssertEqual(error.code, "")
        XCTAssertEqual(error.userMessage, "logs GetLogEvents in eu-west-1 failed: HTTP 502 - AWS had a server-side problem (1 attempt(s)); try again later")
        XCTAssertTrue(error.isTransient)
        XCTAssertEqual(decode(400, "not json {").code, "")
    }

    func testAdviceForExpiredToken() {
        XCTAssertTrue(decode(400, "{\"__type\":\"ExpiredTokenException\",\"message\":\"The security token included in the request is expired\"}")
            .userMessage.contains("refresh them (e.g. `aws sso login`)"))
        XCTAssertTrue(decode(403, "<ErrorResponse><Error><Code>ExpiredToken</Code><Message>expired</Message></Error></ErrorResponse>")
            .userMessage.contains("session credentials have expired"))
    }

    /// AWS's SignatureDoesNotMatch message goes on to quote the canonical request, which holds the
    /// session token; none of it may reach the user.
    func testEchoedCanonicalRequestAndKnownSecretsAreScrubbed() {
        let token = "TOKEN-MARKER-0123456789"
        let body = "<ErrorResponse><Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. The Canonical String for this request should have been\n'POST\n/\n\nhost:sts.amazonaws.com\nx-amz-security-token:\(token)\n'</Message></Error></ErrorResponse>"
        let error = decode(403, body, secrets: [token])
        XCTAssertFalse(error.userMessage.contains(token))
        XCTAssertFalse(error.userMessage.contains("\n"))
        XCTAssertEqual(error.message, "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.")

        let echoed = decode(400, "{\"__type\":\"X\",\"message\":\"bad value SECRET-MARKER-KEY-1 in request\"}", secrets: ["SECRET-MARKER-KEY-1"])
        XCTAssertEqual(echoed.message, "bad value <redacted> in request")
    }

    /// The code comes from the body (or a header) as much as the message does: scrubbed, one line, bounded
    /// (found by `FuzzAWSErrorDecoder`: a secret inside `<Code>` reached the user message).
    func testErrorCodeIsScrubbedOneLineAndBounded() {
        let secret = "SECRET-MARKER-KEY-1"
        let shapes = [
            decode(403, "<Error><Code>Sig\(secret)nature\nDoesNotMatch</Code><Message>m</Message></Error>", secrets: [secret]),
            decode(400, "{\"__type\":\"x\\n\(secret)\(String(repeating: "A", count: 5000))\"}", secrets: [secret]),
            decode(400, "", headers: [HTTPHeader("x-amzn-ErrorType", secret + String(repeating: "B", count: 5000))], secrets: [secret]),
        ]
        for error in shapes {
            XCTAssertFalse(error.userMessage.contains(secret), error.userMessage)
            XCTAssertFalse(error.userMessage.contains("\n"), error.userMessage)
            XCTAssertLessThanOrEqual(error.code.count, AWSErrorDecoder.maxCodeLength + 1)
            XCTAssertLessThan(error.userMessage.count, 1_000)
        }
        XCTAssertEqual(shapes[0].code, "Sig<redacted>nature DoesNotMatch")
    }

    /// The whole client, every error path: markers set as the secret key and session token never
    /// appear in a thrown error or a verbose log line.
    func testNoSecretInAnyErrorOrLogLine() {
        let secret = "SECRET-KEY-MARKER-abcdef"
        let token = "SESSION-TOKEN-MARKER-123456"
        let credentials = AWSCredentials(accessKeyId: "ASIAEXAMPLE", secretAccessKey: secret, sessionToken: token)
        let answers: [AWSJSONFakeTransport.Answer] = [
            AWSJSONFakeTransport.awsXMLError(403, code: "SignatureDoesNotMatch",
                                             message: "The Canonical String for this request should have been x-amz-security-token:\(token)"),
            AWSJSONFakeTransport.awsJSONError(400, type: "ValidationException", message: "value \(secret) rejected"),
            AWSJSONFakeTransport.awsJSONError(400, type: "ThrottlingException", message: "slow \(token)"),
            .failure(.hostNotFound(host: "logs.us-east-1.amazonaws.com")),
            .failure(.timedOut(host: "logs.us-east-1.amazonaws.com", seconds: 1, whileConnecting: true)),
        ]
        for answer in answers {
            let recorder = AWSJSONRecorder()
            let fake = AWSJSONFakeTransport([answer, answer, answer])
            let client = AWSJSONClient(region: "us-east-1", endpoint: { _ in "https://logs.us-east-1.amazonaws.com" },
                                       credentials: StaticCredentialsProvider(credentials), transport: fake,
                                       sleeper: { recorder.sleeps.append($0) }, quota: RetryQuota(), rates: .unpaced(), log: { recorder.logLines.append($0) })
            XCTAssertThrowsError(try client.callJSON(service: .cloudWatchLogs, operation: "GetLogEvents", body: Array("{}".utf8))) { error in
                let shown = [(error as? UserFacingError)?.userMessage ?? "", "\(error)", String(reflecting: error)]
                for text in shown + recorder.logLines {
                    XCTAssertFalse(text.contains(secret), text)
                    XCTAssertFalse(text.contains(token), text)
                    XCTAssertFalse(text.contains("Signature="), text)
                }
            }
            XCTAssertFalse(recorder.logLines.isEmpty)
            // The request itself did carry the token (so the check above is not vacuous).
            XCTAssertEqual(fake.requests.first?.headers.first { $0.name == "X-Amz-Security-Token" }?.value, token)
        }
    }
}
