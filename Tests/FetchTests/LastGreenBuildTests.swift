@testable import Fetch
import XCTest

/// Choosing `--baseline last-green` from scripted CodeBuild answers: newest green before the failed build, the
/// failed build's branch first, and no more pages than needed.
final class LastGreenBuildTests: XCTestCase {
    private func build(_ id: String, _ status: String, start: Double, branch: String? = "refs/heads/main") -> String {
        let version = branch.map { #","sourceVersion":"\#($0)""# } ?? ""
        return #"{"id":"app:\#(id)","projectName":"app","buildStatus":"\#(status)","startTime":\#(start)\#(version)}"#
    }

    private var failed: CodeBuildBuild {
        get throws {
            try JSONDecoder().decode(CodeBuildBuild.self, from: Data(build("f", "FAILED", start: 1_000).utf8))
        }
    }

    func testTheNewestGreenBuildOfTheSameBranchBeforeTheFailedOneStopsAtItsPage() throws {
        let caller = ScriptedAWSCaller([
            .body(#"{"ids":["app:later","app:f","app:other","app:green","app:red"],"nextToken":"page2"}"#),
            .body(#"{"builds":[\#(build("later", "SUCCEEDED", start: 1_100)),\#(build("other", "SUCCEEDED", start: 990, branch: "refs/heads/x")),\#(build("green", "SUCCEEDED", start: 900)),\#(build("red", "FAILED", start: 800))]}"#),
        ])
        let found = try XCTUnwrap(CodeBuildClient(caller: caller).lastGreenBuild(before: failed))
        XCTAssertEqual(found.build.id, "app:green")
        XCTAssertFalse(found.otherBranch)
        XCTAssertEqual(caller.calls.map(\.operation), ["ListBuildsForProject", "BatchGetBuilds"], "page 2 not needed")
        XCTAssertEqual(caller.calls.last?.json["ids"] as? [String], ["app:later", "app:other", "app:green", "app:red"])
    }

    func testWithoutAGreenBuildOfTheBranchTheNewestOfAnyBranchIsTakenAndSaidSo() throws {
        let caller = ScriptedAWSCaller([
            .body(#"{"ids":["app:other","app:red"]}"#),
            .body(#"{"builds":[\#(build("other", "SUCCEEDED", start: 990, branch: "refs/heads/x")),\#(build("red", "FAILED", start: 800))]}"#),
        ])
        let found = try XCTUnwrap(CodeBuildClient(caller: caller).lastGreenBuild(before: failed))
        XCTAssertEqual(found.build.id, "app:other")
        XCTAssertTrue(found.otherBranch)
    }

    func testNoGreenBuildBeforeTheFailedOneIsNil() throws {
        let caller = ScriptedAWSCaller([
            .body(#"{"ids":["app:later","app:f"]}"#),
            .body(#"{"builds":[\#(build("later", "SUCCEEDED", start: 1_100))]}"#),
        ])
        XCTAssertNil(try CodeBuildClient(caller: caller).lastGreenBuild(before: failed))
    }

    func testACommitIdNamesNoBranch() {
        XCTAssertNil(CodeBuildClient.branch(of: "9f2b7c41d0e5a3b8c6d1e2f3a4b5c6d7e8f9a0b1"))
        XCTAssertNil(CodeBuildClient.branch(of: "  "))
        XCTAssertEqual(CodeBuildClient.branch(of: "refs/heads/main"), "refs/heads/main")
        XCTAssertEqual(CodeBuildClient.branch(of: "pr/12"), "pr/12")
    }

    func testTheCountingCallerCountsCallsAndAnswerBytes() throws {
        let answer = #"{"ids":[]}"#
        let counter = CountingCaller(ScriptedAWSCaller([.body(answer)]))
        _ = try CodeBuildClient(caller: counter).listBuildIds(project: "app")
        XCTAssertEqual(counter.calls, 1)
        XCTAssertEqual(counter.bytes, Int64(answer.utf8.count))
    }
}
