import XCTest
@testable import Fetch

/// IAM Identity Center profiles: the token cache `aws sso login` writes, and GetRoleCredentials.
final class CredentialSSOTests: XCTestCase {
    private var home: CredentialTestHome!

    override func setUpWithError() throws {
        home = try CredentialTestHome()
        try home.config("""
            [profile dev]
            sso_session = corp
            sso_account_id = 123456789012
            sso_role_name = Developer
            [sso-session corp]
            sso_start_url = https://corp.awsapps.com/start
            sso_region = eu-central-1
            [profile legacy]
            sso_start_url = https://legacy.awsapps.com/start
            sso_region = cn-north-1
            sso_account_id = 210987654321
            sso_role_name = ReadOnly
            [profile incomplete]
            sso_account_id = 1
            [profile loginonly]
            sso_session = corp
            """)
    }

    override func tearDown() {
        home.cleanUp()
    }

    private func writeToken(_ fileStem: String, expiresAt: String) throws {
        try home.write(".aws/sso/cache/\(fileStem).json",
                       #"{"startUrl": "https://x", "region": "eu-central-1", "accessToken": "\#(CredentialSecretMarker.authorization)", "expiresAt": "\#(expiresAt)"}"#)
    }

    private func credentials(_ profile: String, transport: CredentialTestTransport) throws -> AWSCredentials {
        try AWSSettings.resolve(profile: profile, region: "us-east-1", endpointURL: nil, environment: home.environment())
            .credentialsProvider(transport: transport).credentials()
    }

    private let roleCredentials = CredentialTestTransport { _ in
        let json = """
            {"roleCredentials": {"accessKeyId": "ASIASSO", "secretAccessKey": "\(CredentialSecretMarker.secret)",
             "sessionToken": "\(CredentialSecretMarker.token)", "expiration": \(Int((CredentialTestClock.start + 3600).timeIntervalSince1970 * 1000))}}
            """
        return HTTPResponse(status: 200, body: Array(json.utf8))
    }

    func testSessionProfileUsesTheCachedTokenNamedBySHA1OfTheSessionName() throws {
        // sha1("corp"), as botocore names the cache file.
        try writeToken("ee0bfd2552fbd840c02cc48b6e823320543c450f", expiresAt: CredentialTestClock.iso(CredentialTestClock.start + 600))
        let found = try credentials("dev", transport: roleCredentials)
        XCTAssertEqual(found.accessKeyId, "ASIASSO")
        XCTAssertEqual(found.expiration, CredentialTestClock.start + 3600)
        XCTAssertEqual(found.source, "profile dev (IAM Identity Center)")
        let request = try XCTUnwrap(roleCredentials.requests.first)
        XCTAssertEqual(request.method, "GET")
        XCTAssertEqual(request.url, "https://portal.sso.eu-central-1.amazonaws.com/federation/credentials?account_id=123456789012&role_name=Developer")
        XCTAssertEqual(request.firstHeader(named: "x-amz-sso_bearer_token"), CredentialSecretMarker.authorization)
    }

    func testLegacyProfileHashesTheStartURLAndAcceptsTheOldExpiryFormat() throws {
        try writeToken("79e435d7a515078e81c9dffc35f38d5687ebd3a7", expiresAt: "2026-11-25T13:00:00UTC")
        XCTAssertEqual(try credentials("legacy", transport: roleCredentials).accessKeyId, "ASIASSO")
        XCTAssertEqual(roleCredentials.requests.first?.url,
                       "https://portal.sso.cn-north-1.amazonaws.com.cn/federation/credentials?account_id=210987654321&role_name=ReadOnly")
    }

    func testMissingExpiredOrRejectedTokensSayRunSSOLogin() throws {
        let cachePath = home.path + "/.aws/sso/cache/ee0bfd2552fbd840c02cc48b6e823320543c450f.json"
        XCTAssertEqual(credentialErrorMessage { _ = try credentials("dev", transport: roleCredentials) },
                       "AWS profile 'dev' (IAM Identity Center): no usable cached SSO token (\(cachePath)); run `aws sso login --profile dev`")
        try writeToken("ee0bfd2552fbd840c02cc48b6e823320543c450f", expiresAt: CredentialTestClock.iso(CredentialTestClock.start - 1))
        XCTAssertEqual(credentialErrorMessage { _ = try credentials("dev", transport: roleCredentials) },
                       "AWS profile 'dev' (IAM Identity Center): the cached SSO token has expired; run `aws sso login --profile dev`")
        XCTAssertTrue(roleCredentials.requests.isEmpty)

        try writeToken("ee0bfd2552fbd840c02cc48b6e823320543c450f", expiresAt: CredentialTestClock.iso(CredentialTestClock.start + 600))
        let rejecting = CredentialTestTransport { _ in HTTPResponse(status: 401, body: Array(#"{"message":"Session token not found or invalid"}"#.utf8)) }
        XCTAssertEqual(credentialErrorMessage { _ = try credentials("dev", transport: rejecting) },
                       "AWS profile 'dev' (IAM Identity Center): the SSO session is no longer valid (HTTP 401); run `aws sso login --profile dev`")
    }

    func testIncompleteSSOSettingsAndLoginOnlyProfiles() {
        XCTAssertEqual(credentialErrorMessage { _ = try credentials("incomplete", transport: roleCredentials) },
                       "AWS profile 'incomplete' (IAM Identity Center): missing sso_start_url, sso_region, sso_role_name; run `aws sso login --profile incomplete`")
        // A profile that only names a session (for `aws sso login`) holds no role: the chain goes on.
        XCTAssertTrue(credentialErrorMessage { _ = try credentials("loginonly", transport: roleCredentials) }
            .hasPrefix("no AWS credentials found; tried: environment variables (ignored: --profile given), profile loginonly"))
    }
}
