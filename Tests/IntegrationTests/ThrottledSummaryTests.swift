import Foundation
import XCTest

/// `summary --jobs 16` over 40 failed builds through a proxy that throttles every API like AWS's per-account quota
/// (10 requests a second each, `Tests/Support/fault_proxy.py`) in front of moto_server with signature checking on.
/// cbtriage paces itself to the quota (one limit per account, Region and API, shared by its threads) and slows
/// further when throttled, so every build is read — none lost to retries running out.
final class ThrottledSummaryTests: FaultProxyTestCase {
    private func summary(_ extra: [String]) throws -> CBTriageRun {
        try run(["summary", "--project", moto.manifest.scale.project, "--since", "24h", "--include-succeeded",
                 "--format", "json", "--endpoint-url", proxy.endpoint, "--region", "us-east-1"] + extra,
                environment: keys)
    }

    func testSixteenJobsUnderTenCallsASecondReadEveryBuild() throws {
        let builds = moto.manifest.scale.buildIds
        XCTAssertEqual(builds.count, 40, "seed changed")
        try proxy.throttle(perSecond: 10)
        let result = try summary(["--jobs", "16"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any],
                                 result.stdout)
        XCTAssertEqual(json["buildsAnalysed"] as? Int, 40, result.stderr)
        XCTAssertEqual(json["buildsFailed"] as? Int, 40, result.stderr)
        XCTAssertEqual((json["unreadable"] as? [Any])?.count, 0, "\(json["unreadable"] ?? "none")")
        let requests = try proxy.requests()
        let reads = requests.filter { $0.target == "Logs_20140328.GetLogEvents" }
        XCTAssertGreaterThanOrEqual(reads.count, 40, "every build's log was read")
        // Paced to the quota, cbtriage is throttled seldom, not on most of its calls.
        let throttled = requests.filter { $0.fault == "throttle" }.count
        XCTAssertLessThan(throttled, requests.count / 4, "throttled \(throttled) of \(requests.count)")
    }

    func testAnAPIRateBelowTheServersIsNeverThrottledAndABadOneIsAUsageError() throws {
        try proxy.throttle(perSecond: 10)
        let result = try summary(["--jobs", "16", "--api-rate", "GetLogEvents=8", "--api-rate", "ListBuildsForProject=8",
                                  "--api-rate", "BatchGetBuilds=8"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try proxy.requests().filter { $0.fault == "throttle" }.count, 0)

        for bad in ["GetLogEvents", "GetLogEvents=fast", "GetLogEvents=-1", "=5", "GetLogEvents=1e9"] {
            let refused = try summary(["--api-rate", bad])
            XCTAssertEqual(refused.status, 64, "\(bad): \(refused.stderr)")
            XCTAssertTrue(refused.stderr.contains("OPERATION=N"), refused.stderr)
        }
        let fromEnvironment = try run(["summary", "--project", "x", "--endpoint-url", proxy.endpoint, "--region", "us-east-1"],
                                      environment: keys.merging(["CBTRIAGE_API_RATES": "GetLogEvents=many"]) { $1 })
        XCTAssertEqual(fromEnvironment.status, 64, fromEnvironment.stderr)
    }
}
