import Foundation
import TestSupport
import XCTest

/// `build --follow` against moto_server through the test proxy: a fresh build whose log is appended while the
/// binary follows it, its status played by the proxy (moto reports every build SUCCEEDED), the result compared with
/// `build ID` on the finished log; and Ctrl-C mid-follow.
final class FollowBuildTests: FaultProxyTestCase {
    static let batchGetBuilds = "CodeBuild_20161006.BatchGetBuilds"
    static let getLogEvents = "Logs_20140328.GetLogEvents"
    /// Fast polling, so the test takes seconds (the default is 3 s).
    static let fastPolling = ["--poll-interval", "0.05"]

    private var through: [String] { ["--endpoint-url", proxy.endpoint, "--region", "us-east-1"] }
    /// A recent base for the events' timestamps (moto drops events older than 14 days).
    private let baseMs = Int(Date().timeIntervalSince1970 * 1000) - 3_600_000

    struct StartedBuild: Decodable {
        var buildId: String
        var group: String
        var stream: String
    }

    /// The fixture's log as CloudWatch Logs holds it: one event per non-blank line.
    private func fixtureEvents(_ name: String) throws -> [String] {
        let url = EndToEnd.packageRoot.appendingPathComponent("Fixtures/logs/\(name).log")
        return try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: true)
            .map(String.init).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }

    private func helper(_ arguments: [String], stdin: String = "") throws -> Data {
        let script = EndToEnd.packageRoot.appendingPathComponent("Tests/Support/moto/follow_build.py").path
        let run = try PythonRun.run([script] + arguments + ["--endpoint", moto.server.endpoint, "--base-ms", String(baseMs)],
                                    input: Data(stdin.utf8), environment: keys)
        guard run.status == 0 else {
            throw FaultProxy.StartError(description: "follow_build.py: \(String(decoding: run.errors, as: UTF8.self))")
        }
        return run.output
    }

    private func startBuild() throws -> StartedBuild {
        try JSONDecoder().decode(StartedBuild.self, from: helper(["start", "--project", moto.manifest.project]))
    }

    private func append(_ events: ArraySlice<String>, to build: StartedBuild) throws {
        _ = try helper(["append", "--group", build.group, "--stream", build.stream, "--first", String(events.startIndex)],
                       stdin: events.joined(separator: "\n"))
    }

    // CodeBuild's record of the build, as the proxy plays it: running in BUILD, then failed in POST_BUILD.
    private static let start = 1_709_719_200.0

    private static func phase(_ type: String, _ status: String?, at offset: Double, context: [String: String]? = nil) -> [String: Any] {
        var phase: [String: Any] = ["phaseType": type, "startTime": start + offset]
        if let status {
            phase["phaseStatus"] = status
            phase["endTime"] = start + offset + 1
            phase["durationInSeconds"] = 1
            phase["contexts"] = [context ?? ["statusCode": "", "message": ""]]
        }
        return phase
    }

    private static let donePhases = ["SUBMITTED", "QUEUED", "PROVISIONING", "DOWNLOAD_SOURCE", "INSTALL", "PRE_BUILD"]
        .enumerated().map { phase($1, "SUCCEEDED", at: Double($0)) }

    static let running: [String: Any] = [
        "buildStatus": "IN_PROGRESS", "buildComplete": false, "currentPhase": "BUILD", "endTime": NSNull(),
        "startTime": start, "phases": donePhases + [phase("BUILD", nil, at: 10)],
    ]

    static let failed: [String: Any] = [
        "buildStatus": "FAILED", "buildComplete": true, "currentPhase": "COMPLETED", "startTime": start, "endTime": start + 30,
        "phases": donePhases + [
            phase("BUILD", "SUCCEEDED", at: 10),
            phase("POST_BUILD", "FAILED", at: 20, context: [
                "statusCode": "COMMAND_EXECUTION_ERROR",
                "message": "Error while executing command: docker push $REPOSITORY_URI:latest. Reason: exit status 1"]),
            phase("UPLOAD_ARTIFACTS", "SUCCEEDED", at: 22), phase("FINALIZING", "SUCCEEDED", at: 23),
            ["phaseType": "COMPLETED", "startTime": start + 30],
        ],
    ]

    /// The report without what legitimately differs between two runs: `generatedAt`, the time it was made.
    private func comparable(_ json: String) -> String {
        json.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains("\"generatedAt\"") }.joined(separator: "\n")
    }

    func testAFollowedBuildThatFailsMidWayGetsTheFinishedLogsDiagnosis() throws {
        let events = try fixtureEvents("ecr-auth-expired-push")
        guard let push = events.firstIndex(where: { $0.contains("Entering phase POST_BUILD") }),
              let denied = events.firstIndex(where: { $0.hasPrefix("denied:") }) else {
            return XCTFail("the fixture lost its POST_BUILD failure")
        }
        let build = try startBuild()
        try proxy.overrideBuild(build.buildId, fields: Self.running)
        try append(events[..<push], to: build)

        let follow = try FollowedRun(["build", build.buildId, "--follow", "--format", "json"] + Self.fastPolling + through,
                                     environment: keys, in: work)
        XCTAssertTrue(follow.waitForStderr("follow: phase BUILD started"), follow.stderrSoFar)
        // Events arrive while it follows: the failing push, then the rest of the log.
        try append(events[push...denied], to: build)
        XCTAssertTrue(follow.waitForStderr("follow: match ecr-auth-token-expired"), follow.stderrSoFar)
        try append(events[(denied + 1)...], to: build)
        XCTAssertTrue(follow.waitForStderr("follow: phase UPLOAD_ARTIFACTS SUCCEEDED"), follow.stderrSoFar)
        try proxy.overrideBuild(build.buildId, fields: Self.failed)
        let followed = follow.finish()

        EndToEnd.assertNoBacktrace(followed)
        XCTAssertEqual(followed.status, 0, followed.stderr)
        XCTAssertTrue(followed.stderr.contains("follow: phase POST_BUILD FAILED"), followed.stderr)
        XCTAssertTrue(followed.stderr.contains("follow: build FAILED"), followed.stderr)
        for line in followed.stderr.split(separator: "\n") {
            XCTAssertTrue(line.hasPrefix("follow: "), "stray stderr line in a pipe: \(line)")
        }
        // It polled: more GetLogEvents than the log has pages, and BatchGetBuilds every few quiet reads.
        let seen = try proxy.requests()
        XCTAssertGreaterThan(seen.filter { $0.target == Self.batchGetBuilds }.count, 2)
        XCTAssertGreaterThan(seen.filter { $0.target == Self.getLogEvents }.count, 5)

        let finished = try run(["build", build.buildId, "--format", "json"] + through, environment: keys)
        XCTAssertEqual(finished.status, 0, finished.stderr)
        XCTAssertFalse(followed.stdout.isEmpty)
        XCTAssertEqual(comparable(followed.stdout), comparable(finished.stdout),
                       "the followed build's diagnosis is not the finished log's")
        let report = try JSONSerialization.jsonObject(with: Data(followed.stdout.utf8)) as? [String: Any]
        let diagnosis = (report?["builds"] as? [[String: Any]])?.first
        XCTAssertEqual((diagnosis?["rootCause"] as? [String: Any])?["ruleId"] as? String, "ecr-auth-token-expired")
        XCTAssertEqual((diagnosis?["input"] as? [String: Any])?["linesRead"] as? Int, events.count)
        // Following a build that already finished is diagnosing it.
        let late = try run(["build", build.buildId, "--follow", "--format", "json"] + Self.fastPolling + through, environment: keys)
        XCTAssertEqual(late.status, 0, late.stderr)
        XCTAssertEqual(comparable(late.stdout), comparable(finished.stdout))
        XCTAssertTrue(late.stderr.contains("follow: \(build.buildId) already finished (FAILED)"), late.stderr)
    }

    func testCtrlCMidFollowOfTheCurrentBuildReportsWhatWasReadAsPartial() throws {
        let events = try fixtureEvents("ecr-auth-expired-push")
        guard let denied = events.firstIndex(where: { $0.hasPrefix("denied:") }) else { return XCTFail("no denied line") }
        let build = try startBuild()
        try proxy.overrideBuild(build.buildId, fields: Self.running)
        try append(events[...denied], to: build)

        // Inside the build, as a buildspec step would run it.
        let follow = try FollowedRun(["build", "--current", "--follow", "--format", "json"] + Self.fastPolling + through,
                                     environment: keys.merging(["CODEBUILD_BUILD_ID": build.buildId]) { $1 }, in: work)
        XCTAssertTrue(follow.waitForStderr("follow: match ecr-auth-token-expired"), follow.stderrSoFar)
        follow.interrupt()
        let interrupted = follow.finish()

        EndToEnd.assertNoBacktrace(interrupted)
        XCTAssertEqual(interrupted.status, 2, "partial input: \(interrupted.stderr)")
        XCTAssertTrue(interrupted.stderr.contains("follow: interrupted"), interrupted.stderr)
        let report = try JSONSerialization.jsonObject(with: Data(interrupted.stdout.utf8)) as? [String: Any]
        let diagnosis = (report?["builds"] as? [[String: Any]])?.first
        let source = diagnosis?["input"] as? [String: Any]
        XCTAssertEqual(source?["partial"] as? Bool, true, interrupted.stdout)
        XCTAssertEqual(source?["linesRead"] as? Int, denied + 1)
        XCTAssertTrue((source?["partialReason"] as? String ?? "").contains("interrupted before the build completed"),
                      interrupted.stdout)
        XCTAssertEqual((diagnosis?["rootCause"] as? [String: Any])?["ruleId"] as? String, "ecr-auth-token-expired")
    }

    func testOnATerminalTheEventsComeWithAStatusLineRedrawnInPlace() throws {
        let events = try fixtureEvents("ecr-auth-expired-push")
        let build = try startBuild()
        try proxy.overrideBuild(build.buildId, fields: Self.running)
        try append(events[...], to: build)

        let python = try XCTUnwrap(MotoServer.findExecutable("python3"))
        let wrapper = EndToEnd.packageRoot.appendingPathComponent("Tests/Support/on_tty.py").path
        let follow = try FollowedRun([wrapper, "--", EndToEnd.binary.path, "build", build.buildId, "--follow", "--format", "json"]
                                     + Self.fastPolling + through,
                                     environment: keys, in: work, executable: URL(fileURLWithPath: python))
        // Following: the log was read and the quiet reads go on until the build is marked finished.
        let deadline = Date().addingTimeInterval(30)
        while try proxy.requests().filter({ $0.target == Self.getLogEvents }).count < 5, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
        }
        try proxy.overrideBuild(build.buildId, fields: Self.failed)
        let wrapped = follow.finish()
        XCTAssertEqual(wrapped.status, 0, wrapped.stderr)

        struct OnTTY: Decodable { var status: Int32; var stderr: String; var stdout: String }
        let run = try JSONDecoder().decode(OnTTY.self, from: Data(wrapped.stdout.utf8))
        XCTAssertEqual(run.status, 0, run.stderr)
        let clear = "\r\u{1B}[K"
        XCTAssertTrue(run.stderr.contains(clear + "match ecr-auth-token-expired [error]: ECR login token expired (line 90, POST_BUILD)"),
                      run.stderr.debugDescription)
        XCTAssertTrue(run.stderr.contains(clear + "following UPLOAD_ARTIFACTS: 111 lines, 3 matches (\(build.buildId))"),
                      run.stderr.debugDescription)
        XCTAssertTrue(run.stderr.hasSuffix(clear), "the status line is cleared before the report: \(run.stderr.debugDescription)")
        XCTAssertFalse(run.stderr.contains("follow: "), "no pipe-style lines on a terminal")
        let report = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let diagnosis = (report?["builds"] as? [[String: Any]])?.first
        XCTAssertEqual((diagnosis?["rootCause"] as? [String: Any])?["ruleId"] as? String, "ecr-auth-token-expired")
    }

    func testLinesIngestedAfterTheBuildCompletedAreStillRead() throws {
        let events = try fixtureEvents("ecr-auth-expired-push")
        guard let failedPhase = events.firstIndex(where: { $0.contains("Phase complete: POST_BUILD State: FAILED") }) else {
            return XCTFail("the fixture lost its POST_BUILD failure")
        }
        let build = try startBuild()
        try proxy.overrideBuild(build.buildId, fields: Self.running)
        try append(events[...failedPhase], to: build)

        let follow = try FollowedRun(["build", build.buildId, "--follow", "--format", "json"] + Self.fastPolling + through,
                                     environment: keys, in: work)
        XCTAssertTrue(follow.waitForStderr("follow: phase POST_BUILD FAILED"), follow.stderrSoFar)
        // The rest of the log reaches CloudWatch Logs only as CodeBuild first answers FAILED.
        let late = events[(failedPhase + 1)...].enumerated().map { offset, message in
            ["timestamp": baseMs + failedPhase + 1 + offset, "message": message] as [String: Any]
        }
        try proxy.overrideBuild(build.buildId, fields: Self.failed, lateEvents: [
            "endpoint": moto.server.endpoint, "accessKeyId": moto.manifest.credentials.accessKeyId,
            "secretAccessKey": moto.manifest.credentials.secretAccessKey,
            "group": build.group, "stream": build.stream, "events": late,
        ])
        let followed = follow.finish()
        XCTAssertEqual(followed.status, 0, followed.stderr)
        let completed = try XCTUnwrap(followed.stderr.range(of: "follow: build FAILED"), followed.stderr)
        let lateLine = try XCTUnwrap(followed.stderr.range(of: "follow: phase UPLOAD_ARTIFACTS"), followed.stderr)
        XCTAssertLessThan(completed.lowerBound, lateLine.lowerBound, "the last lines came after completion")

        let finished = try run(["build", build.buildId, "--format", "json"] + through, environment: keys)
        XCTAssertEqual(comparable(followed.stdout), comparable(finished.stdout))
        let report = try JSONSerialization.jsonObject(with: Data(followed.stdout.utf8)) as? [String: Any]
        let input = (report?["builds"] as? [[String: Any]])?.first?["input"] as? [String: Any]
        XCTAssertEqual(input?["linesRead"] as? Int, events.count)
        XCTAssertEqual(input?["partial"] as? Bool, false)
    }
}
