import Fetch
import Foundation
import XCTest

final class CodeBuildLogLocationTests: XCTestCase {
    private func build(_ fixture: String) throws -> CodeBuildBuild {
        let response = try JSONDecoder().decode(BatchGetBuildsResponse.self,
                                                from: Data(try CodeBuildFixture.text(fixture).utf8))
        return try XCTUnwrap(response.builds?.first)
    }

    func testTheBuildsOwnGroupAndStreamWin() throws {
        let location = try BuildLogLocation(for: build("post-build-docker-push-failed"))
        XCTAssertEqual(location, BuildLogLocation(group: "/aws/codebuild/web-app",
                                                  stream: "6f1c2a9e-3b7d-4e0f-9a5c-2d8e1f4b7c30"))
    }

    func testACustomGroupWithoutAStreamPrefixUsesTheUUIDAsStream() throws {
        let location = try BuildLogLocation(for: build("provisioning-image-pull-failed"))
        XCTAssertEqual(location, BuildLogLocation(group: "ci/api-service",
                                                  stream: "0b9d4c1e-7a2f-4d3b-8e6c-5f1a2b3c4d5e"))
    }

    func testACustomStreamPrefixGoesBeforeTheUUIDInTheDefaultGroup() throws {
        let location = try BuildLogLocation(for: build("download-source-failed"))
        XCTAssertEqual(location, BuildLogLocation(group: "/aws/codebuild/mobile-backend",
                                                  stream: "branch-builds/3c2b1a09-8f7e-4d6c-b5a4-9e8d7c6b5a41"))
    }

    func testNoLocationReportedFallsBackToTheDocumentedDefault() throws {
        let location = try BuildLogLocation(for: build("timed-out-build"))
        XCTAssertEqual(location, BuildLogLocation(group: "/aws/codebuild/integration-tests",
                                                  stream: "7e6d5c4b-3a29-4180-9f7e-6d5c4b3a2918"))
        // What moto returns: no logs object at all.
        let bare = CodeBuildBuild(id: "demo:1234-abcd", projectName: "demo")
        XCTAssertEqual(try BuildLogLocation(for: bare), BuildLogLocation(group: "/aws/codebuild/demo", stream: "1234-abcd"))
    }

    func testS3OnlyLogsGiveAnErrorNamingTheS3Location() throws {
        let s3Build = try build("s3-only-logs")
        XCTAssertThrowsError(try BuildLogLocation(for: s3Build)) { error in
            XCTAssertEqual(error as? CodeBuildError, .logsOnlyInS3(
                buildId: "nightly-export:5d4c3b2a-1908-4f7e-a6d5-c4b3a2918070", location: "ci-build-logs/nightly-export"))
            let message = (error as? UserFacingError)?.userMessage ?? ""
            XCTAssertTrue(message.contains("s3://ci-build-logs/nightly-export"), message)
            XCTAssertTrue(message.contains("not to CloudWatch Logs"), message)
        }
        // `build` and `fetch --build` read that build from its object instead.
        XCTAssertEqual(BuildS3LogObject.address(for: s3Build),
                       S3ObjectAddress(bucket: "ci-build-logs", key: "nightly-export/5d4c3b2a-1908-4f7e-a6d5-c4b3a2918070.gz"))
    }

    func testLogsDisabledEverywhereIsItsOwnError() {
        let build = CodeBuildBuild(id: "p:u", logs: CodeBuildLogs(
            cloudWatchLogs: CodeBuildCloudWatchLogsConfig(status: "DISABLED"),
            s3Logs: CodeBuildS3LogsConfig(status: "DISABLED")))
        XCTAssertThrowsError(try BuildLogLocation(for: build)) { error in
            XCTAssertEqual(error as? CodeBuildError, .noLogs(buildId: "p:u"))
        }
    }
}
