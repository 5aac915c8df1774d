import Foundation
@testable import Fetch
import XCTest

/// cbtriage's own requests (`Fixtures/sigv4/json-protocol`), signed by botocore 1.43.11: our
/// canonical request, string to sign and Authorization must match byte for byte.
final class SigV4JSONProtocolTests: XCTestCase {
    struct CaseInputs: Decodable {
        var service: String
        var region: String
        var host: String
        var method: String
        var path: String
        var operation: String
        var access_key_id: String
        var secret_access_key: String
        var session_token: String?
        var body_length: Int
        var signed_headers: String
        var signing_key_hex: String
        var signature: String
    }

    struct CasesFile: Decodable {
        var timestamp: String
        var cases: [String: CaseInputs]
    }

    static let expectedCases: Set<String> = [
        "codebuild-batch-get-builds", "codebuild-batch-get-builds-session-token",
        "codebuild-list-builds-for-project", "codebuild-list-builds-for-project-session-token",
        "logs-describe-log-streams", "logs-describe-log-streams-session-token",
        "logs-filter-log-events", "logs-filter-log-events-session-token",
        "logs-get-log-events", "logs-get-log-events-session-token", "sts-assume-role",
    ]

    private func loadCases() throws -> CasesFile {
        let file = SigV4Fixtures.root.appendingPathComponent("json-protocol/cases.json")
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw SigV4FixtureError.missing(file.path)
        }
        return try JSONDecoder().decode(CasesFile.self, from: data)
    }

    func testAllElevenCasesArePresent() throws {
        let file = try loadCases()
        XCTAssertEqual(Set(file.cases.keys), Self.expectedCases)
        let onDisk = try SigV4Fixtures.caseDirectories(in: "json-protocol").map { ($0 as NSString).lastPathComponent }
        XCTAssertEqual(Set(onDisk), Self.expectedCases)
    }

    func testCanonicalRequestsAndStringsToSign() throws {
        let file = try loadCases()
        for (name, inputs) in file.cases.sorted(by: { $0.key < $1.key }) {
            let vector = try SigV4Fixtures.load("json-protocol/\(name)")
            XCTAssertEqual(vector.body.count, inputs.body_length, "body length of \(name)")
            let canonical = SigV4Canonical.canonicalRequest(method: vector.method, path: vector.path,
                                                            query: vector.query, headers: vector.headers, body: vector.body)
            XCTAssertEqual(canonical.text, vector.canonicalRequest, "canonical request of \(name)")
            XCTAssertEqual(canonical.signedHeaders, inputs.signed_headers, "signed headers of \(name)")
            let scope = SigV4Signer.credentialScope(amzDate: file.timestamp, region: inputs.region, service: inputs.service)
            XCTAssertEqual(SigV4Signer.stringToSign(canonicalRequest: canonical.text, amzDate: file.timestamp, scope: scope),
                           vector.stringToSign, "string to sign of \(name)")
            let key = SigV4Signer.signingKey(secret: inputs.secret_access_key, date: String(file.timestamp.prefix(8)),
                                             region: inputs.region, service: inputs.service)
            XCTAssertEqual(key.withUnsafeBytes { SigV4Encoding.hex($0) }, inputs.signing_key_hex, "signing key of \(name)")
            XCTAssertEqual(SigV4Signer.signature(signingKey: key, stringToSign: vector.stringToSign), inputs.signature,
                           "signature of \(name)")
        }
    }

    /// The request as cbtriage builds it (no Host, X-Amz-Date or token yet) through the public `sign`.
    func testSignProducesBotocoresAuthorization() throws {
        let file = try loadCases()
        let date = try SigV4Fixtures.date(fromAmzDate: file.timestamp)
        for (name, inputs) in file.cases.sorted(by: { $0.key < $1.key }) {
            let vector = try SigV4Fixtures.load("json-protocol/\(name)")
            let credentials = AWSCredentials(accessKeyId: inputs.access_key_id, secretAccessKey: inputs.secret_access_key,
                                             sessionToken: inputs.session_token)
            let added: Set<String> = ["host", "x-amz-date", "x-amz-security-token"]
            var request = HTTPRequest(method: inputs.method, url: "https://\(inputs.host)\(inputs.path)",
                                      headers: vector.headers.filter { !added.contains($0.name.lowercased()) },
                                      body: vector.body)
            SigV4Signer(credentials: credentials, region: inputs.region, service: inputs.service).sign(&request, date: date)
            XCTAssertEqual(request.headers.filter { $0.name == "Authorization" }.map(\.value), [vector.authorization],
                           "Authorization of \(name)")
            // Every header of the botocore-signed request is on ours with the same value.
            for expected in vector.headers {
                XCTAssertEqual(request.headers.filter { $0.name.lowercased() == expected.name.lowercased() }.map(\.value),
                               [expected.value], "\(expected.name) of \(name)")
            }
            XCTAssertEqual(request.headers.count, vector.headers.count + 1, "header count of \(name)")
        }
    }
}
