import XCTest
@testable import Fetch

/// `role_arn` profiles (source_profile chains, loops, credential_source) and web identity, over a fake STS.
final class CredentialAssumeRoleTests: XCTestCase {
    private var home: CredentialTestHome!

    override func setUpWithError() throws {
        home = try CredentialTestHome()
    }

    override func tearDown() {
        home.cleanUp()
    }

    private func provider(profile: String?, _ variables: [String: String] = [:], transport: CredentialTestTransport,
                          now: Date = CredentialTestClock.start) throws -> CredentialsProvider {
        var all = variables
        all["AWS_REGION"] = "eu-west-1"
        let settings = try AWSSettings.resolve(profile: profile, region: nil, endpointURL: nil,
                                               environment: home.environment(all, now: now))
        return settings.credentialsProvider(transport: transport)
    }

    func testSourceProfileChainAssumesEachRoleInTurn() throws {
        try home.credentials("[base]\naws_access_key_id = BASEKEY\naws_secret_access_key = basesecret\n")
        try home.config("""
            [profile middle]
            role_arn = arn:aws:iam::111111111111:role/middle
            source_profile = base
            [profile top]
            role_arn = arn:aws:iam::222222222222:role/top
            source_profile = middle
            role_session_name = triage
            external_id = ext-123
            duration_seconds = 900
            """)
        var issued = 0
        let transport = CredentialTestTransport { _ in
            issued += 1
            return stsCredentialsResponse(accessKeyId: "ASIASTEP\(issued)")
        }
        let found = try provider(profile: "top", transport: transport).credentials()
        XCTAssertEqual(found.accessKeyId, "ASIASTEP2")
        XCTAssertEqual(found.source, "profile top (assume role arn:aws:iam::222222222222:role/top)")
        XCTAssertEqual(found.expiration, CredentialTestClock.start + 3600)
        XCTAssertEqual(transport.requests.count, 2)
        let (first, second) = (transport.requests[0], transport.requests[1])
        XCTAssertEqual(first.url, "https://sts.eu-west-1.amazonaws.com/")
        XCTAssertEqual(first.method, "POST")
        XCTAssertEqual(first.firstHeader(named: "Content-Type"), "application/x-www-form-urlencoded; charset=utf-8")
        XCTAssertEqual(stsFormFields(first)["RoleArn"], "arn:aws:iam::111111111111:role/middle")
        XCTAssertEqual(stsFormFields(first)["RoleSessionName"], "cbtriage-\(Int(CredentialTestClock.start.timeIntervalSince1970))")
        // Each hop is signed by the one before it: the base key, then the first role's session.
        XCTAssertTrue(first.firstHeader(named: "Authorization")?.hasPrefix("AWS4-HMAC-SHA256 Credential=BASEKEY/20261125/eu-west-1/sts/aws4_request") == true,
                      first.firstHeader(named: "Authorization") ?? "unsigned")
        XCTAssertNil(first.firstHeader(named: "X-Amz-Security-Token"))
        XCTAssertTrue(second.firstHeader(named: "Authorization")?.hasPrefix("AWS4-HMAC-SHA256 Credential=ASIASTEP1/") == true)
        XCTAssertEqual(second.firstHeader(named: "X-Amz-Security-Token"), CredentialSecretMarker.token)
        XCTAssertEqual(stsFormFields(second), [
            "Action": "AssumeRole", "Version": "2011-06-15", "RoleArn": "arn:aws:iam::222222222222:role/top",
            "RoleSessionName": "triage", "ExternalId": "ext-123", "DurationSeconds": "900",
        ])
    }

    func testLoopsAreDetectedAndSelfReferenceWithKeysIsAllowed() throws {
        try home.config("""
            [profile a]
            role_arn = arn:aws:iam::1:role/a
            source_profile = b
            [profile b]
            role_arn = arn:aws:iam::1:role/b
            source_profile = a
            [profile self]
            role_arn = arn:aws:iam::1:role/self
            source_profile = self
            aws_access_key_id = SELFKEY
            aws_secret_access_key = selfsecret
            [profile selfnokeys]
            role_arn = arn:aws:iam::1:role/selfnokeys
            source_profile = selfnokeys
            """)
        let transport = CredentialTestTransport { _ in stsCredentialsResponse() }
        XCTAssertEqual(credentialErrorMessage { _ = try provider(profile: "a", transport: transport).credentials() },
                       "AWS profiles form a source_profile loop: a -> b -> a")
        XCTAssertEqual(credentialErrorMessage { _ = try provider(profile: "selfnokeys", transport: transport).credentials() },
                       "AWS profiles form a source_profile loop: selfnokeys -> selfnokeys")
        XCTAssertTrue(transport.requests.isEmpty, "loops are found before any call")
        XCTAssertEqual(try provider(profile: "self", transport: transport).credentials().accessKeyId, "ASIAASSUMED")
        XCTAssertEqual(transport.requests.count, 1)
    }

