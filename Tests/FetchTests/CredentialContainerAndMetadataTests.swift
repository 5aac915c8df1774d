import XCTest
@testable import Fetch

/// Container endpoint and IMDSv2 rules, over a fake transport.
final class CredentialContainerAndMetadataTests: XCTestCase {
    private var home: CredentialTestHome!

    override func setUpWithError() throws {
        home = try CredentialTestHome()
    }

    override func tearDown() {
        home.cleanUp()
    }

    private func containerJSON(_ key: String = "ASIACONTAINER") -> HTTPResponse {
        let json = """
            {"AccessKeyId": "\(key)", "SecretAccessKey": "\(CredentialSecretMarker.secret)", "Token": "\(CredentialSecretMarker.token)",
             "Expiration": "\(CredentialTestClock.iso(CredentialTestClock.start + 3600))"}
            """
        return HTTPResponse(status: 200, body: Array(json.utf8))
    }

    private func chain(_ variables: [String: String], transport: CredentialTestTransport, disableMetadata: Bool = true) throws -> CredentialsProvider {
        var all = variables
        all["AWS_REGION"] = "us-east-1"
        return try AWSSettings.resolve(profile: nil, region: nil, endpointURL: nil,
                                       environment: home.environment(all, disableMetadata: disableMetadata))
            .credentialsProvider(transport: transport)
    }

    func testRelativeURIGoesToTheCodeBuildAgentAddress() throws {
        let transport = CredentialTestTransport { _ in self.containerJSON() }
        let found = try chain(["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/v2/credentials/abc"], transport: transport).credentials()
        XCTAssertEqual(found.accessKeyId, "ASIACONTAINER")
        XCTAssertEqual(found.sessionToken, CredentialSecretMarker.token)
        XCTAssertEqual(found.source, "container")
        XCTAssertEqual(transport.requests.map(\.url), ["http://169.254.170.2/v2/credentials/abc"])
        XCTAssertNil(transport.requests.first?.firstHeader(named: "Authorization"))
    }

    func testFullURIHostRulesAndAuthorizationHeader() throws {
        try home.write("token", "\(CredentialSecretMarker.authorization)\n")
        let transport = CredentialTestTransport { _ in self.containerJSON() }
        _ = try chain(["AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://127.0.0.1:51679/creds",
                       "AWS_CONTAINER_AUTHORIZATION_TOKEN": "from-variable",
                       "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE": home.path + "/token"], transport: transport).credentials()
        XCTAssertEqual(transport.requests.first?.firstHeader(named: "Authorization"), CredentialSecretMarker.authorization, "the file wins")
        _ = try chain(["AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://169.254.170.23/v1/credentials",
                       "AWS_CONTAINER_AUTHORIZATION_TOKEN": "from-variable"], transport: transport).credentials()
        XCTAssertEqual(transport.requests.last?.firstHeader(named: "Authorization"), "from-variable")

        for allowed in ["http://localhost:8080/c", "http://[::1]:9/c", "http://127.1.2.3/c", "https://creds.example.com/c",
                        "http://[fd00:ec2::23]/c"] {
            XCTAssertEqual(try ContainerCredentials(environment: home.environment(["AWS_CONTAINER_CREDENTIALS_FULL_URI": allowed]),
                                                    transport: transport).endpointURL(), allowed)
        }
        for refused in ["http://example.com/c", "http://10.0.0.1/c", "http://127.0.0.1.evil.com/c", "http://169.254.169.254/c"] {
            let message = credentialErrorMessage {
                _ = try self.chain(["AWS_CONTAINER_CREDENTIALS_FULL_URI": refused], transport: transport).credentials()
            }
            XCTAssertTrue(message.hasPrefix("container credentials: AWS_CONTAINER_CREDENTIALS_FULL_URI host '"), message)
            XCTAssertTrue(message.contains("is not allowed over http"), message)
        }
    }

