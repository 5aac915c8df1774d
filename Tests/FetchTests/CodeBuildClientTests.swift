import Fetch
import XCTest

final class CodeBuildClientTests: XCTestCase {
    func testBatchGetBuildsDecodesARecordedFailedBuild() throws {
        let caller = ScriptedAWSCaller([.body(try CodeBuildFixture.text("post-build-docker-push-failed"))])
        let id = "web-app:6f1c2a9e-3b7d-4e0f-9a5c-2d8e1f4b7c30"
        let build = try CodeBuildClient(caller: caller).build(id: id)

        XCTAssertEqual(caller.calls.first?.operation, "BatchGetBuilds")
        XCTAssertEqual(caller.calls.first?.json["ids"] as? [String], [id])
        XCTAssertEqual(build.buildStatus, "FAILED")
        XCTAssertEqual(build.buildNumber, 412)
        XCTAssertEqual(build.project, "web-app")
        XCTAssertEqual(build.uuid, "6f1c2a9e-3b7d-4e0f-9a5c-2d8e1f4b7c30")
        XCTAssertEqual(build.initiator, "codepipeline/web-app-pipeline")
        XCTAssertEqual(build.resolvedSourceVersion, "9f2b7c41d0e5a3b8c6d1e2f3a4b5c6d7e8f9a0b1")
        XCTAssertEqual(build.startDate?.timeIntervalSince1970 ?? 0, 1_709_719_200.123, accuracy: 0.0005)
        XCTAssertEqual(build.phases?.map(\.phaseType), [
            "SUBMITTED", "QUEUED", "PROVISIONING", "DOWNLOAD_SOURCE", "INSTALL", "PRE_BUILD", "BUILD",
            "POST_BUILD", "UPLOAD_ARTIFACTS", "FINALIZING", "COMPLETED",
        ])
        let postBuild = try XCTUnwrap(build.phases?.first { $0.phaseType == "POST_BUILD" })
        XCTAssertEqual(postBuild.phaseStatus, "FAILED")
        XCTAssertEqual(postBuild.durationInSeconds, 18)
        XCTAssertEqual(postBuild.contexts?.first?.statusCode, "COMMAND_EXECUTION_ERROR")
        XCTAssertEqual(postBuild.contexts?.first?.message,
                       "Error while executing command: docker push $REPOSITORY_URI:$IMAGE_TAG. Reason: exit status 1")
        XCTAssertNil(build.phases?.last?.phaseStatus)
        XCTAssertEqual(build.logs?.groupName, "/aws/codebuild/web-app")
        XCTAssertTrue(build.logs?.deepLink?.hasPrefix("https://console.aws.amazon.com/cloudwatch/") ?? false)
    }

