@testable import report
import XCTest

/// A mistyped subcommand is named as such, not reported as a missing log file.
final class SubcommandSuggestionTests: XCTestCase {
    private func suggest(_ arguments: [String], existing: Set<String> = []) -> String? {
        SubcommandSuggestion.suggestion(for: arguments, fileExists: { existing.contains($0) })
    }

    func testTyposOfEachSubcommandAreNamed() {
        XCTAssertEqual(suggest(["analyse", "x.log"]), "analyze")
        XCTAssertEqual(suggest(["biuld", "123"]), "build")
        XCTAssertEqual(suggest(["summry"]), "summary")
        XCTAssertEqual(suggest(["fecth"]), "fetch")
        XCTAssertEqual(suggest(["rulez", "list"]), "rules")
        XCTAssertEqual(suggest(["Analyze"]), "analyze")
    }

    func testFilesOptionsAndFarWordsAreLeftToTheParser() {
        XCTAssertNil(suggest(["analyse"], existing: ["analyse"]), "a file of that name is a log to read")
        XCTAssertNil(suggest(["build.log"]))
        XCTAssertNil(suggest(["logs/biuld"]))
        XCTAssertNil(suggest(["--biuld"]))
        XCTAssertNil(suggest(["-"]))
        XCTAssertNil(suggest(["analyze", "x"]))
        XCTAssertNil(suggest(["deploy"]))
        XCTAssertNil(suggest(["bu"]))
        XCTAssertNil(suggest([]))
    }

    func testDistanceCountsATranspositionAsOneStep() {
        XCTAssertEqual(SubcommandSuggestion.distance("biuld", "build"), 1)
        XCTAssertEqual(SubcommandSuggestion.distance("analyse", "analyze"), 1)
        XCTAssertEqual(SubcommandSuggestion.distance("", "fetch"), 5)
        XCTAssertEqual(SubcommandSuggestion.distance("fetch", "fetch"), 0)
    }
}
