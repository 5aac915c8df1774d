import Foundation
@testable import Fetch
import XCTest

/// AWS's published SigV4 suite (`Fixtures/sigv4/suite`), stage by stage.
final class SigV4SuiteTests: XCTestCase {
    static let credentials = AWSCredentials(accessKeyId: "AKIDEXAMPLE",
                                            secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
    static let amzDate = "20150830T123600Z"
    static let sessionTokenCaseToken = "6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267"

    /// Every case of the suite; all of them pass a general non-S3 signer. `post-sts-header-after`
    /// signs without the token (the token is added afterwards), which cbtriage never does; it is
    /// used below only to prove that cbtriage's signature does cover the token.
    static let cases = [
        "get-header-key-duplicate", "get-header-value-multiline", "get-header-value-order",
        "get-header-value-trim", "get-unreserved", "get-utf8", "get-vanilla", "get-vanilla-empty-query-key",
        "get-vanilla-query", "get-vanilla-query-order-encoded", "get-vanilla-query-order-key",
        "get-vanilla-query-order-key-case", "get-vanilla-query-order-value", "get-vanilla-query-unreserved",
        "get-vanilla-utf8-query", "get-vanilla-with-session-token",
        "normalize-path/get-relative", "normalize-path/get-relative-relative", "normalize-path/get-slash",
        "normalize-path/get-slash-dot-slash", "normalize-path/get-slash-pointless-dot",
        "normalize-path/get-slashes", "normalize-path/get-space", "normalize-path/get-special-character",
        "post-header-key-case", "post-header-key-sort", "post-header-value-case",
        "post-sts-token/post-sts-header-before",
        "post-vanilla", "post-vanilla-empty-query-value", "post-vanilla-query",
        "post-x-www-form-urlencoded", "post-x-www-form-urlencoded-parameters",
    ].map { "suite/" + $0 }

    func testEveryCaseOnDiskIsCovered() throws {
        let onDisk = try SigV4Fixtures.caseDirectories(in: "suite")
        XCTAssertEqual(onDisk.count, 34)
        XCTAssertEqual(Set(onDisk), Set(Self.cases + ["suite/post-sts-token/post-sts-header-after"]))
    }

    func testSigningKeyMatchesTheSuite() {
        let key = SigV4Signer.signingKey(secret: Self.credentials.secretAccessKey, date: "20150830",
                                         region: "us-east-1", service: "service")
        XCTAssertEqual(key.withUnsafeBytes { SigV4Encoding.hex($0) },
                       "938127b5336810ddb6a5d6af445fcac9e371f9ed418ed386b022aed82901be75")
    }

    func testCanonicalRequests() throws {
        for name in Self.cases {
            let vector = try SigV4Fixtures.load(name)
            var headers = vector.headers
            if vector.name == "get-vanilla-with-session-token" {
                headers.append(HTTPHeader("X-Amz-Security-Token", Self.sessionTokenCaseToken))
            }
            let canonical = SigV4Canonical.canonicalRequest(method: vector.method, path: vector.path,
                                                            query: vector.query, headers: headers, body: vector.body)
            XCTAssertEqual(canonical.text, vector.canonicalRequest, "canonical request of \(name)")
        }
    }

    func testStringsToSign() throws {
        for name in Self.cases {
            let vector = try SigV4Fixtures.load(name)
            let scope = SigV4Signer.credentialScope(amzDate: Self.amzDate, region: "us-east-1", service: "service")
            XCTAssertEqual(scope, "20150830/us-east-1/service/aws4_request")
            let toSign = SigV4Signer.stringToSign(canonicalRequest: vector.canonicalRequest,
                                                  amzDate: Self.amzDate, scope: scope)
            XCTAssertEqual(toSign, vector.stringToSign, "string to sign of \(name)")
        }
    }

    func testAuthorizationFromStringToSign() throws {
        let key = SigV4Signer.signingKey(secret: Self.credentials.secretAccessKey, date: "20150830",
                                         region: "us-east-1", service: "service")
        for name in Self.cases {
            let vector = try SigV4Fixtures.load(name)
            let signedHeaders = vector.canonicalRequest.split(separator: "\n", omittingEmptySubsequences: false)
                .dropLast().last.map(String.init) ?? ""
            let authorization = SigV4Signer.authorization(
                accessKeyId: Self.credentials.accessKeyId, scope: "20150830/us-east-1/service/aws4_request",
                signedHeaders: signedHeaders,
                signature: SigV4Signer.signature(signingKey: key, stringToSign: vector.stringToSign))
            XCTAssertEqual(authorization, vector.authorization, "authorization of \(name)")
        }
    }

    /// The public `sign` sets Host (from the URL) and X-Amz-Date (from the clock) itself, so those are
    /// dropped from the `.req` before signing and must come back identical.
    func testSignEndToEnd() throws {
        let date = try SigV4Fixtures.date(fromAmzDate: Self.amzDate)
        for name in Self.cases {
            let vector = try SigV4Fixtures.load(name)
            var credentials = Self.credentials
            if vector.name == "get-vanilla-with-session-token" {
                credentials.sessionToken = Self.sessionTokenCaseToken
            }
            if let token = vector.header("X-Amz-Security-Token") {
                credentials.sessionToken = token
            }
            let hostHeader = try XCTUnwrap(vector.header("Host"), name)
            var request = HTTPRequest(method: vector.method, url: "https://\(hostHeader)\(vector.target)",
                                      headers: vector.headers.filter {
                                          !["host", "x-amz-date", "x-amz-security-token"].contains($0.name.lowercased())
                                      },
                                      body: vector.body)
            SigV4Signer(credentials: credentials, region: "us-east-1", service: "service").sign(&request, date: date)
            XCTAssertEqual(request.headers.filter { $0.name == "Authorization" }.map(\.value), [vector.authorization],
                           "sign() of \(name)")
            XCTAssertEqual(request.headers.first { $0.name == "X-Amz-Date" }?.value, Self.amzDate)
            XCTAssertEqual(request.headers.first { $0.name == "Host" }?.value, hostHeader)
        }
    }

    /// `post-sts-header-after` is the signature of the same request *without* the token: ours must
    /// differ from it and equal `post-sts-header-before`, i.e. the token is signed.
    func testSessionTokenIsSigned() throws {
        let before = try SigV4Fixtures.load("suite/post-sts-token/post-sts-header-before")
        let after = try SigV4Fixtures.load("suite/post-sts-token/post-sts-header-after")
        let token = try XCTUnwrap(before.header("X-Amz-Security-Token"))
        var credentials = Self.credentials
        credentials.sessionToken = token
        var request = HTTPRequest(method: "POST", url: "https://example.amazonaws.com/")
        SigV4Signer(credentials: credentials, region: "us-east-1", service: "service")
            .sign(&request, date: try SigV4Fixtures.date(fromAmzDate: Self.amzDate))
        let authorization = request.headers.first { $0.name == "Authorization" }?.value
        XCTAssertEqual(authorization, before.authorization)
        XCTAssertNotEqual(authorization, after.authorization)
        XCTAssertEqual(request.headers.first { $0.name == "X-Amz-Security-Token" }?.value, token)
    }
}
