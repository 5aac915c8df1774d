import Fetch
import Foundation
import Parse
import XCTest

final class APIBuildMergeTests: XCTestCase {
    private func recorded(_ name: String) throws -> CodeBuildBuild {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures/codebuild-api/\(name).json")
        let response = try JSONDecoder().decode(BatchGetBuildsResponse.self, from: Data(contentsOf: url))
        return try XCTUnwrap(response.builds?.first)
    }

    /// What the parser makes of a full log whose POST_BUILD `docker push` failed.
    private func parsedDockerPushLog() -> BuildModel {
        let names = ["DOWNLOAD_SOURCE", "INSTALL", "PRE_BUILD", "BUILD", "POST_BUILD", "UPLOAD_ARTIFACTS", "FINALIZING"]
        var phases = names.enumerated().map { offset, name in
            Phase(name: name, status: .succeeded, firstLine: offset * 10 + 1, lastLine: offset * 10 + 9)
        }
        phases[4].status = .failed
        phases[4].contextCode = "COMMAND_EXECUTION_ERROR"
        phases[4].commands = [Command(text: "docker push $REPOSITORY_URI:$IMAGE_TAG", line: 42, exitStatus: 1)]
        return BuildModel(phases: phases, status: .failed, firstFailingPhase: 4,
                          firstFailingCommand: CommandPosition(phase: 4, command: 0), totalLines: 70)
    }

    func testPhasesBeforeTheLogAreAddedInOrderAndIndicesFollow() throws {
        var model = parsedDockerPushLog()
        let parsed = model
        let renumbering = APIBuildMerge.merge(try recorded("post-build-docker-push-failed"), into: &model)
        // The renumbering says where each parsed phase went: the same phase, with its lines, three places on.
        XCTAssertEqual(renumbering.newIndex, Array(3..<10))
        for (old, phase) in parsed.phases.enumerated() {
            XCTAssertEqual(model.phases[renumbering[old]].name, phase.name)
            XCTAssertEqual(model.phases[renumbering[old]].firstLine, phase.firstLine)
        }

        XCTAssertEqual(model.phases.map(\.name), [
            "SUBMITTED", "QUEUED", "PROVISIONING", "DOWNLOAD_SOURCE", "INSTALL", "PRE_BUILD", "BUILD",
            "POST_BUILD", "UPLOAD_ARTIFACTS", "FINALIZING",
        ])
        XCTAssertEqual(model.firstFailingPhase, 7)
        XCTAssertEqual(model.firstFailingCommand, CommandPosition(phase: 7, command: 0))
        XCTAssertEqual(model.command(at: CommandPosition(phase: 7, command: 0))?.text,
                       "docker push $REPOSITORY_URI:$IMAGE_TAG")
        XCTAssertEqual(model.phases[0].status, .succeeded)
        XCTAssertNil(model.phases[0].firstLine)
        XCTAssertEqual(model.phases[2].duration ?? 0, 1_709_719_215.311 - 1_709_719_201.872, accuracy: 0.001)
        XCTAssertEqual(model.status, .failed)
        XCTAssertEqual(model.totalLines, 70)
    }

    func testTheLogKeepsWhatItKnowsAndTheAPIFillsTheRest() throws {
        var model = parsedDockerPushLog()
        APIBuildMerge.merge(try recorded("post-build-docker-push-failed"), into: &model)
        let postBuild = model.phases[7]
        XCTAssertEqual(postBuild.firstLine, 41)
        XCTAssertEqual(postBuild.contextCode, "COMMAND_EXECUTION_ERROR")
        XCTAssertEqual(postBuild.contextMessage,
                       "Error while executing command: docker push $REPOSITORY_URI:$IMAGE_TAG. Reason: exit status 1")
        XCTAssertEqual(postBuild.startTime, Date(timeIntervalSince1970: 1_709_719_371.044))
        // Succeeded phases carry empty contexts in the API: they must not become messages.
        XCTAssertNil(model.phases[6].contextCode)
        XCTAssertNil(model.phases[6].contextMessage)
    }

