import Foundation
@testable import Fetch
import XCTest

/// Rules of each signing stage that the vectors exercise only indirectly.
final class SigV4StageTests: XCTestCase {
    func testTrimAllCollapsesWhitespaceAndKeepsCase() {
        XCTAssertEqual(SigV4Encoding.trimAll("  \"a   b   c\"  "), "\"a b c\"")
        XCTAssertEqual(SigV4Encoding.trimAll("Value1\n   value2\t\tVALUE3"), "Value1 value2 VALUE3")
        XCTAssertEqual(SigV4Encoding.trimAll("   "), "")
        XCTAssertEqual(SigV4Encoding.trimAll(""), "")
    }

    func testPathFromTheWireIsEncodedTwice() {
        XCTAssertEqual(SigV4Canonical.canonicalURI(path: "/%E1%88%B4"), "/%25E1%2588%25B4")
        XCTAssertEqual(SigV4Canonical.canonicalURI(path: "/"), "/")
        XCTAssertEqual(SigV4Canonical.canonicalURI(path: ""), "/")
        XCTAssertEqual(SigV4Canonical.canonicalURI(path: "/a/./b/../c//d/"), "/a/c/d/")
        XCTAssertEqual(SigV4Canonical.canonicalURI(path: "/../.."), "/")
    }

    func testQueryIsEncodedOnceSortedAndKeepsRepeatedKeys() {
        XCTAssertEqual(SigV4Canonical.canonicalQuery("b=2&a=z&a=y&c"), "a=y&a=z&b=2&c=")
        XCTAssertEqual(SigV4Canonical.canonicalQuery("k=a%20b&s=x/y&p=1+1"), "k=a%20b&p=1%2B1&s=x%2Fy")
        XCTAssertEqual(SigV4Canonical.canonicalQuery("bad=%zz"), "bad=%25zz")
        XCTAssertEqual(SigV4Canonical.canonicalQuery(""), "")
    }

    func testHeadersThatLibcurlMayChangeAreNotSigned() {
        let headers = [
            HTTPHeader("Content-Type", "application/x-amz-json-1.1"),
            HTTPHeader("Content-Length", "12"), HTTPHeader("User-Agent", "cbtriage"),
            HTTPHeader("Expect", "100-continue"), HTTPHeader("Transfer-Encoding", "chunked"),
            HTTPHeader("Connection", "keep-alive"), HTTPHeader("Accept-Encoding", "gzip"),
            HTTPHeader("Host", "logs.us-east-1.amazonaws.com"),
        ]
        let canonical = SigV4Canonical.canonicalHeaders(headers)
        XCTAssertEqual(canonical.signedHeaders, "content-type;host")
        XCTAssertEqual(canonical.block, "content-type:application/x-amz-json-1.1\nhost:logs.us-east-1.amazonaws.com\n")
    }

    func testRepeatedHeadersJoinInOrderSent() {
        let canonical = SigV4Canonical.canonicalHeaders([
            HTTPHeader("X-B", "2"), HTTPHeader("x-a", " one "), HTTPHeader("X-B", "1"),
        ])
        XCTAssertEqual(canonical.block, "x-a:one\nx-b:2,1\n")
        XCTAssertEqual(canonical.signedHeaders, "x-a;x-b")
    }

    func testAmzDateFormatting() {
        XCTAssertEqual(AmzDate.string(from: Date(timeIntervalSince1970: 0)), "19700101T000000Z")
        XCTAssertEqual(AmzDate.string(from: Date(timeIntervalSince1970: 1_440_938_160.9)), "20150830T123600Z")
        XCTAssertEqual(AmzDate.string(from: Date(timeIntervalSince1970: 951_782_400)), "20000229T000000Z")
        XCTAssertEqual(AmzDate.string(from: Date(timeIntervalSince1970: 4_107_542_399)), "21000228T235959Z")
        for seconds in stride(from: Int64(-86_400 * 400), to: 86_400 * 50_000, by: 86_400 * 37 + 3_599) {
            XCTAssertEqual(CivilTime(epochSeconds: seconds).epochSeconds, seconds)
        }
    }

    func testHostHeaderCarriesOnlyANonDefaultPort() {
        XCTAssertEqual(URLParts("https://logs.us-east-1.amazonaws.com/")?.hostHeader, "logs.us-east-1.amazonaws.com")
        XCTAssertEqual(URLParts("https://Logs.Example.com:443")?.hostHeader, "logs.example.com")
        XCTAssertEqual(URLParts("http://127.0.0.1:5000/")?.hostHeader, "127.0.0.1:5000")
        XCTAssertEqual(URLParts("http://example.com:80/x?y=1")?.hostHeader, "example.com")
        XCTAssertEqual(URLParts("https://[::1]:8443/")?.hostHeader, "[::1]:8443")
        XCTAssertEqual(URLParts("http://127.0.0.1:5000")?.path, "/")
        XCTAssertEqual(URLParts("http://h/p?q=1#frag")?.query, "q=1")
        XCTAssertNil(URLParts("ftp://example.com/"))
        XCTAssertNil(URLParts("https:///path"))
        XCTAssertNil(URLParts("https://host:99999/"))
    }

    func testSigningTwiceReplacesTheOldSignature() {
        let credentials = AWSCredentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret", sessionToken: "token")
        let signer = SigV4Signer(credentials: credentials, region: "us-east-1", service: "logs")
        var request = HTTPRequest(method: "POST", url: "http://127.0.0.1:5000/",
                                  headers: [HTTPHeader("X-Amz-Target", "Logs_20140328.DescribeLogGroups")], body: Array("{}".utf8))
        signer.sign(&request, date: Date(timeIntervalSince1970: 1_000_000_000))
        let first = request.headers
        signer.sign(&request, date: Date(timeIntervalSince1970: 1_000_000_600))
        for name in ["Host", "X-Amz-Date", "X-Amz-Security-Token", "Authorization"] {
            XCTAssertEqual(request.headers.filter { $0.name == name }.count, 1, name)
        }
        XCTAssertNotEqual(first.first { $0.name == "Authorization" }, request.headers.first { $0.name == "Authorization" })
        XCTAssertEqual(request.headers.first { $0.name == "Host" }?.value, "127.0.0.1:5000")
        let authorization = request.headers.first { $0.name == "Authorization" }?.value ?? ""
        XCTAssertTrue(authorization.contains("SignedHeaders=host;x-amz-date;x-amz-security-token;x-amz-target,"))
        XCTAssertFalse(authorization.contains("secret"))
    }

    func testSigningKeyCacheReusesDerivedKeys() {
        let cache = SigningKeyCache()
        let first = cache.key(secret: "s1", date: "20250314", region: "us-east-1", service: "logs")
        let again = cache.key(secret: "s1", date: "20250314", region: "us-east-1", service: "logs")
        _ = cache.key(secret: "s2", date: "20250314", region: "us-east-1", service: "logs")
        _ = cache.key(secret: "s1", date: "20250315", region: "us-east-1", service: "logs")
        XCTAssertEqual(cache.count, 3)
        XCTAssertEqual(first, again)
        XCTAssertEqual(first, SigV4Signer.signingKey(secret: "s1", date: "20250314", region: "us-east-1", service: "logs"))
        DispatchQueue.concurrentPerform(iterations: 64) { index in
            _ = cache.key(secret: "s\(index % 4)", date: "20250316", region: "eu-west-1", service: "codebuild")
        }
        XCTAssertEqual(cache.count, 7)
    }
}
