import XCTest
@testable import Fetch

/// `credential_process` with small shell scripts in a temporary HOME.
final class CredentialProcessTests: XCTestCase {
    private var home: CredentialTestHome!

    override func setUpWithError() throws {
        home = try CredentialTestHome()
    }

    override func tearDown() {
        home.cleanUp()
    }

    /// Writes `script` as an executable and a profile `p` that runs it with `arguments`.
    private func credentials(script: String, arguments: String = "", timeout: Double = 10,
                             now: Date = CredentialTestClock.start) throws -> AWSCredentials {
        try home.write("bin/creds.sh", "#!/bin/sh\n" + script, executable: true)
        try home.config("[profile p]\ncredential_process = \(home.path)/bin/creds.sh \(arguments)\n")
        var environment = home.environment(["AWS_REGION": "us-east-1"], now: now)
        environment.credentialProcessTimeout = timeout
        return try AWSSettings.resolve(profile: "p", region: nil, endpointURL: nil, environment: environment)
            .credentialsProvider(transport: CredentialTestTransport { _ in throw CredentialTestTransportError() }).credentials()
    }

    func testSuccessWithQuotedArgumentsAndExpiration() throws {
        let found = try credentials(script: """
            [ "$1" = "two words" ] && [ "$2" = "it's" ] || { echo "bad args: $*" >&2; exit 3; }
            cat <<JSON
            {"Version": 1, "AccessKeyId": "ASIAPROC", "SecretAccessKey": "\(CredentialSecretMarker.secret)",
             "SessionToken": "\(CredentialSecretMarker.token)", "Expiration": "\(CredentialTestClock.iso(CredentialTestClock.start + 3600))"}
            JSON
            """, arguments: "\"two words\" 'it'\\''s'")
        XCTAssertEqual(found.accessKeyId, "ASIAPROC")
        XCTAssertEqual(found.secretAccessKey, CredentialSecretMarker.secret)
        XCTAssertEqual(found.sessionToken, CredentialSecretMarker.token)
        XCTAssertEqual(found.expiration, CredentialTestClock.start + 3600)
        XCTAssertEqual(found.source, "profile p (credential_process)")
    }

    func testLongTermKeysWithoutExpiration() throws {
        let found = try credentials(script: #"echo '{"Version": 1, "AccessKeyId": "AKIAPROC", "SecretAccessKey": "s"}'"#)
        XCTAssertNil(found.expiration)
        XCTAssertNil(found.sessionToken)
    }

    func testNonZeroExitReportsStatusAndFirstStderrLineButNeverStdout() {
        let message = credentialErrorMessage {
            _ = try credentials(script: """
                echo '{"Version": 1, "AccessKeyId": "A", "SecretAccessKey": "\(CredentialSecretMarker.secret)"}'
                echo "token expired, run login" >&2
                echo "second line" >&2
                exit 7
                """)
        }
        XCTAssertEqual(message, "credential_process of AWS profile 'p' failed: exited with status 7: token expired, run login")
    }

    func testBadOutput() {
        XCTAssertEqual(credentialErrorMessage { _ = try credentials(script: "echo 'not json \(CredentialSecretMarker.secret)'") },
                       "credential_process of profile 'p' returned unusable credentials: not a JSON credentials document")
        XCTAssertEqual(credentialErrorMessage {
            _ = try credentials(script: #"echo '{"Version": 2, "AccessKeyId": "A", "SecretAccessKey": "s"}'"#)
        }, "credential_process of AWS profile 'p' failed: output Version is 2, expected 1")
        XCTAssertEqual(credentialErrorMessage { _ = try credentials(script: #"echo '{"Version": 1, "AccessKeyId": "A"}'"#) },
                       "credential_process of profile 'p' returned unusable credentials: SecretAccessKey is missing")
        XCTAssertEqual(credentialErrorMessage {
            _ = try credentials(script: #"echo '{"Version": 1, "AccessKeyId": "A", "SecretAccessKey": "s", "Expiration": "soon"}'"#)
        }, "credential_process of profile 'p' returned unusable credentials: Expiration 'soon' is not an ISO 8601 time")
    }

    func testExpiredCredentialsAreRejected() {
        XCTAssertEqual(credentialErrorMessage {
            _ = try credentials(script: """
                echo '{"Version": 1, "AccessKeyId": "A", "SecretAccessKey": "s", "Expiration": "\(CredentialTestClock.iso(CredentialTestClock.start - 60))"}'
                """)
        }, "AWS credentials from profile p (credential_process) have expired")
    }

    func testTimeoutStopsTheProcess() {
        let started = Date()
        let message = credentialErrorMessage { _ = try credentials(script: "exec sleep 30", timeout: 0.5) }
        XCTAssertEqual(message, "credential_process of AWS profile 'p' failed: timed out after 0.5 s")
        XCTAssertLessThan(Date().timeIntervalSince(started), 10)
    }

    func testMissingProgramAndUnclosedQuote() throws {
        try home.config("[profile p]\ncredential_process = no-such-program-cbtriage --flag\n[profile q]\ncredential_process = tool 'unclosed\n")
        let environment = home.environment(["AWS_REGION": "us-east-1"])
        func fetch(_ profile: String) throws {
            _ = try AWSSettings.resolve(profile: profile, region: nil, endpointURL: nil, environment: environment)
                .credentialsProvider(transport: CredentialTestTransport { _ in throw CredentialTestTransportError() }).credentials()
        }
        XCTAssertEqual(credentialErrorMessage { try fetch("p") },
                       "credential_process of AWS profile 'p' failed: program 'no-such-program-cbtriage' not found")
        XCTAssertEqual(credentialErrorMessage { try fetch("q") },
                       "credential_process of AWS profile 'q' failed: credential_process has an unclosed quote or a trailing backslash")
    }

    func testShellWordSplitting() throws {
        XCTAssertEqual(try ShellWords.split(#"a "b c" 'd e' f\ g "h\"i" ''"#, profile: "p"), ["a", "b c", "d e", "f g", "h\"i", ""])
    }
}
