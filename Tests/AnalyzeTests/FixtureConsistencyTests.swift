import Fetch
import Foundation
import XCTest

/// Checks each expectation against its own log's text, without the parser or the engine: the evidence
/// text is in the log, `failedCommand` is in the first `Command did not exit successfully` line and
/// `failedPhase` is the first failing `Phase complete` line. A fixture failing here is wrong itself; a
/// fixture passing here but failing `FixtureDiagnosisTests` points at the parser, engine or catalog.
/// (`Fixtures/tools/check.py` runs the same checks outside Swift.)
final class FixtureConsistencyTests: XCTestCase {
    func testExpectationsAgreeWithTheirOwnLogs() throws {
        var pairs = try FixtureFiles.expectations(in: FixtureFiles.logs).map { ($0, FixtureFiles.log(for: $0)) }
        let formsExpectation = FixtureFiles.forms.appendingPathComponent("ecr-auth-expired.expected.json")
        pairs += try FixtureFiles.logFiles(in: FixtureFiles.forms).map { (formsExpectation, Optional($0)) }
        XCTAssertGreaterThanOrEqual(pairs.count, FixtureDiagnosisTests.minimumFixtureCount)

        for (expectationURL, logURL) in pairs {
            let label = logURL?.lastPathComponent ?? expectationURL.lastPathComponent
            guard let logURL else {
                XCTFail("\(label): no log beside the expectation")
                continue
            }
            do {
                let expectation = try FixtureExpectation(contentsOf: expectationURL)
                let lines = try FixtureFiles.lines(of: logURL)
                for problem in Self.problems(expectation, lines) {
                    XCTFail("\(label): \(problem)")
                }
            } catch {
                XCTFail("\(label): \((error as? UserFacingError)?.userMessage ?? String(describing: error))")
            }
        }
    }

    private static func problems(_ expectation: FixtureExpectation, _ lines: [String]) -> [String] {
        var problems: [String] = []
        let text = lines.joined(separator: "\n")
        if case .value(let evidence) = expectation.evidenceContains, !text.contains(evidence) {
            problems.append("evidence '\(evidence)' is not in the log")
        }

        // The first failing command's text runs to " exit status N" (several lines for a block scalar).
        let failingCommand = text.range(of: "Command did not exit successfully ").map { marker in
            String(text[marker.upperBound...]).components(separatedBy: " exit status ")[0]
        }
        switch expectation.failedCommand {
        case .value(let command) where !(failingCommand ?? "").contains(command):
            problems.append("'\(command)' is not in the first failing command '\(failingCommand ?? "none")'")
        case .absent where failingCommand != nil:
            problems.append("failedCommand is null but '\(failingCommand ?? "")' failed")
        default:
            break
        }

        let failingPhaseLine = lines.first { line in
            line.contains("Phase complete: ")
                && (line.contains("State: FAILED") || line.contains("State: TIMED_OUT") || line.contains("Success: false"))
        }
        let failingPhase = failingPhaseLine.flatMap { line in
            line.components(separatedBy: "Phase complete: ").last?.split(separator: " ").first.map(String.init)
        }
        switch expectation.failedPhase {
        case .value(let phase) where failingPhase != phase:
            problems.append("first failing phase is \(failingPhase ?? "none"), not \(phase)")
        case .absent where failingPhase != nil:
            problems.append("failedPhase is null but \(failingPhase ?? "") failed")
        default:
            break
        }
        return problems
    }
}
