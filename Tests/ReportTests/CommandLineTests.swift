import ArgumentParser
@testable import report
import XCTest

/// Relations between flags are checked before anything runs; help text is snapshot at a fixed width.
final class CommandLineTests: XCTestCase {
    private func usageError(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) -> String? {
        do {
            _ = try CBTriage.parseAsRoot(arguments)
            XCTFail("expected a usage error for \(arguments)", file: file, line: line)
            return nil
        } catch {
            XCTAssertEqual(CBTriage.exitCode(for: error), .validationFailure, file: file, line: line)
            XCTAssertEqual(CBTriage.exitCode(for: error).rawValue, ExitStatus.usage.rawValue, file: file, line: line)
            return CBTriage.message(for: error)
        }
    }

    func testDefaultSubcommandIsAnalyze() throws {
        let command = try CBTriage.parseAsRoot(["build.log", "--format", "json"])
        let analyze = try XCTUnwrap(command as? AnalyzeCommand)
        XCTAssertEqual(analyze.input.paths, ["build.log"])
        XCTAssertEqual(analyze.output.format, .json)
    }

    func testInvalidCombinations() {
        XCTAssertNotNil(usageError(["analyze"]))
        XCTAssertNotNil(usageError(["analyze", "a.log", "--quiet", "--format", "json"]))
        XCTAssertNotNil(usageError(["analyze", "a.log", "--fail-on", "error", "--fail-on-any"]))
        XCTAssertNotNil(usageError(["analyze", "-", "-"]))
        XCTAssertNotNil(usageError(["analyze", "a.log", "--format", "yaml"]))
        XCTAssertNotNil(usageError(["analyze", "a.log", "--context", "-1"]))
        XCTAssertNotNil(usageError(["summary"]))
    }

    func testWebhookURLIsNeverEchoed() {
        let secret = "ftp://hooks.example.com/T0/B0/sekr1t"
        let message = usageError(["analyze", "a.log", "--post", secret]) ?? ""
        XCTAssertFalse(message.contains("sekr1t"), message)
        XCTAssertNotNil(usageError(["analyze", "a.log", "--post", "https://a.example/x", "--post-env", "HOOK"]))
    }

    func testPostEnvReadsTheVariable() throws {
        let command = try XCTUnwrap(try CBTriage.parseAsRoot(["a.log", "--post-env", "HOOK"]) as? AnalyzeCommand)
        XCTAssertEqual(try command.output.webhookURL(environment: ["HOOK": "https://h.example/1"]), "https://h.example/1")
        XCTAssertThrowsError(try command.output.webhookURL(environment: [:]))
        XCTAssertThrowsError(try command.output.webhookURL(environment: ["HOOK": "not a url"])) { error in
            XCTAssertFalse(CBTriage.message(for: error).contains("not a url"))
        }
    }

    func testFailOnGate() throws {
        let command = try XCTUnwrap(try CBTriage.parseAsRoot(["a.log", "--fail-on", "critical"]) as? AnalyzeCommand)
        XCTAssertTrue(command.output.gateMatches([SampleDiagnoses.leakedKey]))
        XCTAssertFalse(command.output.gateMatches([SampleDiagnoses.ecrExpired]))
        let any = try XCTUnwrap(try CBTriage.parseAsRoot(["a.log", "--fail-on-any"]) as? AnalyzeCommand)
        XCTAssertTrue(any.output.gateMatches([SampleDiagnoses.ecrExpired]))
        XCTAssertFalse(any.output.gateMatches([]))
    }

    func testHelpSnapshots() {
        GoldenFile.assertMatches(CBTriage.helpMessage(columns: 100), "help/cbtriage.txt")
        GoldenFile.assertMatches(CBTriage.helpMessage(for: AnalyzeCommand.self, columns: 100), "help/analyze.txt")
        GoldenFile.assertMatches(CBTriage.helpMessage(for: SummaryCommand.self, columns: 100), "help/summary.txt")
        GoldenFile.assertMatches(CBTriage.helpMessage(for: RulesCommand.self, columns: 100), "help/rules.txt")
    }
}
