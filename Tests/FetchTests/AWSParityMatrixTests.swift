@testable import Fetch
import Foundation
import XCTest

/// Settings the AWS CLI v2 resolves, case by case: FIPS and dual-stack endpoints, the profile variables, and a
/// `services =` that names no section. Each row is what the AWS CLI (its endpoint rules and bundled botocore)
/// does with the same environment and files.
final class AWSParityMatrixTests: XCTestCase {
    private var home: URL!

    override func setUpWithError() throws {
        home = FileManager.default.temporaryDirectory.appendingPathComponent("cbtriage-parity-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home.appendingPathComponent(".aws"), withIntermediateDirectories: true)
        try """
            [default]
            region = us-east-1
            [profile fips]
            region = us-gov-west-1
            use_fips_endpoint = true
            [profile dual]
            region = eu-west-1
            use_dualstack_endpoint = true
            [profile broken-services]
            region = us-east-1
            services = nowhere
            [profile second]
            region = ap-south-1
            [profile third]
            region = sa-east-1

            """.write(to: home.appendingPathComponent(".aws/config"), atomically: true, encoding: .utf8)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: home)
    }

    private func settings(_ variables: [String: String], profile: String? = nil, endpointURL: String? = nil) throws -> AWSSettings {
        try AWSSettings.resolve(profile: profile, region: nil, endpointURL: endpointURL,
                                environment: AWSEnvironment(variables: variables, homeDirectory: home.path))
    }

    func testFIPSAndDualStackEndpointsFromTheEnvironmentOrTheProfile() throws {
        let rows: [([String: String], String?, AWSService, String)] = [
            ([:], nil, .cloudWatchLogs, "https://logs.us-east-1.amazonaws.com"),
            (["AWS_USE_FIPS_ENDPOINT": "true"], nil, .cloudWatchLogs, "https://logs-fips.us-east-1.amazonaws.com"),
            (["AWS_USE_FIPS_ENDPOINT": "TRUE"], nil, .codeBuild, "https://codebuild-fips.us-east-1.amazonaws.com"),
            (["AWS_USE_DUALSTACK_ENDPOINT": "true"], nil, .cloudWatchLogs, "https://logs.us-east-1.api.aws"),
            (["AWS_USE_FIPS_ENDPOINT": "true", "AWS_USE_DUALSTACK_ENDPOINT": "true"], nil, .cloudWatchLogs,
             "https://logs-fips.us-east-1.api.aws"),
            ([:], "fips", .cloudWatchLogs, "https://logs-fips.us-gov-west-1.amazonaws.com"),
            ([:], "dual", .codeBuild, "https://codebuild.eu-west-1.api.aws"),
            (["AWS_USE_DUALSTACK_ENDPOINT": "false"], "dual", .codeBuild, "https://codebuild.eu-west-1.amazonaws.com"),
            (["AWS_USE_FIPS_ENDPOINT": "true"], nil, .sts, "https://sts-fips.us-east-1.amazonaws.com"),
            (["AWS_USE_DUALSTACK_ENDPOINT": "true", "AWS_REGION": "cn-north-1"], nil, .cloudWatchLogs,
             "https://logs.cn-north-1.api.amazonwebservices.com.cn"),
        ]
        for (variables, profile, service, expected) in rows {
            XCTAssertEqual(try settings(variables, profile: profile).endpoint(for: service), expected, "\(variables) \(profile ?? "-")")
        }
        XCTAssertEqual(try settings(["AWS_USE_FIPS_ENDPOINT": "true"]).endpointSource(for: .cloudWatchLogs),
                       "default for us-east-1 (FIPS)")
    }

    func testAVariantWithACustomEndpointOrANonBooleanIsRefused() throws {
        XCTAssertThrowsError(try settings(["AWS_USE_FIPS_ENDPOINT": "true"], endpointURL: "http://127.0.0.1:5000")) {
            XCTAssertEqual(($0 as? ConfigError)?.userMessage,
                           "FIPS endpoints cannot be combined with a custom endpoint URL (from --endpoint-url); unset one of them")
        }
        XCTAssertThrowsError(try settings(["AWS_USE_DUALSTACK_ENDPOINT": "true", "AWS_ENDPOINT_URL": "http://127.0.0.1:1"])) {
            XCTAssertTrue(($0 as? ConfigError)?.userMessage.hasPrefix("Dual-stack endpoints cannot be combined") ?? false, "\($0)")
        }
        XCTAssertThrowsError(try settings(["AWS_USE_FIPS_ENDPOINT": "yes"])) {
            XCTAssertEqual(($0 as? ConfigError)?.userMessage,
                           "AWS_USE_FIPS_ENDPOINT = 'yes' (from AWS_USE_FIPS_ENDPOINT) must be true or false")
        }
    }

    func testAServicesSettingNamingNoSectionIsAnError() throws {
        XCTAssertThrowsError(try settings([:], profile: "broken-services")) {
            XCTAssertEqual(($0 as? ConfigError)?.userMessage,
                           "profile 'broken-services' says 'services = nowhere' but ~/.aws/config has no [services nowhere] section")
        }
    }

    func testProfileVariablesInTheAWSCLIsOrder() throws {
        XCTAssertEqual(try settings(["AWS_DEFAULT_PROFILE": "second"]).profile, "second", "AWS_DEFAULT_PROFILE is honoured")
        XCTAssertEqual(try settings(["AWS_DEFAULT_PROFILE": "second"]).region, "ap-south-1")
        XCTAssertEqual(try settings(["AWS_PROFILE": "third", "AWS_DEFAULT_PROFILE": "second"]).profile, "third",
                       "AWS_PROFILE first, as AWS CLI v2")
        XCTAssertEqual(try settings(["AWS_DEFAULT_PROFILE": "second"], profile: "third").profile, "third", "--profile wins")
        XCTAssertThrowsError(try settings(["AWS_DEFAULT_PROFILE": "missing"]))
    }
}
