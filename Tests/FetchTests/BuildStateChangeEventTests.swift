@testable import Fetch
import Foundation
import XCTest

/// Reading EventBridge "CodeBuild Build State Change" events into the build description the pipeline uses.
final class BuildStateChangeEventTests: XCTestCase {
    /// The shape of the event reference in the CodeBuild user guide, for a build that failed in BUILD.
    static let failedEvent = """
        {
          "version": "0", "id": "c030038d-8c4d-6141-9545-00ff7b7153EX",
          "detail-type": "CodeBuild Build State Change", "source": "aws.codebuild",
          "account": "123456789012", "time": "2017-09-01T16:14:28Z", "region": "us-west-2",
          "resources": ["arn:aws:codebuild:us-west-2:123456789012:build/my-sample-project:8745a7a9-c340-456a-9166-edf953571bEX"],
          "detail": {
            "build-status": "FAILED", "project-name": "my-sample-project",
            "build-id": "arn:aws:codebuild:us-west-2:123456789012:build/my-sample-project:8745a7a9-c340-456a-9166-edf953571bEX",
            "additional-information": {
              "environment": {"image": "aws/codebuild/standard:7.0", "privileged-mode": false,
                "environment-variables": [{"name": "GITHUB_TOKEN", "type": "PLAINTEXT", "value": "ghp_example_value_1234"},
                                          {"name": "NODE_ENV", "type": "PLAINTEXT", "value": "production"}]},
              "timeout-in-minutes": 60.0, "build-complete": true, "build-number": 55.0,
              "initiator": "MyCodeBuildDemoUser", "build-start-time": "Sep 1, 2017 4:12:29 PM",
              "source-version": "refs/heads/main",
              "logs": {"group-name": "/aws/codebuild/my-sample-project", "stream-name": "8745a7a9-c340-456a-9166-edf953571bEX",
                       "deep-link": "https://console.aws.amazon.com/cloudwatch/home?region=us-west-2#logEvent:group=/aws/codebuild/my-sample-project;stream=8745a7a9-c340-456a-9166-edf953571bEX"},
              "phases": [
                {"phase-context": [], "start-time": "Sep 1, 2017 4:12:29 PM", "end-time": "Sep 1, 2017 4:12:29 PM",
                 "duration-in-seconds": 0, "phase-type": "SUBMITTED", "phase-status": "SUCCEEDED"},
                {"phase-context": [": "], "start-time": "Sep 1, 2017 4:12:29 PM", "end-time": "Sep 1, 2017 4:13:05 PM",
                 "duration-in-seconds": 36, "phase-type": "PROVISIONING", "phase-status": "SUCCEEDED"},
                {"phase-context": ["COMMAND_EXECUTION_ERROR: Error while executing command: npm test. Reason: exit status 1"],
                 "start-time": "Sep 1, 2017 4:13:10 PM", "end-time": "Sep 1, 2017 4:14:21 PM",
                 "duration-in-seconds": 71, "phase-type": "BUILD", "phase-status": "FAILED"},
                {"start-time": "Sep 1, 2017 4:14:28 PM", "phase-type": "COMPLETED"}
              ]
            },
            "current-phase": "COMPLETED", "current-phase-context": "[]", "version": "1"
          }
        }
        """

    func testAFailedBuildsEventDescribesTheBuild() throws {
        let event = try BuildStateChangeEvent(json: Data(Self.failedEvent.utf8))
        XCTAssertEqual(event.account, "123456789012")
        XCTAssertEqual(event.region, "us-west-2")
        XCTAssertEqual(event.status, "FAILED")
        XCTAssertTrue(event.isFailure)
        XCTAssertTrue(event.hasPhases)
        XCTAssertTrue(event.hasLogLocation)
        XCTAssertEqual(event.build.id, "my-sample-project:8745a7a9-c340-456a-9166-edf953571bEX")
        XCTAssertEqual(event.build.projectName, "my-sample-project")
        XCTAssertEqual(event.build.buildNumber, 55)
        XCTAssertEqual(event.build.sourceVersion, "refs/heads/main")
        XCTAssertEqual(try BuildLogLocation(for: event.build),
                       BuildLogLocation(group: "/aws/codebuild/my-sample-project", stream: "8745a7a9-c340-456a-9166-edf953571bEX"))
        XCTAssertEqual(event.build.startTime, 1_504_282_349) // 2017-09-01T16:12:29Z
        XCTAssertEqual(event.build.endTime, 1_504_282_461) // the last phase end, 16:14:21
        let build = try XCTUnwrap(event.build.phases?.first { $0.phaseType == "BUILD" })
        XCTAssertEqual(build.phaseStatus, "FAILED")
        XCTAssertEqual(build.durationInSeconds, 71)
        XCTAssertEqual(build.contexts, [CodeBuildPhaseContext(statusCode: "COMMAND_EXECUTION_ERROR",
                                                              message: "Error while executing command: npm test. Reason: exit status 1")])
        // ": " is CodeBuild's empty context.
        XCTAssertNil(event.build.phases?.first { $0.phaseType == "PROVISIONING" }?.contexts)
        XCTAssertEqual(event.secretValues, ["ghp_example_value_1234"])
    }

    func testStatusesOtherThanFailuresAreNotForDiagnosis() throws {
        for (status, diagnosed) in [("FAILED", true), ("FAULT", true), ("TIMED_OUT", true), ("STOPPED", false),
                                    ("SUCCEEDED", false), ("IN_PROGRESS", false)] {
            let text = Self.failedEvent.replacingOccurrences(of: "\"build-status\": \"FAILED\"", with: "\"build-status\": \"\(status)\"")
            XCTAssertEqual(try BuildStateChangeEvent(json: Data(text.utf8)).isFailure, diagnosed, status)
        }
    }

    func testAnEventWithoutTheLogLocationSaysSo() throws {
        let text = Self.failedEvent.replacingOccurrences(
            of: #""group-name": "/aws/codebuild/my-sample-project", "stream-name": "8745a7a9-c340-456a-9166-edf953571bEX","#,
            with: #""group-name": "null","#)
        let event = try BuildStateChangeEvent(json: Data(text.utf8))
        XCTAssertFalse(event.hasLogLocation)
    }

    func testWhatIsNotABuildStateChangeIsRefusedByName() {
        let cases: [(String, BuildEventError)] = [
            ("{", .notJSON),
            (#"{"source":"aws.codebuild","detail-type":"CodeBuild Build Phase Change","detail":{"build-status":"x","build-id":"y"}}"#,
             .notABuildStateChange(source: "aws.codebuild", detailType: "CodeBuild Build Phase Change")),
            (#"{"source":"aws.codebuild","detail-type":"CodeBuild Build State Change"}"#, .missingField("detail")),
            (#"{"source":"aws.codebuild","detail-type":"CodeBuild Build State Change","detail":{"build-id":"a"}}"#,
             .missingField("detail.build-status")),
            (#"{"source":"aws.codebuild","detail-type":"CodeBuild Build State Change","detail":{"build-status":1,"build-id":"a"}}"#,
             .wrongType("detail.build-status")),
            (#"{"source":"aws.codebuild","detail-type":"CodeBuild Build State Change","detail":{"build-status":"FAILED","build-id":"p:u"}}"#,
             .badBuildARN),
        ]
        for (text, expected) in cases {
            XCTAssertThrowsError(try BuildStateChangeEvent(json: Data(text.utf8)), text) { error in
                XCTAssertEqual(error as? BuildEventError, expected, text)
                XCTAssertFalse((error as? BuildEventError)?.userMessage.contains("\n") ?? true)
            }
        }
    }
}
