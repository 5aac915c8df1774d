@testable import report
import XCTest

final class ExitStatusTests: XCTestCase {
    func testTheDocumentedNumbers() {
        XCTAssertEqual(ExitStatus.allCases.map(\.rawValue).sorted(), [0, 1, 2, 64, 66, 69, 70, 77])
    }

    func testStrongestWins() {
        XCTAssertEqual(ExitStatus.strongest([]), .ok)
        XCTAssertEqual(ExitStatus.strongest([.partialInput, .ok]), .partialInput)
        XCTAssertEqual(ExitStatus.strongest([.partialInput, .failOnMatched]), .failOnMatched)
        XCTAssertEqual(ExitStatus.strongest([.failOnMatched, .unreadableInput, .partialInput]), .unreadableInput)
        XCTAssertEqual(ExitStatus.strongest([.serviceUnavailable, .permissionDenied]), .permissionDenied)
    }

    func testInputErrorsMapToTheirStatus() {
        XCTAssertEqual(ErrorClassifier.status(for: InputError.notFound(path: "x")), .unreadableInput)
        XCTAssertEqual(ErrorClassifier.status(for: InputError.emptyDirectory(path: "d")), .unreadableInput)
        XCTAssertEqual(ErrorClassifier.status(for: InputError.unknownRule(id: "nope")), .usage)
        XCTAssertEqual(ErrorClassifier.status(for: CommandFailure(status: .partialInput)), .partialInput)
        struct Unknown: Error {}
        XCTAssertEqual(ErrorClassifier.status(for: Unknown()), .internalError)
    }

    func testHelpTextListsEveryStatus() {
        for status in ExitStatus.allCases {
            XCTAssertTrue(ExitStatus.helpText.contains("  \(status.rawValue) "), "help text lacks \(status.rawValue)")
        }
    }

    func testDocumentationListsEveryStatus() throws {
        let url = GoldenFile.directory.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("docs/exit-codes.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        for status in ExitStatus.allCases {
            XCTAssertTrue(text.contains("| \(status.rawValue) |"), "docs/exit-codes.md lacks \(status.rawValue)")
        }
    }
}
