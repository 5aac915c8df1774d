@testable import Analyze
import Foundation
import XCTest

/// The analyzer scores error-looking lines with Vectorscan (`ErrorLineScorer`); the score must be the one the
/// automaton gives (`InformativeErrorLines.score`), on every fixture and real-log line and on made-up ones.
final class ErrorLineScorerTests: XCTestCase {
    func testVectorscanScoresEqualTheAutomatonsOnEveryFixtureLine() throws {
        // From the first line on (an analyzer's scorer starts with the automaton for a few thousand lines).
        let scorer = ErrorLineScorer(linesBeforeVectorscan: 0)
        var lines: [String] = [
            "", "e", "error:", "npm ERR! code 1", "npm ERR! npm ERR! code E404", "✓ 12 passed", "Error: Error: x",
            String(repeating: "failed ", count: 80), "exit status 1 exit code 2 make: *** [all] Error 2",
            "Traceback (most recent call last):", "0 errors, 0 failed, Failures: 0", "warning: denied (|| true)",
        ]
        let root = FixtureFiles.root
        for folder in ["logs", "real"] {
            let directory = root.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
            where name.hasSuffix(".log") {
                lines += try FixtureFiles.lines(of: directory.appendingPathComponent(name))
            }
        }
        var scored = 0
        for line in lines {
            var bytes = Array(line.utf8)
            let expected = InformativeErrorLines.score(line)
            let found = bytes.withUnsafeMutableBufferPointer { scorer.score(bytes: UnsafeBufferPointer($0)) }
            XCTAssertEqual(found, expected, line)
            if expected > 0 { scored += 1 }
        }
        XCTAssertGreaterThan(lines.count, 5_000)
        XCTAssertGreaterThan(scored, 300)
        // The comparison was of two engines, not of the automaton with itself.
        XCTAssertTrue(scorer.usesVectorscan)
    }
}