    func testMetadataComesFromTheAPI() throws {
        var model = parsedDockerPushLog()
        APIBuildMerge.merge(try recorded("post-build-docker-push-failed"), into: &model)
        let metadata = model.metadata
        XCTAssertEqual(metadata.project, "web-app")
        XCTAssertEqual(metadata.buildId, "web-app:6f1c2a9e-3b7d-4e0f-9a5c-2d8e1f4b7c30")
        XCTAssertEqual(metadata.buildNumber, 412)
        XCTAssertEqual(metadata.status, .failed)
        XCTAssertEqual(metadata.sourceVersion, "refs/heads/main")
        XCTAssertEqual(metadata.initiator, "codepipeline/web-app-pipeline")
        XCTAssertEqual(metadata.logGroup, "/aws/codebuild/web-app")
        XCTAssertEqual(metadata.logStream, "6f1c2a9e-3b7d-4e0f-9a5c-2d8e1f4b7c30")
        XCTAssertEqual(metadata.startTime, Date(timeIntervalSince1970: 1_709_719_200.123))
        XCTAssertEqual(metadata.endTime, Date(timeIntervalSince1970: 1_709_719_391.857))
        XCTAssertEqual(metadata.consoleURL,
                       "https://eu-west-1.console.aws.amazon.com/codesuite/codebuild/123456789012/projects/web-app/"
                           + "build/web-app%3A6f1c2a9e-3b7d-4e0f-9a5c-2d8e1f4b7c30/?region=eu-west-1")
    }

    func testAProvisioningFailureWithNoLogGetsEveryPhaseFromTheAPI() throws {
        var model = BuildModel(totalLines: 0)
        APIBuildMerge.merge(try recorded("provisioning-image-pull-failed"), into: &model)
        XCTAssertEqual(model.phases.map(\.name), ["SUBMITTED", "QUEUED", "PROVISIONING", "FINALIZING"])
        XCTAssertEqual(model.phases.map(\.status), [.succeeded, .succeeded, .clientError, .succeeded])
        XCTAssertEqual(model.firstFailingPhase, 2)
        XCTAssertNil(model.firstFailingCommand)
        XCTAssertEqual(model.phases[2].contextCode, "BUILD_CONTAINER_UNABLE_TO_PULL_IMAGE")
        XCTAssertTrue(model.phases[2].contextMessage?.contains("CannotPullContainerError") ?? false)
        XCTAssertEqual(model.status, .failed)
        XCTAssertEqual(model.metadata.logGroup, "ci/api-service")
        XCTAssertEqual(model.metadata.logStream, "0b9d4c1e-7a2f-4d3b-8e6c-5f1a2b3c4d5e")
        XCTAssertEqual(model.metadata.sourceVersion, "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678")
    }

    func testAPhaseTheLogLeftUnknownTakesTheAPIStatus() throws {
        // The log stops inside DOWNLOAD_SOURCE: the parser cannot know how it ended.
        var model = BuildModel(phases: [Phase(name: "DOWNLOAD_SOURCE", firstLine: 1, lastLine: 3)], totalLines: 3,
                               endsAbruptly: true)
        APIBuildMerge.merge(try recorded("download-source-failed"), into: &model)
        XCTAssertEqual(model.phases.map(\.name),
                       ["SUBMITTED", "QUEUED", "PROVISIONING", "DOWNLOAD_SOURCE", "FINALIZING"])
        XCTAssertEqual(model.phases[3].status, .clientError)
        XCTAssertEqual(model.phases[3].firstLine, 1)
        XCTAssertEqual(model.phases[3].contextMessage,
                       "authentication required for primary source and source version refs/heads/feature/login")
        XCTAssertEqual(model.firstFailingPhase, 3)
        XCTAssertEqual(model.status, .failed)
        XCTAssertEqual(model.metadata.logStream, "branch-builds/3c2b1a09-8f7e-4d6c-b5a4-9e8d7c6b5a41")
        XCTAssertTrue(model.endsAbruptly)
    }

