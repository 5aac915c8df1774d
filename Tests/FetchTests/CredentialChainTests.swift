import XCTest
@testable import Fetch

/// The order and rules of the default chain, with temporary HOMEs and a fake transport.
final class CredentialChainTests: XCTestCase {
    private var home: CredentialTestHome!

    override func setUpWithError() throws {
        home = try CredentialTestHome()
    }

    override func tearDown() {
        home.cleanUp()
    }

    private func credentials(profile: String? = nil, _ variables: [String: String] = [:],
                             transport: CredentialTestTransport = CredentialTestTransport { _ in throw CredentialTestTransportError() }) throws -> AWSCredentials {
        var all = variables
        all["AWS_REGION"] = all["AWS_REGION"] ?? "us-east-1"
        let settings = try AWSSettings.resolve(profile: profile, region: nil, endpointURL: nil, environment: home.environment(all))
        return try settings.credentialsProvider(transport: transport).credentials()
    }

    func testEnvironmentComesFirst() throws {
        try home.credentials("[default]\naws_access_key_id = FILEKEY\naws_secret_access_key = filesecret\n")
        let found = try credentials(["AWS_ACCESS_KEY_ID": "ENVKEY", "AWS_SECRET_ACCESS_KEY": CredentialSecretMarker.secret,
                                     "AWS_SESSION_TOKEN": CredentialSecretMarker.token])
        XCTAssertEqual(found.accessKeyId, "ENVKEY")
        XCTAssertEqual(found.secretAccessKey, CredentialSecretMarker.secret)
        XCTAssertEqual(found.sessionToken, CredentialSecretMarker.token)
        XCTAssertEqual(found.source, "environment")
        CredentialSecretMarker.assertAbsent(String(describing: found))
    }

    func testKeyIdWithoutSecretIsAnErrorThatSaysWhichIsMissing() {
        XCTAssertEqual(credentialErrorMessage { _ = try credentials(["AWS_ACCESS_KEY_ID": "ENVKEY"]) },
                       "AWS credentials in the environment are incomplete: AWS_SECRET_ACCESS_KEY is not set")
        XCTAssertEqual(credentialErrorMessage { _ = try credentials(["AWS_SECRET_ACCESS_KEY": CredentialSecretMarker.secret]) },
                       "AWS credentials in the environment are incomplete: AWS_ACCESS_KEY_ID is not set")
    }

    func testExplicitProfileFlagSkipsEnvironmentKeysButAWSProfileDoesNot() throws {
        try home.credentials("[dev]\naws_access_key_id = DEVKEY\naws_secret_access_key = devsecret\n")
        let environmentKeys = ["AWS_ACCESS_KEY_ID": "ENVKEY", "AWS_SECRET_ACCESS_KEY": "envsecret"]
        XCTAssertEqual(try credentials(profile: "dev", environmentKeys).accessKeyId, "DEVKEY")
        XCTAssertEqual(try credentials(profile: "dev", environmentKeys).source, "profile dev (credentials file)")
        var viaVariable = environmentKeys
        viaVariable["AWS_PROFILE"] = "dev"
        XCTAssertEqual(try credentials(viaVariable).accessKeyId, "ENVKEY")
        XCTAssertEqual(try credentials(["AWS_PROFILE": "dev"]).accessKeyId, "DEVKEY")
    }

    func testCredentialsFileBeatsConfigFileAndConfigFileKeysWork() throws {
        try home.config("[profile a]\naws_access_key_id = CONFIGKEY\naws_secret_access_key = s\n[profile b]\naws_access_key_id = ONLYCONFIG\naws_secret_access_key = s\n")
        try home.credentials("[a]\naws_access_key_id = CREDKEY\naws_secret_access_key = s\n")
        XCTAssertEqual(try credentials(profile: "a").accessKeyId, "CREDKEY")
        let fromConfig = try credentials(profile: "b")
        XCTAssertEqual(fromConfig.accessKeyId, "ONLYCONFIG")
        XCTAssertEqual(fromConfig.source, "profile b (config file)")
    }

    func testPartialProfileKeys() throws {
        try home.credentials("[default]\naws_access_key_id = ONLYID\n")
        XCTAssertEqual(credentialErrorMessage { _ = try credentials() },
                       "AWS profile 'default' has incomplete credentials: aws_secret_access_key is missing")
    }

    func testUnknownProfileIsAConfigError() throws {
        let message = credentialErrorMessage { _ = try credentials(profile: "nope") }
        XCTAssertEqual(message, "AWS profile 'nope' not found in \(home.path)/.aws/config or \(home.path)/.aws/credentials")
        XCTAssertEqual(credentialErrorMessage { _ = try credentials(["AWS_PROFILE": "nope"]) }, message)
    }

    func testNothingFoundListsWhatWasTried() {
        let message = credentialErrorMessage { _ = try credentials() }
        XCTAssertEqual(message, """
            no AWS credentials found; tried: environment variables, profile default (\(home.path)/.aws/credentials, \
            \(home.path)/.aws/config), web identity (AWS_WEB_IDENTITY_TOKEN_FILE), container endpoint \
            (AWS_CONTAINER_CREDENTIALS_RELATIVE_URI/FULL_URI not set), EC2 instance metadata (disabled by \
            AWS_EC2_METADATA_DISABLED). Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or pass --profile
            """)
    }

    func testUnreachableInstanceMetadataEndsTheChainWithNoCredentials() throws {
        let transport = CredentialTestTransport { _ in throw CredentialTestTransportError() }
        let settings = try AWSSettings.resolve(profile: nil, region: "us-east-1", endpointURL: nil,
                                               environment: home.environment(disableMetadata: false))
        let message = credentialErrorMessage { _ = try settings.credentialsProvider(transport: transport).credentials() }
        XCTAssertTrue(message.hasSuffix("EC2 instance metadata (no answer at http://169.254.169.254). Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or pass --profile"), message)
        XCTAssertEqual(transport.requests.map(\.method), ["PUT"], "one attempt, then give up")
        XCTAssertEqual(transport.requests.first?.connectTimeout, 1)
    }

    func testNothingIsFetchedBeforeTheFirstCall() throws {
        try home.config("[default]\nrole_arn = arn:aws:iam::123456789012:role/r\ncredential_source = Ec2InstanceMetadata\n")
        let transport = CredentialTestTransport { _ in throw CredentialTestTransportError() }
        let settings = try AWSSettings.resolve(profile: nil, region: "us-east-1", endpointURL: nil, environment: home.environment())
        _ = settings.credentialsProvider(transport: transport)
        XCTAssertTrue(transport.requests.isEmpty)
    }

    func testTemporaryEnvironmentCredentialsCarryTheirExpiration() throws {
        let found = try credentials(["AWS_ACCESS_KEY_ID": "ASIAENV", "AWS_SECRET_ACCESS_KEY": "s",
                                     "AWS_CREDENTIAL_EXPIRATION": CredentialTestClock.iso(CredentialTestClock.start + 7200)])
        XCTAssertEqual(found.expiration, CredentialTestClock.start + 7200)
        XCTAssertEqual(credentialErrorMessage {
            _ = try credentials(["AWS_ACCESS_KEY_ID": "ASIAENV", "AWS_SECRET_ACCESS_KEY": "s",
                                 "AWS_CREDENTIAL_EXPIRATION": CredentialTestClock.iso(CredentialTestClock.start - 1)])
        }, "AWS credentials from environment have expired")
    }
}
