import XCTest
@testable import Fetch

final class RegionResolverTests: XCTestCase {
    private func environment(_ variables: [String: String]) -> AWSEnvironment {
        AWSEnvironment(variables: variables, homeDirectory: "/nonexistent")
    }

    func testPrecedenceFlagThenAWSRegionThenDefaultRegionThenProfile() throws {
        let profile = SharedConfig.Profile(values: ["region": "eu-central-1"])
        let all = ["AWS_REGION": "us-west-1", "AWS_DEFAULT_REGION": "us-west-2"]
        func resolve(_ flag: String?, _ variables: [String: String]) throws -> RegionResolver.Resolved {
            try RegionResolver.resolve(flag: flag, environment: environment(variables), profileName: "dev", profile: profile)
        }
        XCTAssertEqual(try resolve("ap-northeast-1", all), .init(region: "ap-northeast-1", source: "--region"))
        XCTAssertEqual(try resolve(nil, all), .init(region: "us-west-1", source: "AWS_REGION"))
        XCTAssertEqual(try resolve(nil, ["AWS_DEFAULT_REGION": "us-west-2", "AWS_REGION": ""]),
                       .init(region: "us-west-2", source: "AWS_DEFAULT_REGION"), "an empty variable counts as unset")
        XCTAssertEqual(try resolve(nil, [:]), .init(region: "eu-central-1", source: "profile dev"))
    }

    func testABuildARNRegionComesRightAfterTheFlag() throws {
        let variables = environment(["AWS_REGION": "us-west-1"])
        XCTAssertEqual(try RegionResolver.resolve(flag: nil, buildARNRegion: "ap-south-1", environment: variables,
                                                  profileName: "default", profile: nil),
                       .init(region: "ap-south-1", source: "the build ARN"))
        XCTAssertEqual(try RegionResolver.resolve(flag: "eu-west-3", buildARNRegion: "ap-south-1", environment: variables,
                                                  profileName: "default", profile: nil).region, "eu-west-3")
        let settings = try AWSSettings.resolve(profile: nil, region: nil, buildARNRegion: "ap-south-1", endpointURL: nil,
                                               environment: variables)
        XCTAssertEqual(settings.regionSource, "the build ARN")
        XCTAssertEqual(settings.endpoint(for: .codeBuild), "https://codebuild.ap-south-1.amazonaws.com")
    }

    func testMissingRegionSaysHowToSetOne() {
        let message = credentialErrorMessage {
            _ = try RegionResolver.resolve(flag: nil, environment: environment([:]), profileName: "default", profile: nil)
        }
        XCTAssertEqual(message, "no AWS region set: pass --region, set AWS_REGION, or add 'region = …' to profile 'default' in ~/.aws/config")
    }

    func testPlausibleRegionCodes() {
        for good in ["us-east-1", "us-gov-west-1", "cn-north-1", "cn-northwest-1", "us-iso-east-1", "us-isob-east-1",
                     "eu-isoe-west-1", "ap-southeast-5", "il-central-1", "mx-central-1"] {
            XCTAssertTrue(RegionResolver.isPlausibleRegion(good), good)
        }
        for bad in ["", "us-east", "US-EAST-1", "useast1", "us-east-1a", "us_east_1", "us--east-1", "https://x", "u-east-1",
                    "us-east-123"] {
            XCTAssertFalse(RegionResolver.isPlausibleRegion(bad), bad)
        }
    }

    func testImplausibleRegionNamesItsSource() {
        let message = credentialErrorMessage {
            _ = try RegionResolver.resolve(flag: nil, environment: self.environment(["AWS_REGION": "us-east-1a"]),
                                           profileName: "default", profile: nil)
        }
        XCTAssertEqual(message, "'us-east-1a' (from AWS_REGION) is not an AWS region code like us-east-1")
    }
}
