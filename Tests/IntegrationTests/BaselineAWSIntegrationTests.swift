import Foundation
import XCTest

/// `build --baseline last-green|BUILD-ID` against the seeded moto_server (SigV4 checked): the right green build is
/// chosen, exactly the seeded lines are new, the cost is reported, and the cache serves a second diagnosis.
final class BaselineAWSIntegrationTests: MotoIntegrationTestCase {
    private static let seededLines = [
        "bundle dist/app.js exceeds its size budget by 231 kB",
        "largest new module: node_modules/moment/locale (287 kB)",
        "refusing to publish an oversized bundle",
        "npm WARN deprecated rimraf@3.0.2: Rimraf versions prior to v4 are no longer supported",
    ]

    private var awsEnvironment: [String: String] {
        ["AWS_ACCESS_KEY_ID": moto.manifest.credentials.accessKeyId,
         "AWS_SECRET_ACCESS_KEY": moto.manifest.credentials.secretAccessKey,
         "XDG_CACHE_HOME": work.appendingPathComponent("cache").path]
    }

    private func build(_ role: String) throws -> String {
        try XCTUnwrap(moto.manifest.baseline[role], "seed made no \(role) build")
    }

    private func diagnose(_ role: String, baseline: String) throws -> (run: CBTriageRun, baseline: [String: Any]?) {
        let run = try run(["build", build(role), "--baseline", baseline, "--format", "json",
                           "--endpoint-url", moto.server.endpoint, "--region", "us-east-1"], environment: awsEnvironment)
        let document = (try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8))) as? [String: Any]
        let first = (document?["builds"] as? [[String: Any]])?.first
        return (run, first?["baseline"] as? [String: Any])
    }

    private func newLines(_ baseline: [String: Any]?) -> [String] {
        ((baseline?["groups"] as? [[String: Any]]) ?? []).flatMap { ($0["lines"] as? [[String: Any]]) ?? [] }
            .filter { $0["new"] as? Bool == true }.compactMap { $0["text"] as? String }
    }

    private func cost(_ baseline: [String: Any]?) -> [String: Any] { baseline?["cost"] as? [String: Any] ?? [:] }

    func testLastGreenIsTheNewestGreenBuildOfTheBranchBeforeTheFailedOneAndIsCached() throws {
        let first = try diagnose("failed", baseline: "last-green")
        XCTAssertEqual(first.run.status, 0, first.run.stderr)
        XCTAssertEqual(first.run.stderr, "")
        let reference = first.baseline?["baseline"] as? [String: Any]
        XCTAssertEqual(reference?["buildId"] as? String, try build("green"))
        XCTAssertEqual(reference?["selection"] as? String, "last-green")
        XCTAssertEqual(newLines(first.baseline), Self.seededLines)
        // Phases the log does not finish get CodeBuild's end time (moto's "now"): not a slowdown.
        XCTAssertEqual((first.baseline?["slowerPhases"] as? [[String: Any]])?.compactMap { $0["phase"] as? String }, ["BUILD"])
        // Its build record, the project's build list and records, the green build's log pages.
        let firstCalls = try XCTUnwrap(cost(first.baseline)["apiCalls"] as? Int)
        XCTAssertGreaterThanOrEqual(firstCalls, 4)
        XCTAssertGreaterThan(cost(first.baseline)["bytesFetched"] as? Int ?? 0, 0)
        XCTAssertEqual(cost(first.baseline)["fromCache"] as? Bool, false)

        let second = try diagnose("failed", baseline: "last-green")
        XCTAssertEqual(second.run.status, 0, second.run.stderr)
        XCTAssertEqual(newLines(second.baseline), Self.seededLines)
        XCTAssertEqual(cost(second.baseline)["fromCache"] as? Bool, true)
        XCTAssertEqual(cost(second.baseline)["bytesFetched"] as? Int, 0)
        XCTAssertLessThan(cost(second.baseline)["apiCalls"] as? Int ?? .max, firstCalls, "no log pages the second time")
    }

    func testABuildIdBaselineIsThatBuildAndADamagedCacheEntryIsFetchedAgain() throws {
        let first = try diagnose("failed", baseline: build("olderGreen"))
        XCTAssertEqual(first.run.status, 0, first.run.stderr)
        XCTAssertEqual((first.baseline?["baseline"] as? [String: Any])?["selection"] as? String, "build-id")
        // The older green build never printed the bundle's size line either.
        XCTAssertEqual(newLines(first.baseline), ["bundle dist/app.js 731 kB (limit 500 kB)"] + Self.seededLines.prefix(3)
                       + Self.seededLines.suffix(1))
        let cache = work.appendingPathComponent("cache/cbtriage/baselines")
        let entries = try FileManager.default.contentsOfDirectory(atPath: cache.path).filter { $0.hasSuffix(".json") }
        XCTAssertEqual(entries.count, 1, "one entry, keyed by the build's ARN")
        let entry = cache.appendingPathComponent(try XCTUnwrap(entries.first))
        XCTAssertTrue(entry.lastPathComponent.hasPrefix("arn_aws_codebuild_us-east-1_"), entry.lastPathComponent)
        try Data("{\"key\": \"damaged".utf8).write(to: entry)

        let again = try diagnose("failed", baseline: build("olderGreen"))
        XCTAssertEqual(again.run.status, 0, again.run.stderr)
        XCTAssertEqual(cost(again.baseline)["fromCache"] as? Bool, false, "the damaged entry was ignored")
        XCTAssertEqual(newLines(again.baseline), newLines(first.baseline))
        let repaired = try JSONSerialization.jsonObject(with: Data(contentsOf: entry)) as? [String: Any]
        XCTAssertNotNil(repaired?["index"], "the entry was written again")
    }

    func testNoGreenBuildSaysSoAndDiagnosesWithoutABaseline() throws {
        let result = try diagnose("lonely", baseline: "last-green")
        XCTAssertEqual(result.run.status, 0, result.run.stderr)
        XCTAssertEqual(result.run.stderr, "cbtriage: no SUCCEEDED build of project baseline-lonely started before "
                       + "\(try build("lonely")) (among its newest 1000 builds); diagnosing without a baseline\n")
        XCTAssertNil(result.baseline)
        XCTAssertTrue(result.run.stdout.contains("\"rootCause\""), "still diagnosed")
    }

    func testAnUnknownBaselineBuildIsOneLineAndExit66() throws {
        let missing = "baseline-web:00000000-0000-4000-8000-000000000000"
        let result = try diagnose("failed", baseline: missing)
        XCTAssertEqual(result.run.status, 66, result.run.stderr)
        XCTAssertEqual(result.run.stderr, "cbtriage: baseline: unknown build: \(missing) (check the project name, the build "
                       + "UUID and --region)\n")
        XCTAssertEqual(result.run.stdout, "")
    }

    func testTheTextReportSaysWhatTheBaselineCost() throws {
        let run = try run(["build", build("failed"), "--baseline", "last-green", "--endpoint-url", moto.server.endpoint,
                           "--region", "us-east-1"], environment: awsEnvironment.merging(["NO_COLOR": "1"]) { $1 })
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("4 new lines in 2 groups, shown above as the root cause's evidence."), run.stdout)
        XCTAssertNotNil(run.stdout.range(of: #"Baseline (cost \d+ more API calls and [0-9.]+ kB fetched \(now cached\)|from the local cache: no log fetched \(\d+ API calls to choose it\)\.)"#,
                                        options: .regularExpression), run.stdout)
    }
}