    /// `startTime: 1e300` once crashed `build` and `builds` in date arithmetic; now it is a clear decoding error.
    func testEndlessEmptyBuildListPagesStopWithAnErrorThatSaysWhy() {
        let caller = ScriptedAWSCaller((1...150).map { .body(#"{"ids":[],"nextToken":"t\#($0)"}"#) })
        XCTAssertThrowsError(try CodeBuildClient(caller: caller).listBuildIds(project: "app")) { error in
            XCTAssertEqual(error as? PaginationRunawayError, PaginationRunawayError(
                operation: "ListBuildsForProject", pages: 100, reason: "100 pages in a row had nothing but a new token"))
        }
        XCTAssertEqual(caller.calls.count, 100)
    }

    func testAbsurdTimestampIsADecodingErrorNamingTheField() {
        for value in ["1e300", "-5", "1.7e308"] {
            let caller = ScriptedAWSCaller([.body(#"{"builds":[{"id":"p:1","buildStatus":"FAILED","startTime":\#(value)}]}"#)])
            XCTAssertThrowsError(try CodeBuildClient(caller: caller).build(id: "p:1"), value) { error in
                let message = (error as? UserFacingError)?.userMessage ?? ""
                XCTAssertTrue(error is AWSResponseDecodingError, "\(type(of: error))")
                XCTAssertTrue(message.contains("builds[0].startTime") && message.contains("outside 1970...9999"), message)
            }
        }
    }

    func testUnknownBuildIsANotFoundErrorWithOrWithoutBuildsNotFound() {
        for answer in [#"{"builds":[],"buildsNotFound":["web-app:nope"]}"#, #"{"builds":[]}"#] {
            let caller = ScriptedAWSCaller([.body(answer)])
            XCTAssertThrowsError(try CodeBuildClient(caller: caller).build(id: "web-app:nope")) { error in
                XCTAssertEqual(error as? CodeBuildError, .unknownBuild(id: "web-app:nope"))
                XCTAssertEqual((error as? CodeBuildError)?.isNotFound, true)
                XCTAssertTrue((error as? UserFacingError)?.userMessage.hasPrefix("unknown build: web-app:nope") ?? false)
            }
        }
    }

    func testBatchGetBuildsSendsAtMostAHundredIdsPerCallAndKeepsTheOrderAsked() throws {
        let ids = (0..<230).map { "p:\($0)" }
        func answer(_ chunk: ArraySlice<String>) -> ScriptedAWSCaller.Answer {
            // The service answers in its own order; the client restores the order asked.
            let builds = chunk.reversed().map { #"{"id":"\#($0)","buildStatus":"FAILED"}"# }
            return .body(#"{"builds":[\#(builds.joined(separator: ","))]}"#)
        }
        let caller = ScriptedAWSCaller([answer(ids[0..<100]), answer(ids[100..<200]), answer(ids[200..<230])])
        let response = try CodeBuildClient(caller: caller).batchGetBuilds(ids: ids)
        XCTAssertEqual(caller.calls.map { ($0.json["ids"] as? [String])?.count }, [100, 100, 30])
        XCTAssertEqual(response.builds?.map(\.id), ids)
    }

    func testListBuildIdsFollowsNextTokenAndStopsAtTheLimit() throws {
        let caller = ScriptedAWSCaller([
            .body(#"{"ids":["p:3","p:2"],"nextToken":"t1"}"#),
            .body(#"{"ids":["p:1"]}"#),
        ])
        let client = CodeBuildClient(caller: caller)
        XCTAssertEqual(try client.listBuildIds(project: "p"), ["p:3", "p:2", "p:1"])
        XCTAssertEqual(caller.calls.map { $0.json["sortOrder"] as? String }, ["DESCENDING", "DESCENDING"])
        XCTAssertEqual(caller.calls.map { $0.json["nextToken"] as? String }, [nil, "t1"])

        let limited = ScriptedAWSCaller([.body(#"{"ids":["p:3","p:2"],"nextToken":"t1"}"#)])
        XCTAssertEqual(try CodeBuildClient(caller: limited).listBuildIds(project: "p", limit: 1), ["p:3"])
        XCTAssertEqual(limited.calls.count, 1)
    }

    func testListBuildIdsForAMissingProjectIsANotFoundError() {
        let caller = ScriptedAWSCaller([.failure(ScriptedAWSError(
            code: "ResourceNotFoundException", message: "The provided project name does not exist"))])
        XCTAssertThrowsError(try CodeBuildClient(caller: caller).listBuildIds(project: "ghost")) { error in
            XCTAssertEqual(error as? CodeBuildError, .unknownProject(name: "ghost"))
        }
    }

    func testListProjectsPages() throws {
        let caller = ScriptedAWSCaller([
            .body(#"{"projects":["a","b"],"nextToken":"n"}"#),
            .body(#"{"projects":["c"]}"#),
        ])
        XCTAssertEqual(try CodeBuildClient(caller: caller).listProjects(), ["a", "b", "c"])
        XCTAssertEqual(caller.calls.first?.json["sortBy"] as? String, "NAME")
    }
}

final class CodeBuildMotoShapeTests: XCTestCase {
    /// moto 5.2 writes timestamps as ISO-8601 strings and repeats phases; recorded from a real run.
    func testARecordedMotoAnswerDecodes() throws {
        let caller = ScriptedAWSCaller([.body(try CodeBuildFixture.text("moto-5.2-succeeded-build"))])
        let id = "web-app:23be56a2-dd45-44a4-9147-3f4faa40e186"
        let build = try CodeBuildClient(caller: caller).build(id: id)
        XCTAssertEqual(build.buildStatus, "SUCCEEDED")
        XCTAssertEqual(build.startTime ?? 0, 1_795_622_008.478, accuracy: 0.0005)
        XCTAssertEqual(build.phases?.count, 20)
        XCTAssertEqual(build.phases?.first?.startTime ?? 0, 1_795_622_008.478, accuracy: 0.0005)
        XCTAssertNil(build.logs?.groupName)
        XCTAssertEqual(try BuildLogLocation(for: build),
                       BuildLogLocation(group: "/aws/codebuild/web-app", stream: "23be56a2-dd45-44a4-9147-3f4faa40e186"))
    }

    func testNumbersStringsAndAbsenceAllDecodeAsTimestamps() throws {
        let text = #"{"builds":[{"id":"p:1","startTime":1709719200.5,"endTime":"2024-03-06T10:00:01Z"},{"id":"p:2"}]}"#
        let response = try JSONDecoder().decode(BatchGetBuildsResponse.self, from: Data(text.utf8))
        XCTAssertEqual(response.builds?[0].startTime, 1_709_719_200.5)
        XCTAssertEqual(response.builds?[0].endTime, 1_709_719_201)
        XCTAssertNil(response.builds?[1].startTime)
        XCTAssertThrowsError(try JSONDecoder().decode(BatchGetBuildsResponse.self,
                                                      from: Data(#"{"builds":[{"id":"p:1","startTime":"soon"}]}"#.utf8)))
    }
}
