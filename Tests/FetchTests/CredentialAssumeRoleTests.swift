import XCTest
@testable import Fetch

/// `role_arn` profiles (source_profile chains, loops, credential_source) and web identity, over a fake STS.
final class CredentialAssumeRoleTests: XCTestCase {
    private var home: TemporaryHome!

    override func setUpWithError() throws {
        home = try TemporaryHome()
    }

    override func tearDown() {
        home.cleanUp()
    }

    private func provider(profile: String?, _ variables: [String: String] = [:], transport: FakeTransport,
                          now: Date = TestClock.start) throws -> CredentialsProvider {
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
        let transport = FakeTransport { _ in
            issued += 1
            return stsResponse(accessKeyId: "ASIASTEP\(issued)")
        }
        let found = try provider(profile: "top", transport: transport).credentials()
        XCTAssertEqual(found.accessKeyId, "ASIASTEP2")
        XCTAssertEqual(found.source, "profile top (assume role arn:aws:iam::222222222222:role/top)")
        XCTAssertEqual(found.expiration, TestClock.start + 3600)
        XCTAssertEqual(transport.requests.count, 2)
        let (first, second) = (transport.requests[0], transport.requests[1])
        XCTAssertEqual(first.url, "https://sts.eu-west-1.amazonaws.com/")
        XCTAssertEqual(first.method, "POST")
        XCTAssertEqual(first.header("Content-Type"), "application/x-www-form-urlencoded; charset=utf-8")
        XCTAssertEqual(formFields(first)["RoleArn"], "arn:aws:iam::111111111111:role/middle")
        XCTAssertEqual(formFields(first)["RoleSessionName"], "cbtriage-\(Int(TestClock.start.timeIntervalSince1970))")
        XCTAssertEqual(formFields(second), [
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
        let transport = FakeTransport { _ in stsResponse() }
        XCTAssertEqual(thrownMessage { _ = try provider(profile: "a", transport: transport).credentials() },
                       "AWS profiles form a source_profile loop: a -> b -> a")
        XCTAssertEqual(thrownMessage { _ = try provider(profile: "selfnokeys", transport: transport).credentials() },
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
            aws_secret_access_key = \(SecretMarker.secret)
            [profile badsource]
            role_arn = arn:aws:iam::1:role/x
            credential_source = Keychain
            [profile empty]
            region = us-east-1
            [profile fromempty]
            role_arn = arn:aws:iam::1:role/x
            source_profile = empty
            """)
        let transport = FakeTransport { _ in stsResponse() }
        let expected = [
            "nosource": "AWS profile 'nosource' has incomplete credentials: source_profile or credential_source is missing",
            "both": "AWS profile 'both': has both source_profile and credential_source; keep one",
            "missingsource": "AWS profile 'missingsource': source_profile 'ghost' does not exist",
            "badsource": "AWS profile 'badsource': credential_source 'Keychain' is not one of Environment, EcsContainer, Ec2InstanceMetadata",
            "fromempty": "AWS profile 'empty': it is the source_profile of 'fromempty' but holds no credentials",
        ]
        for (profile, message) in expected {
            XCTAssertEqual(thrownMessage { _ = try provider(profile: profile, transport: transport).credentials() }, message)
        }
        XCTAssertTrue(thrownMessage { _ = try provider(profile: "mfa", transport: transport).credentials() }
            .hasPrefix("AWS profile 'mfa' needs an MFA code (mfa_serial); cbtriage cannot prompt for one"))
        XCTAssertTrue(transport.requests.isEmpty)
    }

    func testCredentialSourceEnvironmentSignsWithEnvironmentKeysEvenWhenProfileIsExplicit() throws {
        try home.config("[profile ci]\nrole_arn = arn:aws:iam::1:role/ci\ncredential_source = Environment\n")
        let transport = FakeTransport { _ in stsResponse() }
        let found = try provider(profile: "ci", ["AWS_ACCESS_KEY_ID": "ENVSOURCE", "AWS_SECRET_ACCESS_KEY": "s"],
                                 transport: transport).credentials()
        XCTAssertEqual(found.accessKeyId, "ASIAASSUMED")
        XCTAssertEqual(transport.requests.count, 1)
    }

    func testSTSErrorKeepsCodeAndMessage() throws {
        try home.config("[profile r]\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = k\n[profile k]\naws_access_key_id = K\naws_secret_access_key = \(SecretMarker.secret)\n")
        let body = """
            <ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type>
            <Code>AccessDenied</Code><Message>User: arn:aws:iam::1:user/k is not authorized to perform: sts:AssumeRole &amp; more</Message>
            </Error><RequestId>abc</RequestId></ErrorResponse>
            """
        let transport = FakeTransport { _ in HTTPResponse(status: 403, body: Array(body.utf8)) }
        XCTAssertEqual(thrownMessage { _ = try provider(profile: "r", transport: transport).credentials() },
                       "STS AssumeRole failed (HTTP 403): AccessDenied: User: arn:aws:iam::1:user/k is not authorized to perform: sts:AssumeRole & more")
    }

    func testAssumedCredentialsAreRefreshedNearExpiry() throws {
        try home.config("[profile r]\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = k\n[profile k]\naws_access_key_id = K\naws_secret_access_key = s\n")
        let clock = MovableClock()
        var issued = 0
        let transport = FakeTransport { _ in
            issued += 1
            return stsResponse(accessKeyId: "ASIA\(issued)", expiration: clock.now + 3600)
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
        let transport = FakeTransport { _ in stsResponse(operation: "AssumeRoleWithWebIdentity") }
        let found = try provider(profile: nil, [
            "AWS_WEB_IDENTITY_TOKEN_FILE": home.path + "/token", "AWS_ROLE_ARN": "arn:aws:iam::1:role/oidc",
            "AWS_ROLE_SESSION_NAME": "gh-run",
        ], transport: transport).credentials()
        XCTAssertEqual(found.source, "web identity (assume role arn:aws:iam::1:role/oidc)")
        let request = try XCTUnwrap(transport.requests.first)
        XCTAssertNil(request.header("Authorization"), "AssumeRoleWithWebIdentity is not signed")
        XCTAssertEqual(formFields(request), [
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
        let transport = FakeTransport { _ in stsResponse(operation: "AssumeRoleWithWebIdentity") }
        XCTAssertEqual(try provider(profile: "oidc", transport: transport).credentials().accessKeyId, "ASIAASSUMED")
        XCTAssertEqual(thrownMessage { _ = try provider(profile: "norole", transport: transport).credentials() },
                       "web identity credentials: a token file is set but no role: set AWS_ROLE_ARN or role_arn in profile 'norole'")
        XCTAssertEqual(thrownMessage { _ = try provider(profile: "nofile", transport: transport).credentials() },
                       "web identity credentials: token file \(home.path)/missing does not exist")
    }
}
