import XCTest
@testable import Fetch

/// `--role-arn` / `--role-arn-for-account`: the forms accepted, the template filled, and the provider that assumes
/// the role over a fake STS, signed with the chain's keys and cached.
final class RoleAssumptionTests: XCTestCase {
    func testRoleARNsInIAMsForm() {
        for good in ["arn:aws:iam::123456789012:role/cbtriage-read", "arn:aws:iam::123456789012:role/path/to/x_y+=,.@-",
                     "arn:aws-cn:iam::123456789012:role/r", "arn:aws-us-gov:iam::123456789012:role/r"] {
            XCTAssertTrue(RoleAssumption.isRoleARN(good), good)
        }
        for bad in ["cbtriage-read", "arn:aws:iam::12345678901:role/r", "arn:aws:iam::123456789012:user/r",
                    "arn:aws:iam:us-east-1:123456789012:role/r", "arn:aws:sts::123456789012:role/r",
                    "arn:aws:iam::123456789012:role/", "arn:aws:iam::123456789012:role/a b",
                    "arn:aws:iam::123456789012:role/" + String(repeating: "n", count: 65), "arn:other:iam::123456789012:role/r"] {
            XCTAssertFalse(RoleAssumption.isRoleARN(bad), bad)
        }
    }

    func testTheTemplateIsFilledWithAnAccount() throws {
        XCTAssertEqual(try RoleAssumption.fill(template: "arn:aws:iam::{account}:role/cbtriage-read", account: "210987654321"),
                       "arn:aws:iam::210987654321:role/cbtriage-read")
        XCTAssertThrowsError(try RoleAssumption.fill(template: "arn:aws:iam::123456789012:role/x", account: "210987654321")) {
            XCTAssertEqual($0 as? RoleAssumptionError, .templateWithoutAccount("arn:aws:iam::123456789012:role/x"))
        }
        XCTAssertThrowsError(try RoleAssumption.fill(template: "arn:aws:iam::{account}:role/x", account: "21098765432a"))
        XCTAssertThrowsError(try RoleAssumption.fill(template: "arn:aws:iam::{account}:group/x", account: "210987654321"))
        XCTAssertEqual(RoleAssumption.account(inARN: "arn:aws:codebuild:eu-west-1:210987654321:build/web:1"), "210987654321")
        XCTAssertNil(RoleAssumption.account(inARN: "web:1"))
    }

    func testExternalIdAndSessionNameForms() {
        XCTAssertNoThrow(try RoleAssumption(roleARN: "arn:aws:iam::123456789012:role/r", externalId: "a:b/c=d",
                                            sessionName: "cbtriage@central"))
        XCTAssertThrowsError(try RoleAssumption(roleARN: "arn:aws:iam::123456789012:role/r", externalId: "x")) {
            XCTAssertEqual($0 as? RoleAssumptionError, .invalidExternalId)
            XCTAssertFalse(($0 as? UserFacingError)?.userMessage.contains("'x'") ?? true, "the external id is not echoed")
        }
        XCTAssertThrowsError(try RoleAssumption(roleARN: "arn:aws:iam::123456789012:role/r", sessionName: "a b"))
    }

    func testTheRoleIsAssumedWithTheChainsKeysOnceUntilItNearsExpiry() throws {
        let home = try CredentialTestHome()
        defer { home.cleanUp() }
        var issued = 0
        let transport = CredentialTestTransport { _ in
            issued += 1
            return stsCredentialsResponse(accessKeyId: "ASIAROLE\(issued)")
        }
        let settings = try AWSSettings.resolve(profile: nil, region: "eu-west-1", endpointURL: nil, environment: home.environment(
            ["AWS_ACCESS_KEY_ID": "AKIACENTRAL", "AWS_SECRET_ACCESS_KEY": "centralsecret"], now: CredentialTestClock.start))
        let role = try RoleAssumption(roleARN: "arn:aws:iam::210987654321:role/cbtriage-read", externalId: "ext-42",
                                      sessionName: "triage")
        let provider = settings.credentialsProvider(transport: transport, assuming: role)
        let first = try provider.credentials()
        let again = try provider.credentials()
        XCTAssertEqual(first.accessKeyId, "ASIAROLE1")
        XCTAssertEqual(again.accessKeyId, "ASIAROLE1", "cached")
        XCTAssertEqual(transport.requests.count, 1)
        XCTAssertEqual(first.source, "assume role arn:aws:iam::210987654321:role/cbtriage-read (source: environment)")
        let request = transport.requests[0]
        XCTAssertTrue(request.firstHeader(named: "Authorization")?.hasPrefix("AWS4-HMAC-SHA256 Credential=AKIACENTRAL/") == true)
        let fields = stsFormFields(request)
        XCTAssertEqual(fields["Action"], "AssumeRole")
        XCTAssertEqual(fields["RoleArn"], "arn:aws:iam::210987654321:role/cbtriage-read")
        XCTAssertEqual(fields["ExternalId"], "ext-42")
        XCTAssertEqual(fields["RoleSessionName"], "triage")
    }
}
