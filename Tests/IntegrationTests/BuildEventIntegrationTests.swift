import Foundation
import TestSupport
import XCTest

/// `cbtriage build --event`: an EventBridge "CodeBuild Build State Change" event for the seeded failing build
/// (written by Tests/Support/moto/build_event.py from BatchGetBuilds, as CodeBuild would send it), against
/// moto with signature checking, posting to a local webhook.
final class BuildEventIntegrationTests: MotoIntegrationTestCase {
    private func writeEvent(_ name: String, _ extra: [String] = []) throws -> URL {
        let url = work.appendingPathComponent(name)
        try buildEvent(extra).write(to: url)
        return url
    }

    private func report(_ run: CBTriageRun) throws -> [String: Any] {
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], run.stdout)
        return try XCTUnwrap((json["builds"] as? [[String: Any]])?.first, run.stdout)
    }

    private func ruleIds(_ report: [String: Any]) -> [String] {
        (report["findings"] as? [[String: Any]] ?? []).compactMap { $0["ruleId"] as? String }
    }

    func testFailedBuildEventIsDiagnosedAndPosted() throws {
        let event = try writeEvent("failed.json", ["--status", "FAILED"])
        let hook = try WebhookRecorder.start(statuses: [200], for: self)
        let run = try run(["build", "--event", event.path, "--format", "json", "--post", hook.url(path: "/hook"),
                           "--page-size", "1000"] + endpointArguments, environment: goodKeys)
        XCTAssertEqual(run.status, 0, run.stderr)
        let fromEvent = try report(run)
        let direct = try report(try self.run(["build", try moto.stream("failing").buildId, "--format", "json",
                                              "--page-size", "1000"] + endpointArguments, environment: goodKeys))
        // The event says FAILED where moto's record says SUCCEEDED; the diagnosis is the same.
        XCTAssertEqual((fromEvent["build"] as? [String: Any])?["status"] as? String, "FAILED")
        XCTAssertEqual((fromEvent["rootCause"] as? [String: Any])?["ruleId"] as? String,
                       (direct["rootCause"] as? [String: Any])?["ruleId"] as? String)
        XCTAssertNotNil(fromEvent["rootCause"] as? [String: Any], run.stdout)
        XCTAssertEqual(ruleIds(fromEvent), ruleIds(direct))
        XCTAssertEqual(fromEvent["failingPhase"] as? String, direct["failingPhase"] as? String)
        let requests = try hook.requests()
        XCTAssertEqual(requests.count, 1)
        let body = try XCTUnwrap(requests.first?["body"] as? String)
        XCTAssertTrue(body.contains("\"schemaVersion\""), "the JSON document was posted")
    }

    /// An event with its phases and log location needs no BatchGetBuilds: one naming a build CodeBuild does not
    /// know is still diagnosed from the log it points at; without phases it must ask, and the build is unknown.
    func testOnlyWhatTheEventLacksIsFetched() throws {
        let unknown = "0f0f0f0f-1111-4222-8333-444444444444"
        let complete = try writeEvent("complete.json", ["--status", "FAILED", "--arn-uuid", unknown])
        let run = try run(["build", "--event", complete.path, "--quiet", "--page-size", "1000"] + endpointArguments,
                          environment: goodKeys)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.hasPrefix("FAILED POST_BUILD "), run.stdout)

        let lacking = try writeEvent("lacking.json", ["--status", "FAILED", "--arn-uuid", unknown, "--omit", "phases"])
        let asked = try self.run(["build", "--event", lacking.path, "--quiet"] + endpointArguments, environment: goodKeys)
        XCTAssertEqual(asked.status, 66, asked.stderr)
        XCTAssertTrue(asked.stderr.contains("unknown build"), asked.stderr)

        let real = try writeEvent("real.json", ["--status", "FAILED", "--omit", "phases,logs"])
        let fetched = try self.run(["build", "--event", "-", "--quiet", "--page-size", "1000"] + endpointArguments,
                                   stdin: try Data(contentsOf: real), environment: goodKeys)
        XCTAssertEqual(fetched.status, 0, fetched.stderr)
        XCTAssertEqual(fetched.stdout, run.stdout)
    }

    func testSucceededEventIsAcknowledgedAndSkipped() throws {
        let event = try writeEvent("succeeded.json", ["--status", "SUCCEEDED"])
        let hook = try WebhookRecorder.start(statuses: [200], for: self)
        let run = try run(["build", "--event", event.path, "--post", hook.url(path: "/hook")] + endpointArguments,
                          environment: goodKeys)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stdout, "")
        XCTAssertTrue(run.stderr.contains("its status is SUCCEEDED; only FAILED, FAULT and TIMED_OUT builds are diagnosed"),
                      run.stderr)
        XCTAssertEqual(try hook.requests().count, 0)
    }

    func testSecretLookingEventVariablesNeverReachTheReport() throws {
        // The seeded failing log prints no such value; a variable whose value is also a word of the report is the
        // hard case: the project name.
        let event = try writeEvent("env.json", ["--status", "FAILED", "--env", "DEPLOY_TOKEN=\(moto.manifest.project)",
                                                "--env", "NODE_ENV=production"])
        let stored = work.appendingPathComponent("stored")
        let run = try run(["build", "--event", event.path, "--format", "json", "--page-size", "1000",
                           "--out", stored.path] + endpointArguments, environment: goodKeys)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertFalse(run.stdout.contains(moto.manifest.project), "a secret-looking variable's value was shown")
        XCTAssertTrue(run.stdout.contains("[REDACTED]"))
        // The stored document too.
        let files = try FileManager.default.contentsOfDirectory(atPath: stored.path)
        XCTAssertEqual(files.count, 1, "\(files)")
        let document = try String(contentsOf: stored.appendingPathComponent(files[0]), encoding: .utf8)
        XCTAssertFalse(document.contains(moto.manifest.project), "a secret-looking variable's value was stored")
        XCTAssertTrue(document.contains("[REDACTED]"))
    }

    func testEventsThatAreNotBuildStateChangesAreRefusedInOneLine() throws {
        let cases: [(String, String)] = [
            ("not json", "the event is not JSON"),
            (#"{"source":"aws.ec2","detail-type":"EC2 Instance State-change Notification","detail":{"build-status":"x","build-id":"y"}}"#,
             "the event is not a CodeBuild build state change"),
            (#"{"source":"aws.codebuild","detail-type":"CodeBuild Build State Change","detail":{"build-status":"FAILED"}}"#,
             "the event has no detail.build-id"),
            (#"{"source":"aws.codebuild","detail-type":"CodeBuild Build State Change","detail":{"build-status":"FAILED","build-id":"web:1"}}"#,
             "the event's detail.build-id is not a build ARN"),
        ]
        for (text, message) in cases {
            let run = try self.run(["build", "--event", "-"] + endpointArguments, stdin: Data(text.utf8), environment: goodKeys)
            XCTAssertEqual(run.status, 66, text)
            XCTAssertTrue(run.stderr.hasPrefix("cbtriage: " + message), run.stderr)
            XCTAssertEqual(run.stderr.filter { $0 == "\n" }.count, 1, run.stderr)
        }
        let missing = try run(["build", "--event", work.appendingPathComponent("none.json").path] + endpointArguments,
                              environment: goodKeys)
        XCTAssertEqual(missing.status, 66, missing.stderr)
    }
}
