import Foundation
import XCTest
@testable import Fetch

final class CredentialRedactionTests: XCTestCase {
    func testNothingThatHoldsSecretsPrintsThem() throws {
        let home = try CredentialTestHome()
        defer { home.cleanUp() }
        try home.credentials("[default]\naws_access_key_id = AKIAVISIBLE\naws_secret_access_key = \(CredentialSecretMarker.secret)\naws_session_token = \(CredentialSecretMarker.token)\n")
        let environment = home.environment(["AWS_SECRET_ACCESS_KEY": CredentialSecretMarker.secret, "AWS_SESSION_TOKEN": CredentialSecretMarker.token,
                                            "AWS_ACCESS_KEY_ID": "AKIAVISIBLE", "AWS_CONTAINER_AUTHORIZATION_TOKEN": CredentialSecretMarker.authorization,
                                            "AWS_REGION": "us-east-1"])
        let settings = try AWSSettings.resolve(profile: nil, region: nil, endpointURL: nil, environment: environment)
        let credentials = try settings.credentialsProvider(transport: CredentialTestTransport { _ in throw CredentialTestTransportError() }).credentials()
        let document = try INIParser.parse("[default]\naws_secret_access_key = \(CredentialSecretMarker.secret)\n", path: "c")
        let values: [Any] = [environment, settings, settings.sharedConfig, settings.sharedConfig.profile("default") as Any,
                             document, credentials]
        for value in values {
            var dumped = ""
            dump(value, to: &dumped)
            for text in [String(describing: value), String(reflecting: value), "\(value)", dumped] {
                CredentialSecretMarker.assertAbsent(text)
            }
        }
    }

    func testDescriptionsRedactSecrets() {
        let credentials = AWSCredentials(accessKeyId: "ASIAVISIBLE", secretAccessKey: CredentialSecretMarker.secret,
                                         sessionToken: CredentialSecretMarker.token, source: "test")
        for text in [String(describing: credentials), String(reflecting: credentials), "\(credentials)"] {
            CredentialSecretMarker.assertAbsent(text)
            XCTAssertTrue(text.contains("ASIAVISIBLE"))
        }
    }
}

final class CredentialVerboseTests: XCTestCase {
    func testVerboseSummaryShowsSourceAndKeyHintOnly() {
        let temporary = AWSCredentials(accessKeyId: "ASIAEXAMPLEWXYZ", secretAccessKey: CredentialSecretMarker.secret,
                                       sessionToken: CredentialSecretMarker.token,
                                       expiration: CredentialTestClock.start + 3600, source: "container")
        XCTAssertEqual(temporary.verboseSummary, "credentials: container, key …WXYZ, temporary until 2026-11-25T13:00:00Z")
        let longTerm = AWSCredentials(accessKeyId: "AKIAEXAMPLEABCD", secretAccessKey: "s", source: "environment")
        XCTAssertEqual(longTerm.verboseSummary, "credentials: environment, key …ABCD")
        XCTAssertEqual(AWSCredentials(accessKeyId: "AB", secretAccessKey: "s").accessKeyIdHint, "…")
    }
}
