import Foundation
import TestSupport
import XCTest

/// `cbtriage summary --project …` end to end: the built binary, SigV4 over libcurl, moto_server with
/// signature checking on, two projects whose builds' logs are fixture logs with known root causes.
///
/// moto reports every build as SUCCEEDED, so these runs pass --include-succeeded: the failures are
/// the ones the logs show, which is exactly what that flag is for.
final class AWSSummaryIntegrationTests: MotoIntegrationTestCase {
    private func summary(_ extra: [String]) throws -> CBTriageRun {
        try run(["summary", "--project", "summary-a", "--project", "summary-b", "--since", "24h",
                        "--include-succeeded", "--endpoint-url", moto.server.endpoint, "--region", "us-east-1"]
                       + extra, environment: goodKeys)
    }

    /// The root cause category a fixture log is known to have (its `.expected.json`), nil for a success.
    private func expectedCategory(_ fixture: String) throws -> String? {
        let url = EndToEnd.packageRoot.appendingPathComponent("Fixtures/logs/\(fixture).expected.json")
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
        return object?["rootCause"] as? String
    }

    /// `--windows 3`: three windows of 24 h; every seeded build started within the hour, so all its failures are in
    /// the newest window, which the schema keeps and the categories agree with.
    func testWindowsCountTheCategoriesPerWindow() throws {
        let result = try summary(["--format", "json", "--windows", "3"])
        XCTAssertEqual(result.status, 66, result.stderr)
        try JSONSchemaValidation.validate(result.stdout, schema: "summary.schema.json")
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let trends = try XCTUnwrap(json["trends"] as? [String: Any])
        XCTAssertEqual((trends["windows"] as? [[String: Any]])?.count, 3)
        XCTAssertEqual((trends["windows"] as? [[String: Any]])?.last?["end"] as? String, json["windowEnd"] as? String)
        let categories = try XCTUnwrap(json["categories"] as? [[String: Any]])
        let expected = Dictionary(uniqueKeysWithValues: categories.compactMap { group -> (String, [Int])? in
            guard let key = group["key"] as? String, let count = group["count"] as? Int else { return nil }
            return (key, [0, 0, count])
        })
        let trendCategories = try XCTUnwrap(trends["categories"] as? [[String: Any]])
        let counts = Dictionary(uniqueKeysWithValues: trendCategories.compactMap { trend -> (String, [Int])? in
            guard let key = trend["category"] as? String, let counts = trend["counts"] as? [Int] else { return nil }
            return (key, counts)
        })
        XCTAssertEqual(counts, expected)
        XCTAssertTrue(trendCategories.allSatisfy { $0["rising"] as? Bool == true }, "from nothing to something")
    }

    func testJSONSummaryCountsEveryProjectCategoryAndTheUnreadableBuild() throws {
        let result = try summary(["--format", "json"])
        // One build's log stream does not exist: listed, and the exit status says an input was unreadable.
        XCTAssertEqual(result.status, 66, result.stderr)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any],
                                 result.stdout)
        XCTAssertEqual(json["kind"] as? String, "summary")

        var expectedCategories: [String: Int] = [:]
        var expectedProjects: [String: (builds: Int, failed: Int)] = [:]
        for (project, builds) in moto.manifest.summary.projects {
            var failed = 0
            for build in builds {
                guard let fixture = build.fixture, let category = try expectedCategory(fixture) else { continue }
                expectedCategories[category, default: 0] += 1
                failed += 1
            }
            expectedProjects[project] = (builds.count, failed)
        }
        XCTAssertEqual(expectedProjects["summary-a"]?.builds, 4, "seed changed: summary-a has 3 logs and 1 missing")
        XCTAssertEqual(expectedProjects["summary-b"]?.failed, 1, "seed changed: summary-b has 1 failing log")

        let projects = try XCTUnwrap(json["projects"] as? [[String: Any]])
        for (project, expected) in expectedProjects {
            let row = try XCTUnwrap(projects.first { $0["project"] as? String == project }, "\(project): \(projects)")
            XCTAssertEqual(row["analysed"] as? Int, expected.builds, project)
            XCTAssertEqual(row["failed"] as? Int, expected.failed, project)
        }
        XCTAssertEqual(json["buildsAnalysed"] as? Int, 6)
        XCTAssertEqual(json["buildsFailed"] as? Int, expectedCategories.values.reduce(0, +))

        let categories = try XCTUnwrap(json["categories"] as? [[String: Any]])
        var found: [String: Int] = [:]
        for group in categories { found[group["key"] as? String ?? "?"] = group["count"] as? Int }
        XCTAssertEqual(found, expectedCategories)
        XCTAssertEqual(expectedCategories["test-failure"], 2, "pytest and JUnit are both test failures")

        // The previous 24 hours held no builds: every kind found is new.
        let new = try XCTUnwrap(json["newFailureKinds"] as? [[String: Any]])
        XCTAssertEqual(new.count, (json["rules"] as? [[String: Any]])?.count)

        let unreadable = try XCTUnwrap(json["unreadable"] as? [[String: Any]])
        XCTAssertEqual(unreadable.count, 1, "\(unreadable)")
        let missing = moto.manifest.summary.missingLogBuildId
        let entry = try XCTUnwrap(unreadable.first)
        XCTAssertTrue("\(entry)".contains(missing), "\(entry)")
        XCTAssertTrue(result.stderr.contains(missing), result.stderr)
        XCTAssertFalse(result.stderr.contains("\r"), "no progress bar when stderr is not a terminal")
        XCTAssertNotNil(json["windowStart"] as? String)
    }

    func testTextSummaryNamesBothProjectsAndTheMissingLog() throws {
        let result = try summary(["--jobs", "2"])
        XCTAssertEqual(result.status, 66, result.stderr)
        for text in ["summary-a", "summary-b", "test-failure", moto.manifest.summary.missingLogBuildId] {
            XCTAssertTrue(result.stdout.contains(text), "\(text) missing from:\n\(result.stdout)")
        }
    }

    func testWithoutIncludeSucceededMotosBuildsAreCountedButNoneDiagnosed() throws {
        let result = try run(["summary", "--project", "summary-a", "--since", "24h", "--format", "json",
                                     "--endpoint-url", moto.server.endpoint, "--region", "us-east-1"],
                                    environment: goodKeys)
        XCTAssertEqual(result.status, 0, result.stderr)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any],
                                 result.stdout)
        XCTAssertEqual(json["buildsAnalysed"] as? Int, 4)
        XCTAssertEqual(json["buildsFailed"] as? Int, 0)
        XCTAssertEqual((json["unreadable"] as? [Any])?.count, 0)
    }

    func testAnUnknownProjectIsListedAndTheOtherStillSummarised() throws {
        let result = try run(["summary", "--project", "no-such-project", "--project", "summary-b",
                                     "--since", "24h", "--include-succeeded", "--format", "json",
                                     "--endpoint-url", moto.server.endpoint, "--region", "us-east-1"],
                                    environment: goodKeys)
        XCTAssertEqual(result.status, 66, result.stderr)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any],
                                 result.stdout)
        XCTAssertEqual(json["buildsFailed"] as? Int, 1)
        XCTAssertTrue("\(json["unreadable"] ?? "")".contains("no-such-project"), result.stdout)
    }
}