    func testATimedOutBuildIsTimedOutEvenWhenTheLogJustStops() throws {
        var model = BuildModel(phases: [Phase(name: "INSTALL", status: .succeeded, firstLine: 1, lastLine: 5),
                                        Phase(name: "PRE_BUILD", status: .succeeded, firstLine: 6, lastLine: 8),
                                        Phase(name: "BUILD", firstLine: 9, lastLine: 900)],
                               totalLines: 900, endsAbruptly: true)
        APIBuildMerge.merge(try recorded("timed-out-build"), into: &model)
        XCTAssertEqual(model.status, .timedOut)
        let build = try XCTUnwrap(model.phases.first { $0.name == "BUILD" })
        XCTAssertEqual(build.status, .timedOut)
        XCTAssertEqual(build.contextCode, "BUILD_TIMED_OUT")
        XCTAssertEqual(build.contextMessage, "Build has timed out.")
        XCTAssertEqual(model.firstFailingPhase.map { model.phases[$0].name }, "BUILD")
        XCTAssertEqual(model.metadata.logGroup, "/aws/codebuild/integration-tests")
        XCTAssertEqual(model.metadata.consoleURL,
                       "https://us-east-1.console.aws.amazon.com/codesuite/codebuild/123456789012/projects/"
                           + "integration-tests/build/integration-tests%3A7e6d5c4b-3a29-4180-9f7e-6d5c4b3a2918/"
                           + "?region=us-east-1")
    }

    func testAStoppedBuildIsStopped() throws {
        var model = BuildModel(phases: [Phase(name: "BUILD", firstLine: 1, lastLine: 40)], totalLines: 40)
        APIBuildMerge.merge(try recorded("stopped-build"), into: &model)
        XCTAssertEqual(model.status, .stopped)
        XCTAssertEqual(model.phases.first { $0.name == "BUILD" }?.contextMessage,
                       "Build was stopped by arn:aws:iam::123456789012:user/bob")
        XCTAssertEqual(model.metadata.buildNumber, 413)
    }

    func testAnAPISuccessNeverHidesAFailureTheLogShowsAndRepeatedPhasesMergeOnce() {
        // What moto returns: SUCCEEDED, the same phases appended on every call, no log location.
        let phases = ["SUBMITTED", "QUEUED", "PROVISIONING", "DOWNLOAD_SOURCE", "INSTALL", "PRE_BUILD", "BUILD",
                      "POST_BUILD", "UPLOAD_ARTIFACTS", "FINALIZING", "COMPLETED"]
            .map { CodeBuildPhase(phaseType: $0, phaseStatus: $0 == "COMPLETED" ? nil : "SUCCEEDED") }
        let build = CodeBuildBuild(id: "demo:u-1", buildNumber: 1, buildStatus: "SUCCEEDED", projectName: "demo",
                                   phases: phases + phases)
        var model = BuildModel(phases: [Phase(name: "BUILD", status: .failed, firstLine: 1, lastLine: 9)],
                               status: .failed, firstFailingPhase: 0, totalLines: 9)
        APIBuildMerge.merge(build, into: &model)
        XCTAssertEqual(model.phases.map(\.name), Array(phases.map(\.phaseType).dropLast()))
        XCTAssertEqual(model.phases.first { $0.name == "BUILD" }?.status, .failed)
        XCTAssertEqual(model.status, .failed)
        XCTAssertEqual(model.metadata.status, .failed)
        XCTAssertEqual(model.firstFailingPhase, 6)
        XCTAssertEqual(model.metadata.logGroup, "/aws/codebuild/demo")
        XCTAssertEqual(model.metadata.logStream, "u-1")
    }

    func testASucceededBuildWithACleanLogIsSucceeded() {
        let build = CodeBuildBuild(id: "demo:u-2", buildStatus: "SUCCEEDED", projectName: "demo",
                                   phases: [CodeBuildPhase(phaseType: "BUILD", phaseStatus: "SUCCEEDED")])
        var model = BuildModel(phases: [Phase(name: "BUILD", status: .succeeded)], status: .succeeded)
        APIBuildMerge.merge(build, into: &model)
        XCTAssertEqual(model.status, .succeeded)
        XCTAssertNil(model.firstFailingPhase)
    }

    func testWithoutAnARNTheConsoleLinkIsTheLogsDeepLink() {
        let build = CodeBuildBuild(id: "demo:u-3", buildStatus: "FAILED", projectName: "demo",
                                   logs: CodeBuildLogs(deepLink: "https://console.aws.amazon.com/cloudwatch/home#x"))
        var model = BuildModel()
        APIBuildMerge.merge(build, into: &model)
        XCTAssertEqual(model.metadata.consoleURL, "https://console.aws.amazon.com/cloudwatch/home#x")
        XCTAssertEqual(model.status, .failed)
        XCTAssertEqual(model.metadata.status, .failed)
    }
}
