import Foundation
import XCTest

/// `cbtriage lambda`, the built binary as a function's bootstrap: events from a local stand-in of the Lambda
/// Runtime API (LambdaRuntimeStandIn), the builds read from moto with signature checking through the member
/// account's role, reports posted to a local webhook.
final class LambdaRuntimeTests: MotoIntegrationTestCase {
    private func environment(runtime: LambdaRuntimeStandIn, extra: [String: String] = [:]) -> [String: String] {
        goodKeys.merging([
            "AWS_LAMBDA_RUNTIME_API": runtime.host, "AWS_REGION": "us-east-1",
            "CBTRIAGE_ENDPOINT_URL": moto.server.endpoint, "AWS_ENDPOINT_URL_STS": moto.server.endpoint,
            "CBTRIAGE_ROLE_ARN_FOR_ACCOUNT": "arn:aws:iam::{account}:role/cbtriage-read",
            "CBTRIAGE_EXTERNAL_ID": "cbtriage-it-external-id",
        ].merging(extra) { $1 }) { $1 }
    }

    private func body(_ record: [String: Any]) throws -> [String: Any] {
        let text = try XCTUnwrap(record["body"] as? String)
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], text)
    }

    func testEachInvocationIsDiagnosedSkippedOrReportedAsAnError() throws {
        let runtime = try LambdaRuntimeStandIn.start(serving: [
            .init(event: try buildEvent(["--status", "FAILED"])),
            .init(event: try buildEvent(["--status", "SUCCEEDED"])),
            .init(event: Data("{\"source\": \"aws.codebuild\", not json".utf8)),
        ], for: self)
        let hook = try WebhookRecorder.start(statuses: [200], for: self)
        let run = try run(["lambda"], environment: environment(runtime: runtime, extra: ["CBTRIAGE_WEBHOOK": hook.url(path: "/hook")]))

        // The loop ends only when the Runtime API goes away, as the stand-in does once its queue is empty.
        XCTAssertEqual(run.status, 69, run.stderr)
        let lines = run.stderr.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.last?.hasPrefix("cbtriage: the Lambda Runtime API at \(runtime.host) did not answer invocation/next: ") ?? false,
                      run.stderr)
        XCTAssertTrue(lines.contains { $0.hasPrefix("cbtriage: req-1 FAILED POST_BUILD ") }, "the function's log line: \(run.stderr)")
        let records = try runtime.records()
        XCTAssertEqual(records.map { $0["kind"] as? String }, ["response", "response", "error", "drained"], "\(records)")

        let direct = try self.run(["build", try moto.stream("failing").buildId, "--format", "json", "--page-size", "1000"]
                                  + endpointArguments, environment: goodKeys)
        let directReport = try XCTUnwrap(((try JSONSerialization.jsonObject(with: Data(direct.stdout.utf8)) as? [String: Any])?["builds"]
                                          as? [[String: Any]])?.first, direct.stdout)
        let diagnosed = try body(records[0])
        XCTAssertEqual(records[0]["requestId"] as? String, "req-1")
        XCTAssertEqual(diagnosed["build"] as? String, try moto.stream("failing").buildId)
        XCTAssertEqual(diagnosed["status"] as? String, "FAILED")
        let rootCause = try XCTUnwrap(diagnosed["rootCause"] as? String, "\(diagnosed)")
        XCTAssertEqual(rootCause, (directReport["rootCause"] as? [String: Any])?["ruleId"] as? String)
        XCTAssertEqual(diagnosed["posted"] as? Bool, true)
        XCTAssertEqual(diagnosed["partial"] as? Bool, false)

        let skipped = try body(records[1])
        XCTAssertEqual(skipped["status"] as? String, "SUCCEEDED")
        XCTAssertEqual(skipped["skipped"] as? String,
                       "skipped \(try moto.stream("failing").buildId): its status is SUCCEEDED; only FAILED, FAULT and TIMED_OUT builds are diagnosed")
        XCTAssertEqual(skipped["posted"] as? Bool, false)

        XCTAssertEqual(records[2]["requestId"] as? String, "req-3")
        XCTAssertEqual(records[2]["errorType"] as? String, "Cbtriage.UnreadableInput")
        let failure = try body(records[2])
        XCTAssertEqual(failure["errorType"] as? String, "Cbtriage.UnreadableInput")
        XCTAssertTrue((failure["errorMessage"] as? String ?? "").hasPrefix("the event is not JSON"), "\(failure)")

        let posts = try hook.requests()
        XCTAssertEqual(posts.count, 1, "one failed build, one post")
        XCTAssertTrue((posts.first?["body"] as? String ?? "").contains(rootCause), "the Slack message names the root cause")
        XCTAssertFalse(run.everything.contains(moto.manifest.credentials.secretAccessKey))
    }

    /// Past the invocation's deadline no further log page is asked for: the diagnosis is reported, marked partial.
    func testTheLogReadStopsAtTheDeadlineAndIsReportedPartial() throws {
        let runtime = try LambdaRuntimeStandIn.start(serving: [
            .init(event: try buildEvent(["--status", "FAILED"]), deadlineInSeconds: -1),
        ], for: self)
        let run = try run(["lambda"], environment: environment(runtime: runtime))
        XCTAssertEqual(run.status, 69, run.stderr)
        let records = try runtime.records()
        XCTAssertEqual(records.map { $0["kind"] as? String }, ["response", "drained"], "\(records)")
        let result = try body(records[0])
        XCTAssertEqual(result["partial"] as? Bool, true, "\(result)")
        XCTAssertTrue((result["partialReason"] as? String ?? "").contains("before the deadline"), "\(result)")
        XCTAssertEqual(result["posted"] as? Bool, false, "no CBTRIAGE_WEBHOOK, no post")
    }

    /// Lambda starts `bootstrap` with no arguments; settings it cannot use are reported with /init/error.
    func testStartedAsBootstrapItRunsTheLoopAndReportsBadSettingsAtInit() throws {
        let runtime = try LambdaRuntimeStandIn.start(serving: [], for: self)
        let bootstrap = work.appendingPathComponent("bootstrap")
        try FileManager.default.createSymbolicLink(at: bootstrap, withDestinationURL: try EndToEnd.requireBinary())
        let process = Process()
        process.executableURL = bootstrap
        process.arguments = []
        process.environment = EndToEnd.pinnedEnvironment.merging(environment(runtime: runtime, extra: [
            "CBTRIAGE_FORMAT": "xml", "HOME": work.path])) { $1 }
        let out = Pipe(), errors = Pipe()
        process.standardOutput = out
        process.standardError = errors
        try process.run()
        let result = EndToEnd.collect(process, stdout: out, stderr: errors)
        XCTAssertEqual(result.status, 64, result.stderr)
        XCTAssertTrue(result.stderr.hasPrefix("cbtriage: CBTRIAGE_FORMAT must be one of text, json, markdown, slack"), result.stderr)
        let records = try runtime.records()
        XCTAssertEqual(records.map { $0["kind"] as? String }, ["initError"], "\(records)")
        XCTAssertEqual(records.first?["errorType"] as? String, "Cbtriage.Usage")
    }

    func testRoleSettingsInTheWrongFormNameTheirVariable() throws {
        let runtime = try LambdaRuntimeStandIn.start(serving: [], for: self)
        let run = try run(["lambda"], environment: environment(runtime: runtime, extra: ["CBTRIAGE_ROLE_ARN_FOR_ACCOUNT": "cbtriage-read"]))
        XCTAssertEqual(run.status, 64, run.stderr)
        XCTAssertTrue(run.stderr.contains("CBTRIAGE_ROLE_ARN_FOR_ACCOUNT: 'cbtriage-read' has no {account} to fill"), run.stderr)
        XCTAssertEqual(try runtime.records().map { $0["kind"] as? String }, ["initError"])
    }
}