    func testConfigurationMistakes() throws {
        try home.config("""
            [profile nosource]
            role_arn = arn:aws:iam::1:role/x
            [profile both]
            role_arn = arn:aws:iam::1:role/x
            source_profile = nosource
            credential_source = Environment
            [profile missingsource]
            role_arn = arn:aws:iam::1:role/x
            source_profile = ghost
            [profile mfa]
            role_arn = arn:aws:iam::1:role/x
            source_profile = keys
            mfa_serial = arn:aws:iam::1:mfa/me
            [profile keys]
            aws_access_key_id = K
            aws_secret_access_key = \(CredentialSecretMarker.secret)
            [profile badsource]
            role_arn = arn:aws:iam::1:role/x
            credential_source = Keychain
            [profile empty]
            region = us-east-1
            [profile fromempty]
            role_arn = arn:aws:iam::1:role/x
            source_profile = empty
            """)
        let transport = CredentialTestTransport { _ in stsCredentialsResponse() }
        let expected = [
            "nosource": "AWS profile 'nosource' has incomplete credentials: source_profile or credential_source is missing",
            "both": "AWS profile 'both': has both source_profile and credential_source; keep one",
            "missingsource": "AWS profile 'missingsource': source_profile 'ghost' does not exist",
            "badsource": "AWS profile 'badsource': credential_source 'Keychain' is not one of Environment, EcsContainer, Ec2InstanceMetadata",
            "fromempty": "AWS profile 'empty': it is the source_profile of 'fromempty' but holds no credentials",
        ]
        for (profile, message) in expected {
            XCTAssertEqual(credentialErrorMessage { _ = try provider(profile: profile, transport: transport).credentials() }, message)
        }
        XCTAssertTrue(credentialErrorMessage { _ = try provider(profile: "mfa", transport: transport).credentials() }
            .hasPrefix("AWS profile 'mfa' needs an MFA code (mfa_serial); cbtriage cannot prompt for one"))
        XCTAssertTrue(transport.requests.isEmpty)
    }

    func testCredentialSourceEnvironmentSignsWithEnvironmentKeysEvenWhenProfileIsExplicit() throws {
        try home.config("[profile ci]\nrole_arn = arn:aws:iam::1:role/ci\ncredential_source = Environment\n")
        let transport = CredentialTestTransport { _ in stsCredentialsResponse() }
        let found = try provider(profile: "ci", ["AWS_ACCESS_KEY_ID": "ENVSOURCE", "AWS_SECRET_ACCESS_KEY": "s"],
                                 transport: transport).credentials()
        XCTAssertEqual(found.accessKeyId, "ASIAASSUMED")
        XCTAssertEqual(transport.requests.count, 1)
    }

    func testSTSErrorKeepsCodeAndMessage() throws {
        try home.config("[profile r]\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = k\n[profile k]\naws_access_key_id = K\naws_secret_access_key = \(CredentialSecretMarker.secret)\n")
        let body = """
            <ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type>
            <Code>AccessDenied</Code><Message>User: arn:aws:iam::1:user/k is not authorized to perform: sts:AssumeRole &amp; more</Message>
            </Error><RequestId>abc</RequestId></ErrorResponse>
            """
        let transport = CredentialTestTransport { _ in HTTPResponse(status: 403, body: Array(body.utf8)) }
        XCTAssertEqual(credentialErrorMessage { _ = try provider(profile: "r", transport: transport).credentials() },
                       "sts AssumeRole in eu-west-1 failed: AccessDenied (HTTP 403): User: arn:aws:iam::1:user/k is not authorized "
                        + "to perform: sts:AssumeRole & more - the credentials lack the IAM permission sts:AssumeRole; add it to the role or user policy")
    }

