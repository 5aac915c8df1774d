import Foundation
import XCTest

/// `--role-arn` / `--role-arn-for-account` against moto's STS with signature checking: moto checks the role's
/// trust policy (the external id included) and then allows the assumed credentials only what the role's own
/// policy allows — so a refusal the seeded user would not get proves the role's keys signed the request.
/// The roles are seeded by Tests/Support/moto/seed.py (seed_read_roles).
final class CrossAccountRoleTests: MotoIntegrationTestCase {
    private let readRoleTemplate = "arn:aws:iam::{account}:role/cbtriage-read"
    private let externalId = "cbtriage-it-external-id"

    /// STS goes to moto too (`--endpoint-url` covers CodeBuild and CloudWatch Logs only, as in the AWS CLI).
    private var keysAndSTS: [String: String] { goodKeys.merging(["AWS_ENDPOINT_URL_STS": moto.server.endpoint]) { $1 } }

    func testTheAccountsRoleIsAssumedFromTheTemplateAndSignsTheReads() throws {
        let arn = try failingBuildARN()
        let direct = try run(["build", arn, "--quiet", "--page-size", "1000"] + endpointArguments, environment: goodKeys)
        XCTAssertEqual(direct.status, 0, direct.stderr)
        let assumed = try run(["build", arn, "--quiet", "--page-size", "1000", "--verbose",
                               "--role-arn-for-account", readRoleTemplate, "--external-id", externalId,
                               "--role-session-name", "cbtriage-it"] + endpointArguments, environment: keysAndSTS)
        XCTAssertEqual(assumed.status, 0, assumed.stderr)
        XCTAssertEqual(assumed.stdout, direct.stdout, "the same diagnosis through the role")
        let line = try XCTUnwrap(assumed.stderr.split(separator: "\n").first { $0.hasPrefix("cbtriage: credentials: ") }, assumed.stderr)
        XCTAssertTrue(line.hasPrefix("cbtriage: credentials: assume role arn:aws:iam::123456789012:role/cbtriage-read (source: environment)"),
                      String(line))
        XCTAssertFalse(line.hasSuffix(String(moto.manifest.credentials.accessKeyId.suffix(4))),
                       "the user's own key signed: \(line)")
        XCTAssertFalse(assumed.everything.contains(moto.manifest.credentials.secretAccessKey))
    }

    /// moto refuses a wrong external id (one that is missing passes its check, unlike AWS's), which shows the
    /// given one is sent.
    func testTheTrustPolicysExternalIdMustMatch() throws {
        let refused = try run(["build", try failingBuildARN(), "--quiet", "--role-arn-for-account", readRoleTemplate,
                               "--external-id", "not-the-agreed-id"] + endpointArguments, environment: keysAndSTS)
        XCTAssertEqual(refused.status, 77, refused.stderr)
        XCTAssertTrue(refused.stderr.contains("AssumeRole"), refused.stderr)
        XCTAssertEqual(refused.stderr.filter { $0 == "\n" }.count, 1, refused.stderr)
    }

    /// The seeded user may read logs; this role may not: the refusal shows the role's keys signed GetLogEvents.
    func testARoleThatMayNotReadLogsIsRefusedTheLog() throws {
        let run = try self.run(["build", try moto.stream("failing").buildId, "--quiet",
                                "--role-arn", "arn:aws:iam::123456789012:role/cbtriage-phases-only"] + endpointArguments,
                               environment: keysAndSTS)
        XCTAssertEqual(run.status, 77, run.everything)
        XCTAssertTrue(run.stderr.contains("GetLogEvents"), run.stderr)
    }

    func testEventsFillTheTemplateWithTheirAccount() throws {
        let event = work.appendingPathComponent("failed.json")
        try buildEvent(["--status", "FAILED"]).write(to: event)
        let run = try run(["build", "--event", event.path, "--quiet", "--verbose", "--role-arn-for-account", readRoleTemplate,
                           "--external-id", externalId] + endpointArguments, environment: keysAndSTS)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stderr.contains("credentials: assume role arn:aws:iam::123456789012:role/cbtriage-read"), run.stderr)
    }

    func testRoleOptionsInTheWrongFormAreUsageErrors() throws {
        let arn = try failingBuildARN()
        let cases: [([String], String)] = [
            (["--role-arn", "cbtriage-read"], "is not an IAM role ARN (expected arn:aws:iam::ACCOUNT:role/NAME)"),
            (["--role-arn", "arn:aws:iam::12345:role/x"], "is not an IAM role ARN"),
            (["--role-arn", "arn:aws:s3:::bucket"], "is not an IAM role ARN"),
            (["--role-arn-for-account", "arn:aws:iam::123456789012:role/x"], "has no {account} to fill"),
            (["--role-arn-for-account", "arn:aws:iam::{account}:user/x"], "expected arn:aws:iam::{account}:role/NAME"),
            (["--role-arn", "arn:aws:iam::123456789012:role/x", "--role-arn-for-account", readRoleTemplate], "not both"),
            (["--external-id", externalId], "go with --role-arn"),
            (["--role-arn", "arn:aws:iam::123456789012:role/x", "--role-session-name", "a b"], "is not a role session name"),
        ]
        for (options, message) in cases {
            let run = try self.run(["build", arn] + options + endpointArguments, environment: keysAndSTS)
            XCTAssertEqual(run.status, 64, "\(options): \(run.stderr)")
            XCTAssertTrue(run.stderr.hasPrefix("cbtriage: ") && run.stderr.contains(message), "\(options): \(run.stderr)")
        }
        let noAccount = try run(["build", try moto.stream("failing").buildId, "--role-arn-for-account", readRoleTemplate]
                                + endpointArguments, environment: keysAndSTS)
        XCTAssertEqual(noAccount.status, 64, noAccount.stderr)
        XCTAssertTrue(noAccount.stderr.contains("needs the build's account"), noAccount.stderr)
    }
}
