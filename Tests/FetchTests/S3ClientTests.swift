@testable import Fetch
import Foundation
import XCTest

/// S3's request shapes (URLs, key encoding, signing rules) and the listing's pagination, without a server.
final class S3ClientTests: XCTestCase {
    /// AWS's worked example for a signed S3 GET ("Signature Calculations for the Authorization Header",
    /// GET Object): the canonical request keeps the path as sent and hashes with x-amz-content-sha256.
    func testAWSDocumentedGetObjectExampleSignature() {
        var request = HTTPRequest(method: "GET", url: "https://examplebucket.s3.amazonaws.com/test.txt", headers: [
            HTTPHeader("Range", "bytes=0-9"),
            HTTPHeader("x-amz-content-sha256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ])
        let credentials = AWSCredentials(accessKeyId: "AKIAIOSFODNN7EXAMPLE",
                                         secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
        SigV4Signer(credentials: credentials, region: "us-east-1", service: "s3")
            .sign(&request, date: Date(timeIntervalSince1970: 1_369_353_600)) // 2013-05-24T00:00:00Z
        let authorization = request.headers.first { $0.name == "Authorization" }?.value ?? ""
        XCTAssertTrue(authorization.hasSuffix("Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41"),
                      authorization)
        XCTAssertTrue(authorization.contains("SignedHeaders=host;range;x-amz-content-sha256;x-amz-date"), authorization)
    }

    func testS3PathsAreSignedAsSentNotEncodedTwice() {
        let canonical = SigV4Canonical.canonicalRequest(method: "GET", path: "/bucket/a%20b/c%2Bd.gz", query: "",
                                                        headers: [HTTPHeader("x-amz-content-sha256", "UNSIGNED-PAYLOAD")],
                                                        body: [], s3Rules: true)
        XCTAssertTrue(canonical.text.hasPrefix("GET\n/bucket/a%20b/c%2Bd.gz\n"), canonical.text)
        XCTAssertTrue(canonical.text.hasSuffix("\nUNSIGNED-PAYLOAD"), canonical.text)
    }

    func testURLsArePathStyleForACustomEndpointAndVirtualHostedForAWS() {
        let address = S3ObjectAddress(bucket: "logs", key: "codebuild/web app/0f1e+2.gz")
        XCTAssertEqual(address.url(endpoint: "http://127.0.0.1:5000", virtualHosted: false),
                       "http://127.0.0.1:5000/logs/codebuild/web%20app/0f1e%2B2.gz")
        XCTAssertEqual(address.url(endpoint: "https://s3.eu-west-1.amazonaws.com", virtualHosted: true),
                       "https://logs.s3.eu-west-1.amazonaws.com/codebuild/web%20app/0f1e%2B2.gz")
        // A dotted bucket name is not covered by the wildcard certificate: path-style.
        XCTAssertEqual(S3ObjectAddress(bucket: "my.logs", key: "k").url(endpoint: "https://s3.us-east-1.amazonaws.com", virtualHosted: true),
                       "https://s3.us-east-1.amazonaws.com/my.logs/k")
    }

    func testAddressesFromLocationsURIsAndARNs() {
        XCTAssertEqual(S3ObjectAddress(parsing: "bucket/prefix/logs"), S3ObjectAddress(bucket: "bucket", key: "prefix/logs"))
        XCTAssertEqual(S3ObjectAddress(parsing: "arn:aws:s3:::bucket/key.gz"), S3ObjectAddress(bucket: "bucket", key: "key.gz"))
        XCTAssertEqual(S3ObjectAddress(parsing: "s3://bucket"), S3ObjectAddress(bucket: "bucket", key: ""))
        XCTAssertNil(S3ObjectAddress(parsing: "s3:///key"))
    }

    func testTheLogObjectOfAnS3OnlyBuild() throws {
        var build = CodeBuildBuild(id: "web-app:0f1e", logs: CodeBuildLogs(
            cloudWatchLogs: CodeBuildCloudWatchLogsConfig(status: "DISABLED"),
            s3Logs: CodeBuildS3LogsConfig(status: "ENABLED", location: "arn:aws:s3:::logs-bucket/ci")))
        XCTAssertEqual(BuildS3LogObject.address(for: build), S3ObjectAddress(bucket: "logs-bucket", key: "ci/0f1e.gz"))
        build.logs?.s3LogsArn = "arn:aws:s3:::logs-bucket/exact/0f1e.gz"
        XCTAssertEqual(BuildS3LogObject.address(for: build), S3ObjectAddress(bucket: "logs-bucket", key: "exact/0f1e.gz"))
        build.logs?.cloudWatchLogs?.status = "ENABLED"
        XCTAssertNil(BuildS3LogObject.address(for: build), "CloudWatch Logs is read when it is on")
        build.logs?.cloudWatchLogs?.status = "DISABLED"
        build.logs?.s3Logs?.status = "DISABLED"
        XCTAssertNil(BuildS3LogObject.address(for: build))
    }

    func testListingFollowsContinuationTokensAndStopsOnARepeatedOne() throws {
        let pages = [
            "<ListBucketResult><IsTruncated>true</IsTruncated><NextContinuationToken>t1</NextContinuationToken><Contents><Key>a.json</Key></Contents><Contents><Key>b&amp;c.json</Key></Contents></ListBucketResult>",
            "<ListBucketResult><IsTruncated>false</IsTruncated><Contents><Key>d.json</Key></Contents></ListBucketResult>",
        ]
        let caller = ScriptedREST(pages: pages)
        let client = S3Client(caller: caller, endpoint: "http://127.0.0.1:1", virtualHosted: false)
        XCTAssertEqual(try client.listKeys(bucket: "b", prefix: "p/"), ["a.json", "b&c.json", "d.json"])
        XCTAssertEqual(caller.urls, ["http://127.0.0.1:1/b/?list-type=2&prefix=p%2F",
                                     "http://127.0.0.1:1/b/?continuation-token=t1&list-type=2&prefix=p%2F"])

        let looping = ScriptedREST(pages: [pages[0], pages[0]])
        XCTAssertThrowsError(try S3Client(caller: looping, endpoint: "http://127.0.0.1:1", virtualHosted: false)
            .listKeys(bucket: "b", prefix: "")) { error in
            XCTAssertTrue((error as? S3Error)?.userMessage.contains("repeated a continuation token") ?? false, "\(error)")
        }
        XCTAssertThrowsError(try S3ListingPage(xml: "<html/>", bucket: "b"))
    }
}

private final class ScriptedREST: AWSRESTCalling {
    var pages: [String]
    var urls: [String] = []
    init(pages: [String]) { self.pages = pages }

    func callREST(_ call: AWSRESTRequest) throws -> HTTPResponse {
        urls.append(call.url)
        return HTTPResponse(status: 200, body: Array(pages.removeFirst().utf8))
    }
}
