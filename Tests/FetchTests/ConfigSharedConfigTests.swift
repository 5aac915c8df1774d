import XCTest
@testable import Fetch

final class ConfigSharedConfigTests: XCTestCase {
    func testProfileSectionNamesDifferBetweenTheTwoFiles() throws {
        let config = try SharedConfig.parse(configText: """
            [default]
            region = eu-west-1
            [profile dev]
            region = us-west-2
            aws_access_key_id = CONFIGKEY
            [dev-bare]
            region = ignored-because-config-needs-the-profile-prefix
            [sso-session corp]
            sso_start_url = https://corp.awsapps.com/start
            [services local]
            cloudwatch_logs =
              endpoint_url = http://127.0.0.1:5000
            """, credentialsText: """
            [dev]
            aws_access_key_id = CREDKEY
            aws_secret_access_key = \(CredentialSecretMarker.secret)
            [profile odd]
            aws_access_key_id = K
            """)
        XCTAssertEqual(Set(config.configFileProfiles.keys), ["default", "dev"])
        XCTAssertEqual(Set(config.credentialsFileProfiles.keys), ["dev", "profile odd"])
        XCTAssertEqual(config.ssoSessions["corp"]?["sso_start_url"], "https://corp.awsapps.com/start")
        XCTAssertEqual(config.services["local"]?.nested["cloudwatch_logs"]?["endpoint_url"], "http://127.0.0.1:5000")
        let dev = try XCTUnwrap(config.profile("dev"))
        XCTAssertEqual(dev["aws_access_key_id"], "CREDKEY", "the credentials file wins key by key")
        XCTAssertEqual(dev["region"], "us-west-2", "keys only in the config file stay")
        XCTAssertFalse(config.hasProfile("dev-bare"))
        XCTAssertNil(config.profile("missing"))
    }

    func testFilesComeFromVariablesWithTildeExpandedOrTheDefaults() throws {
        let home = try CredentialTestHome()
        defer { home.cleanUp() }
        try home.config("[default]\nregion = us-east-2\n")
        try home.write("elsewhere/creds", "[default]\naws_access_key_id = ELSEWHERE\n")
        try home.write("elsewhere/conf", "[default]\nregion = ap-south-1\n")

        let defaults = try SharedConfig.load(environment: home.environment())
        XCTAssertEqual(defaults.profile("default")?["region"], "us-east-2")
        XCTAssertEqual(defaults.configPath, home.path + "/.aws/config")
        XCTAssertTrue(defaults.credentialsFileProfiles.isEmpty, "a missing credentials file is empty, not an error")

        let moved = try SharedConfig.load(environment: home.environment([
            "AWS_CONFIG_FILE": "~/elsewhere/conf", "AWS_SHARED_CREDENTIALS_FILE": home.path + "/elsewhere/creds",
        ]))
        XCTAssertEqual(moved.profile("default")?["region"], "ap-south-1")
        XCTAssertEqual(moved.profile("default")?["aws_access_key_id"], "ELSEWHERE")
    }

    func testUnreadableAndMalformedFilesAreErrorsWithThePath() throws {
        let home = try CredentialTestHome()
        defer { home.cleanUp() }
        try home.config("[default]\nregion = us-east-1\nnot a setting\n")
        let message = credentialErrorMessage { _ = try SharedConfig.load(environment: home.environment()) }
        XCTAssertEqual(message, "\(home.path)/.aws/config:3: expected 'key = value' or a [section] header")

        try FileManager.default.createDirectory(atPath: home.path + "/dir", withIntermediateDirectories: true)
        let directoryMessage = credentialErrorMessage {
            _ = try SharedConfig.load(environment: home.environment(["AWS_SHARED_CREDENTIALS_FILE": home.path + "/dir"]))
        }
        XCTAssertTrue(directoryMessage.contains("cannot read AWS config file \(home.path)/dir"), directoryMessage)
    }
}