    func testWebIdentityRejectionKeepsTheTokenOutOfTheMessage() throws {
        try home.write("token", CredentialSecretMarker.authorization)
        let body = """
            <ErrorResponse><Error><Type>Sender</Type><Code>InvalidIdentityToken</Code>
            <Message>Token \(CredentialSecretMarker.authorization) is expired</Message></Error></ErrorResponse>
            """
        let transport = CredentialTestTransport { _ in HTTPResponse(status: 400, body: Array(body.utf8)) }
        let message = credentialErrorMessage {
            _ = try self.provider(profile: nil, ["AWS_WEB_IDENTITY_TOKEN_FILE": self.home.path + "/token",
                                                 "AWS_ROLE_ARN": "arn:aws:iam::1:role/oidc"], transport: transport).credentials()
        }
        XCTAssertTrue(message.hasPrefix("sts AssumeRoleWithWebIdentity in eu-west-1 failed: InvalidIdentityToken (HTTP 400)"), message)
    }

    func testAssumedCredentialsAreRefreshedNearExpiry() throws {
        try home.config("[profile r]\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = k\n[profile k]\naws_access_key_id = K\naws_secret_access_key = s\n")
        let clock = CredentialMovableClock()
        var issued = 0
        let transport = CredentialTestTransport { _ in
            issued += 1
            return stsCredentialsResponse(accessKeyId: "ASIA\(issued)", expiration: clock.now + 3600)
        }
        var all = ["AWS_REGION": "eu-west-1"]
        all["AWS_EC2_METADATA_DISABLED"] = "true"
        let environment = AWSEnvironment(variables: all, homeDirectory: home.path, now: { clock.now })
        let chain = try AWSSettings.resolve(profile: "r", region: nil, endpointURL: nil, environment: environment)
            .credentialsProvider(transport: transport)
        XCTAssertEqual(try chain.credentials().accessKeyId, "ASIA1")
        clock.advance(3600 - 301)
        XCTAssertEqual(try chain.credentials().accessKeyId, "ASIA1", "more than 5 minutes left: cached")
        clock.advance(2)
        XCTAssertEqual(try chain.credentials().accessKeyId, "ASIA2", "inside the 5-minute window: refreshed")
        XCTAssertEqual(transport.requests.count, 2)
    }

    func testWebIdentityFromEnvironmentIsUnsignedAndReadsTheTokenFile() throws {
        try home.write("token", "eyJ.web.identity.token\n")
        try home.credentials("[default]\naws_access_key_id = FILEKEY\naws_secret_access_key = s\n")
        let transport = CredentialTestTransport { _ in stsCredentialsResponse(operation: "AssumeRoleWithWebIdentity") }
        let found = try provider(profile: nil, [
            "AWS_WEB_IDENTITY_TOKEN_FILE": home.path + "/token", "AWS_ROLE_ARN": "arn:aws:iam::1:role/oidc",
            "AWS_ROLE_SESSION_NAME": "gh-run",
        ], transport: transport).credentials()
        XCTAssertEqual(found.source, "web identity (assume role arn:aws:iam::1:role/oidc)")
        let request = try XCTUnwrap(transport.requests.first)
        XCTAssertNil(request.firstHeader(named: "Authorization"), "AssumeRoleWithWebIdentity is not signed")
        XCTAssertEqual(stsFormFields(request), [
            "Action": "AssumeRoleWithWebIdentity", "Version": "2011-06-15", "RoleArn": "arn:aws:iam::1:role/oidc",
            "RoleSessionName": "gh-run", "WebIdentityToken": "eyJ.web.identity.token",
        ])
    }

    func testWebIdentityFromProfileAndItsErrors() throws {
        try home.config("""
            [profile oidc]
            web_identity_token_file = ~/token
            role_arn = arn:aws:iam::1:role/oidc
            [profile norole]
            web_identity_token_file = ~/token
            [profile nofile]
            web_identity_token_file = ~/missing
            role_arn = arn:aws:iam::1:role/oidc
            """)
        try home.write("token", "tok")
        let transport = CredentialTestTransport { _ in stsCredentialsResponse(operation: "AssumeRoleWithWebIdentity") }
        XCTAssertEqual(try provider(profile: "oidc", transport: transport).credentials().accessKeyId, "ASIAASSUMED")
        XCTAssertEqual(credentialErrorMessage { _ = try provider(profile: "norole", transport: transport).credentials() },
                       "web identity credentials: a token file is set but no role: set AWS_ROLE_ARN or role_arn in profile 'norole'")
        XCTAssertEqual(credentialErrorMessage { _ = try provider(profile: "nofile", transport: transport).credentials() },
                       "web identity credentials: token file \(home.path)/missing does not exist")
    }
}
