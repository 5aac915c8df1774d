import XCTest
@testable import Fetch

final class EndpointResolverTests: XCTestCase {
    private func resolve(_ service: AWSService, region: String = "us-east-1", flag: String? = nil,
                         variables: [String: String] = [:], profile: SharedConfig.Profile? = nil,
                         config: SharedConfig = SharedConfig()) throws -> EndpointResolver.Resolved {
        try EndpointResolver.resolve(service: service, region: region, flag: flag,
                                     environment: AWSEnvironment(variables: variables, homeDirectory: "/nonexistent"),
                                     profileName: "p", profile: profile, config: config)
    }

    func testPartitionDefaults() throws {
        XCTAssertEqual(try resolve(.cloudWatchLogs).url, "https://logs.us-east-1.amazonaws.com")
        XCTAssertEqual(try resolve(.codeBuild, region: "eu-west-1").url, "https://codebuild.eu-west-1.amazonaws.com")
        XCTAssertEqual(try resolve(.sts, region: "ap-south-1").url, "https://sts.ap-south-1.amazonaws.com")
        XCTAssertEqual(try resolve(.cloudWatchLogs, region: "cn-north-1").url, "https://logs.cn-north-1.amazonaws.com.cn")
        XCTAssertEqual(try resolve(.sts, region: "cn-northwest-1").url, "https://sts.cn-northwest-1.amazonaws.com.cn")
        XCTAssertEqual(try resolve(.cloudWatchLogs, region: "us-gov-west-1").url, "https://logs.us-gov-west-1.amazonaws.com")
        XCTAssertEqual(try resolve(.codeBuild, region: "us-iso-east-1").url, "https://codebuild.us-iso-east-1.c2s.ic.gov")
        XCTAssertEqual(try resolve(.codeBuild, region: "us-isob-east-1").url, "https://codebuild.us-isob-east-1.sc2s.sgov.gov")
        XCTAssertEqual(try resolve(.cloudWatchLogs).source, "default for us-east-1")
    }

    func testPrecedence() throws {
        let config = SharedConfig(services: ["local": SharedConfig.Profile(nested: [
            "cloudwatch_logs": ["endpoint_url": "http://services-section:1"],
        ])])
        let profile = SharedConfig.Profile(values: ["endpoint_url": "http://profile:2", "services": "local"])
        let variables = ["AWS_ENDPOINT_URL_CLOUDWATCH_LOGS": "http://service-var:3", "AWS_ENDPOINT_URL": "http://global-var:4"]

        XCTAssertEqual(try resolve(.cloudWatchLogs, flag: "http://flag:5/", variables: variables, profile: profile, config: config),
                       .init(url: "http://flag:5", source: "--endpoint-url"))
        XCTAssertEqual(try resolve(.cloudWatchLogs, variables: variables, profile: profile, config: config),
                       .init(url: "http://service-var:3", source: "AWS_ENDPOINT_URL_CLOUDWATCH_LOGS"))
        XCTAssertEqual(try resolve(.codeBuild, variables: variables, profile: profile, config: config).url, "http://global-var:4")
        XCTAssertEqual(try resolve(.cloudWatchLogs, profile: profile, config: config),
                       .init(url: "http://services-section:1", source: "[services local] cloudwatch_logs"))
        XCTAssertEqual(try resolve(.codeBuild, profile: profile, config: config),
                       .init(url: "http://profile:2", source: "profile p"))
    }

    func testIgnoreConfiguredEndpointsKeepsOnlyTheFlag() throws {
        let variables = ["AWS_ENDPOINT_URL": "http://global-var:4", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "TRUE"]
        XCTAssertEqual(try resolve(.codeBuild, variables: variables).url, "https://codebuild.us-east-1.amazonaws.com")
        XCTAssertEqual(try resolve(.codeBuild, flag: "http://127.0.0.1:5000", variables: variables).url, "http://127.0.0.1:5000")
        let ignoring = SharedConfig.Profile(values: ["endpoint_url": "http://profile:2", "ignore_configured_endpoint_urls": "true"])
        XCTAssertEqual(try resolve(.codeBuild, profile: ignoring).url, "https://codebuild.us-east-1.amazonaws.com")
    }

    func testValidation() throws {
        XCTAssertEqual(try EndpointResolver.validated("https://[::1]:8443/", source: "x"), "https://[::1]:8443")
        XCTAssertEqual(try EndpointResolver.validated(" HTTP://localhost:5000 ", source: "x"), "HTTP://localhost:5000")
        let cases: [(String, String)] = [
            ("ftp://host", "it must start with http:// or https://"),
            ("logs.us-east-1.amazonaws.com", "it must start with http:// or https://"),
            ("http://", "it has no host"),
            ("http://:80/", "it has no host"),
            ("http://host:99999", "port '99999' is not 1-65535"),
            ("http://host:abc", "port 'abc' is not 1-65535"),
            ("http://a b", "it contains white space"),
        ]
        for (value, reason) in cases {
            let message = credentialErrorMessage { _ = try EndpointResolver.validated(value, source: "AWS_ENDPOINT_URL") }
            XCTAssertEqual(message, "endpoint URL '\(value.trimmingCharacters(in: .whitespaces))' (from AWS_ENDPOINT_URL) is not usable: \(reason)")
        }
        let userInfo = credentialErrorMessage {
            _ = try EndpointResolver.validated("https://user:\(CredentialSecretMarker.secret)@host", source: "AWS_ENDPOINT_URL")
        }
        XCTAssertTrue(userInfo.contains("user name or password"), userInfo)
    }
}
