import ArgumentParser
@testable import report
import XCTest

/// Which option combinations `summary` accepts now that it reads either log paths or CodeBuild projects.
final class SummaryAWSCommandLineTests: XCTestCase {
    private func parse(_ arguments: [String]) throws -> SummaryCommand {
        try XCTUnwrap(try CBTriage.parseAsRoot(["summary"] + arguments) as? SummaryCommand)
    }

    private func usageError(_ arguments: [String]) -> String? {
        do {
            _ = try CBTriage.parseAsRoot(["summary"] + arguments)
            return nil
        } catch {
            return CBTriage.message(for: error)
        }
    }

    func testProjectsWithAWindowParse() throws {
        let command = try parse(["--project", "web", "--project", "api", "--since", "24h", "--include-succeeded",
                                 "--jobs", "8", "--region", "eu-west-1", "--format", "json"])
        XCTAssertEqual(command.projects, ["web", "api"])
        XCTAssertEqual(command.jobs, 8)
        XCTAssertTrue(command.includeSucceeded)
        XCTAssertEqual(command.aws.region, "eu-west-1")
        XCTAssertNoThrow(try parse(["--project", "web", "--start", "2024-03-05", "--end", "2024-03-06T12:00:00Z"]))
    }

    func testWrongCombinationsAreUsageErrors() {
        let wrong: [[String]] = [
            ["--project", "web"],                                           // no window
            ["--project", "web", "--since", "24h", "--start", "2024-03-05"], // two windows
            ["--project", "web", "--start", "2024-03-05"],                   // half a window
            ["--project", "web", "--since", "soon"],
            ["--project", "web", "--start", "2024-03-06", "--end", "2024-03-05"],
            ["--project", "web", "--since", "24h", "--jobs", "0"],
            ["--project", "web", "--since", "24h", "--jobs", "17"],
            ["--project", "web", "--since", "24h", "logs/"],                 // paths and projects
            ["--project", "web", "--since", "24h", "--baseline", "old/"],
            ["logs/", "--since", "24h"],                                     // a window without projects
            ["logs/", "--include-succeeded"],
            ["logs/", "--region", "us-east-1"],
        ]
        for arguments in wrong {
            XCTAssertNotNil(usageError(arguments), "accepted: \(arguments)")
        }
        XCTAssertEqual(usageError(["--project", "web", "--since", "24x"])?.contains("90m, 24h, 7d or 2w"), true)
    }
}
