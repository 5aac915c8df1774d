import Foundation
import TestSupport
import XCTest

/// `summary PATH --windows N --since LEN` through the built binary, over logs that failed on known days.
final class SummaryTrendsEndToEndTests: XCTestCase {
    /// Fixtures/trends/web: five failed builds, an unclassified error on 1 and 2 March 2024, an expired ECR token on
    /// the 6th and twice on the 7th.
    private func makeLogs() throws -> URL {
        EndToEnd.packageRoot.appendingPathComponent("Fixtures/trends/web")
    }

    func testJSONCountsEachCategoryPerDayAndSaysWhatIsRising() throws {
        let run = try EndToEnd.run(["summary", "--format", "json", "--windows", "7", "--since", "1d", try makeLogs().path])
        XCTAssertEqual(run.status, 0, run.stderr)
        try JSONSchemaValidation.validate(run.stdout, schema: "summary.schema.json")
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let trends = try XCTUnwrap(json["trends"] as? [String: Any])
        let windows = try XCTUnwrap(trends["windows"] as? [[String: Any]])
        XCTAssertEqual(windows.last?["end"] as? String, "2024-03-07T10:00:00.001Z")
        XCTAssertEqual(windows.first?["start"] as? String, "2024-02-29T10:00:00.001Z")
        let categories = try XCTUnwrap(trends["categories"] as? [[String: Any]])
        XCTAssertEqual(categories.compactMap { $0["category"] as? String }, ["ecr-auth-expired", "unclassified"])
        XCTAssertEqual(categories.compactMap { $0["counts"] as? [Int] }, [[0, 0, 0, 0, 0, 1, 2], [1, 1, 0, 0, 0, 0, 0]])
        XCTAssertEqual(categories.compactMap { $0["rising"] as? Bool }, [true, false])
        let kinds = try XCTUnwrap(trends["failureKinds"] as? [[String: Any]])
        XCTAssertEqual(kinds.compactMap { $0["ruleId"] as? String }, ["ecr-auth-token-expired", "unclassified"])
        XCTAssertEqual(kinds.first?["firstSeen"] as? String, "2024-03-06T10:00:00.000Z")
    }

    func testTextShowsTheTrendsAndAMissingLengthIsAUsageError() throws {
        let logs = try makeLogs().path
        let run = try EndToEnd.run(["summary", "--windows", "7", "--since", "1d", logs])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("Trends (7 windows of 1d, oldest first, the last ending 2024-03-07T10:00:00.001Z)"),
                      run.stdout)
        XCTAssertTrue(run.stdout.contains("  ecr-auth-expired   0  0  0  0  0  1  2  rising"), run.stdout)
        let missing = try EndToEnd.run(["summary", "--windows", "7", logs])
        XCTAssertEqual(missing.status, 64)
        XCTAssertEqual(missing.stderr, "cbtriage: --windows with log paths needs --since DURATION (90m, 24h, 7d, 2w): the "
                       + "length of each window. (see 'cbtriage --help')\n")
        // A console copy without the agent's times: nothing to place in a window, and it says so.
        let untimed = try EndToEnd.scratchDirectory(for: self).appendingPathComponent("untimed.log")
        try Data("denied: Your authorization token has expired. Reauthenticate and try again.\n".utf8).write(to: untimed)
        let noTimes = try EndToEnd.run(["summary", "--format", "json", "--windows", "3", "--since", "1d", untimed.path])
        XCTAssertEqual(noTimes.status, 0, noTimes.stderr)
        XCTAssertFalse(noTimes.stdout.contains("\"trends\""))
        XCTAssertEqual(noTimes.stderr, "cbtriage: warning: no build shows when it started; --windows has nothing to count\n")
        let tooMany = try EndToEnd.run(["summary", "--windows", "99", "--since", "1d", logs])
        XCTAssertEqual(tooMany.status, 64)
        XCTAssertEqual(tooMany.stderr, "cbtriage: --windows must be between 2 and 52. (see 'cbtriage --help')\n")
    }
}
