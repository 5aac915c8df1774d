import Foundation
import XCTest
@testable import Fetch

/// The providers over the real libcurl transport against `Tests/Support/metadata_server.py`
/// (container endpoint, IMDSv2, STS) on 127.0.0.1.
final class CredentialServerTests: XCTestCase {
    private var home: CredentialTestHome!
    private var server: LocalCredentialServer?

    override func setUpWithError() throws {
        home = try CredentialTestHome()
    }

    override func tearDown() {
        server?.stop()
        home.cleanUp()
    }

    private func startServer(containerToken: String? = nil, expirationSeconds: Int = 3600) throws -> LocalCredentialServer {
        let started = try LocalCredentialServer(containerToken: containerToken, expirationSeconds: expirationSeconds)
        server = started
        return started
    }

    private func recorded(_ server: LocalCredentialServer, transport: HTTPTransport) throws -> [LocalCredentialServer.RecordedRequest] {
        let response = try transport.send(HTTPRequest(method: "GET", url: server.baseURL + "/_requests"))
        return try JSONDecoder().decode([LocalCredentialServer.RecordedRequest].self, from: Data(response.body))
    }

    private func chain(_ variables: [String: String], profile: String? = nil, clock: CredentialMovableClock? = nil,
                       containerBase: String? = nil, transport: HTTPTransport) throws -> CredentialsProvider {
        var environment = home.environment(variables.merging(["AWS_REGION": "us-east-1"]) { old, _ in old },
                                           now: Date(), disableMetadata: variables["AWS_EC2_METADATA_SERVICE_ENDPOINT"] == nil)
        if let clock { environment.now = { clock.now } }
        if let containerBase { environment.containerCredentialsBaseURL = containerBase }
        return try AWSSettings.resolve(profile: profile, region: nil, endpointURL: nil, environment: environment)
            .credentialsProvider(transport: transport)
    }

    func testContainerRelativeURIWithTokenAndAWrongToken() throws {
        let server = try startServer(containerToken: CredentialSecretMarker.authorization)
        let transport = CurlTransport()
        let found = try chain(["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/container/credentials",
                               "AWS_CONTAINER_AUTHORIZATION_TOKEN": CredentialSecretMarker.authorization],
                              containerBase: server.baseURL, transport: transport).credentials()
        XCTAssertTrue(found.accessKeyId.hasPrefix("ASIACONTAINER"))
        XCTAssertEqual(found.secretAccessKey, CredentialSecretMarker.secret)
        XCTAssertEqual(found.sessionToken, CredentialSecretMarker.token)
        XCTAssertNotNil(found.expiration)

        XCTAssertEqual(credentialErrorMessage {
            _ = try self.chain(["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/container/credentials",
                                "AWS_CONTAINER_AUTHORIZATION_TOKEN": "wrong"],
                               containerBase: server.baseURL, transport: transport).credentials()
        }, "container credentials: the endpoint answered HTTP 401")
    }

    func testContainerFullURIWithTokenFile() throws {
        let server = try startServer(containerToken: CredentialSecretMarker.authorization)
        try home.write("token", CredentialSecretMarker.authorization + "\n")
        let transport = CurlTransport()
        let found = try chain(["AWS_CONTAINER_CREDENTIALS_FULL_URI": server.baseURL + "/container/credentials",
                               "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE": home.path + "/token"],
                              transport: transport).credentials()
        XCTAssertTrue(found.accessKeyId.hasPrefix("ASIACONTAINER"))
        XCTAssertEqual(try recorded(server, transport: transport).first?.headers["authorization"], CredentialSecretMarker.authorization)
    }

    func testIMDSv2TokenFirstThenRoleAndRefreshBeforeExpiry() throws {
        let server = try startServer(expirationSeconds: 400)
        let transport = CurlTransport()
        let clock = CredentialMovableClock(Date())
        let provider = try chain(["AWS_EC2_METADATA_SERVICE_ENDPOINT": server.baseURL], clock: clock, transport: transport)
        let first = try provider.credentials()
        XCTAssertTrue(first.accessKeyId.hasPrefix("ASIAIMDS"))
        XCTAssertEqual(first.source, "EC2 instance role cbtriage-test-role")
        XCTAssertEqual(try provider.credentials().accessKeyId, first.accessKeyId, "cached while > 5 minutes remain")
        clock.advance(120) // about 280 s left: inside the refresh window
        let second = try provider.credentials()
        XCTAssertNotEqual(second.accessKeyId, first.accessKeyId)

        let requests = try recorded(server, transport: transport)
        XCTAssertEqual(requests.map { "\($0.method) \($0.path)" }, [
            "PUT /latest/api/token",
            "GET /latest/meta-data/iam/security-credentials/",
            "GET /latest/meta-data/iam/security-credentials/cbtriage-test-role",
            "PUT /latest/api/token",
            "GET /latest/meta-data/iam/security-credentials/",
            "GET /latest/meta-data/iam/security-credentials/cbtriage-test-role",
        ])
        XCTAssertEqual(requests[0].headers["x-aws-ec2-metadata-token-ttl-seconds"], "21600")
        XCTAssertTrue(requests.filter { $0.method == "GET" }.allSatisfy { $0.headers["x-aws-ec2-metadata-token"] != nil })
    }

    func testAssumeRoleIsSignedWithTheSourceProfileKey() throws {
        let server = try startServer()
        try home.credentials("[base]\naws_access_key_id = AKIASOURCEKEY\naws_secret_access_key = \(CredentialSecretMarker.secret)\n")
        try home.config("[profile deploy]\nrole_arn = arn:aws:iam::123456789012:role/deploy\nsource_profile = base\n")
        let transport = CurlTransport()
        let found = try chain(["AWS_ENDPOINT_URL_STS": server.baseURL], profile: "deploy", transport: transport).credentials()
        XCTAssertTrue(found.accessKeyId.hasPrefix("ASIASTS"))
        XCTAssertEqual(found.source, "profile deploy (assume role arn:aws:iam::123456789012:role/deploy)")
        let request = try XCTUnwrap(try recorded(server, transport: transport).first)
        XCTAssertEqual(request.method, "POST")
        let authorization = try XCTUnwrap(request.headers["authorization"])
        XCTAssertTrue(authorization.hasPrefix("AWS4-HMAC-SHA256 Credential=AKIASOURCEKEY/"), authorization)
        XCTAssertTrue(authorization.contains("/us-east-1/sts/aws4_request"), authorization)
        XCTAssertTrue(request.body.contains("RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fdeploy"), request.body)
        CredentialSecretMarker.assertAbsent(authorization)
    }

    func testWebIdentityIsSentUnsigned() throws {
        let server = try startServer()
        try home.write("oidc", "header.payload.signature")
        let transport = CurlTransport()
        let found = try chain(["AWS_ENDPOINT_URL_STS": server.baseURL, "AWS_WEB_IDENTITY_TOKEN_FILE": home.path + "/oidc",
                               "AWS_ROLE_ARN": "arn:aws:iam::1:role/ci"], transport: transport).credentials()
        XCTAssertTrue(found.accessKeyId.hasPrefix("ASIASTS"))
        let request = try XCTUnwrap(try recorded(server, transport: transport).first)
        XCTAssertNil(request.headers["authorization"])
        XCTAssertTrue(request.body.contains("WebIdentityToken=header.payload.signature"), request.body)
    }
}
