import Foundation
import XCTest

/// `cbtriage summary` over the whole fixture directory (50 logs) must count what the fixtures' own
/// expectation files say, not what the summary happens to print: builds, failures, and failures per
/// root-cause category.
final class EndToEndSummaryFixturesTests: XCTestCase {
    private struct Expectation: Decodable {
        var rootCause: String?
        var partial: Bool?
    }

    func testSummaryOverTheFixtureDirectoryMatchesTheExpectationFiles() throws {
        let logs = EndToEnd.packageRoot.appendingPathComponent("Fixtures/logs")
        let names = try FileManager.default.contentsOfDirectory(atPath: logs.path)
        var expectedFailed = 0
        var expectedPerCategory: [String: Int] = [:]
        var expectedPartial: Set<String> = []
        var expectedBuilds = 0
        for name in names where name.hasSuffix(".expected.json") {
            let expectation = try JSONDecoder().decode(
                Expectation.self, from: Data(contentsOf: logs.appendingPathComponent(name)))
            expectedBuilds += 1
            if let category = expectation.rootCause {
                expectedFailed += 1
                expectedPerCategory[category, default: 0] += 1
            }
            if expectation.partial == true { expectedPartial.insert(String(name.dropLast(".expected.json".count))) }
        }
        XCTAssertGreaterThanOrEqual(expectedBuilds, 20, "the summary must run over at least 20 fixture logs")

        let run = try EndToEnd.run(["summary", "--format", "json", logs.path])
        // Status 2: the truncated gzip fixture is read only in part; the summary still covers it.
        XCTAssertEqual(run.status, expectedPartial.isEmpty ? 0 : 2, run.stderr)
        let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(document["buildsAnalysed"] as? Int, expectedBuilds)
        XCTAssertEqual(document["buildsFailed"] as? Int, expectedFailed)
        let categories = try XCTUnwrap(document["categories"] as? [[String: Any]])
        var actualPerCategory: [String: Int] = [:]
        for category in categories {
            actualPerCategory[try XCTUnwrap(category["key"] as? String)] = try XCTUnwrap(category["count"] as? Int)
        }
        XCTAssertEqual(actualPerCategory, expectedPerCategory)
        let partial = Set((document["partialInputs"] as? [String] ?? []).map {
            URL(fileURLWithPath: $0).lastPathComponent.replacingOccurrences(of: ".log.gz", with: "")
                .replacingOccurrences(of: ".log", with: "")
        })
        XCTAssertEqual(partial, expectedPartial)
    }
}