    func testContainerFailuresAreReportedWithoutRetryingA4xx() throws {
        let unauthorized = CredentialTestTransport { _ in HTTPResponse(status: 401, body: Array("{\"message\":\"no\"}".utf8)) }
        XCTAssertEqual(credentialErrorMessage {
            _ = try self.chain(["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/x", "AWS_CONTAINER_AUTHORIZATION_TOKEN": CredentialSecretMarker.authorization],
                               transport: unauthorized).credentials()
        }, "container credentials: the endpoint answered HTTP 401")
        XCTAssertEqual(unauthorized.requests.count, 1)

        var calls = 0
        let flaky = CredentialTestTransport { _ in
            calls += 1
            return calls < 3 ? HTTPResponse(status: 503) : self.containerJSON()
        }
        XCTAssertEqual(try chain(["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/x"], transport: flaky).credentials().accessKeyId,
                       "ASIACONTAINER")
        XCTAssertEqual(flaky.requests.count, 3)

        XCTAssertEqual(credentialErrorMessage {
            _ = try self.chain(["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/x", "AWS_CONTAINER_AUTHORIZATION_TOKEN": "a\r\nX-Injected: 1"],
                               transport: flaky).credentials()
        }, "container credentials: the authorization token contains a line break")
    }

    func testIMDSv2TokenThenRoleThenCredentials() throws {
        let transport = CredentialTestTransport { request in
            switch (request.method, request.url) {
            case ("PUT", "http://127.0.0.1:1338/latest/api/token"):
                return HTTPResponse(status: 200, body: Array("tok-123".utf8))
            case ("GET", "http://127.0.0.1:1338/latest/meta-data/iam/security-credentials/"):
                return HTTPResponse(status: 200, body: Array("build-role\n".utf8))
            case ("GET", "http://127.0.0.1:1338/latest/meta-data/iam/security-credentials/build-role"):
                let json = """
                    {"Code": "Success", "AccessKeyId": "ASIAIMDS", "SecretAccessKey": "\(CredentialSecretMarker.secret)",
                     "Token": "\(CredentialSecretMarker.token)", "Expiration": "\(CredentialTestClock.iso(CredentialTestClock.start + 21600))"}
                    """
                return HTTPResponse(status: 200, body: Array(json.utf8))
            default:
                return HTTPResponse(status: 404)
            }
        }
        let found = try chain(["AWS_EC2_METADATA_SERVICE_ENDPOINT": "http://127.0.0.1:1338/"], transport: transport,
                              disableMetadata: false).credentials()
        XCTAssertEqual(found.accessKeyId, "ASIAIMDS")
        XCTAssertEqual(found.source, "EC2 instance role build-role")
        XCTAssertEqual(found.expiration, CredentialTestClock.start + 21600)
        let requests = transport.requests
        XCTAssertEqual(requests.count, 3)
        XCTAssertEqual(requests[0].firstHeader(named: "X-aws-ec2-metadata-token-ttl-seconds"), "21600")
        XCTAssertEqual(requests[1].firstHeader(named: "X-aws-ec2-metadata-token"), "tok-123")
        XCTAssertEqual(requests[2].firstHeader(named: "X-aws-ec2-metadata-token"), "tok-123")
        XCTAssertTrue(requests.allSatisfy { $0.connectTimeout == 1 })
    }

    func testIMDSWithoutARoleAndIPv6Mode() throws {
        let transport = CredentialTestTransport { request in
            request.method == "PUT" ? HTTPResponse(status: 200, body: Array("t".utf8)) : HTTPResponse(status: 404)
        }
        XCTAssertEqual(credentialErrorMessage {
            _ = try self.chain(["AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE": "IPv6"], transport: transport, disableMetadata: false).credentials()
        }, "EC2 instance metadata credentials: the instance has no IAM role attached (HTTP 404 for /latest/meta-data/iam/security-credentials/)")
        XCTAssertEqual(transport.requests.first?.url, "http://[fd00:ec2::254]/latest/api/token")
    }
}
