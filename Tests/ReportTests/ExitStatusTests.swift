import Analyze
import Fetch
@testable import report
import XCTest

final class ExitStatusTests: XCTestCase {
    func testTheDocumentedNumbers() {
        XCTAssertEqual(ExitStatus.allCases.map(\.rawValue).sorted(), [0, 1, 2, 64, 66, 69, 70, 74, 77])
    }

    func testStrongestWins() {
        XCTAssertEqual(ExitStatus.strongest([]), .ok)
        XCTAssertEqual(ExitStatus.strongest([.partialInput, .ok]), .partialInput)
        XCTAssertEqual(ExitStatus.strongest([.partialInput, .failOnMatched]), .failOnMatched)
        XCTAssertEqual(ExitStatus.strongest([.failOnMatched, .unreadableInput, .partialInput]), .unreadableInput)
        XCTAssertEqual(ExitStatus.strongest([.serviceUnavailable, .permissionDenied]), .permissionDenied)
    }

    func testEachModulesErrorsMapToTheirStatus() {
        XCTAssertEqual(ErrorClassifier.status(for: LocalInputError.notFound(path: "x")), .unreadableInput)
        XCTAssertEqual(ErrorClassifier.status(for: LocalInputError.directoryHasNoLogs(path: "d")), .unreadableInput)
        XCTAssertEqual(ErrorClassifier.status(for: InputError.unknownRule(id: "nope")), .usage)
        XCTAssertEqual(ErrorClassifier.status(for: RuleFileError(file: "r.yaml", line: 3, column: 1, problem: "bad")), .usage)
        XCTAssertEqual(ErrorClassifier.status(for: RuleFileError.unreadable(file: "r.yaml", reason: "no such file")),
                       .unreadableInput)
        // Decided by the kind, not by the wording of the problem.
        XCTAssertEqual(ErrorClassifier.status(for: RuleFileError(file: "r.yaml", problem: "cannot read the rule file")),
                       .usage)
        XCTAssertEqual(ErrorClassifier.status(for: CatalogError.duplicateId("a")), .usage)
        XCTAssertEqual(ErrorClassifier.status(for: HTTPError.connectFailed(host: "h", port: 443)), .serviceUnavailable)
        XCTAssertEqual(ErrorClassifier.status(for: WebhookError.rejected(status: 404, detail: nil)), .serviceUnavailable)
        XCTAssertEqual(ErrorClassifier.status(for: CredentialsError.noCredentials(tried: ["environment"])), .permissionDenied)
        XCTAssertEqual(ErrorClassifier.status(for: ConfigError.profileNotFound(profile: "p", searched: [])), .usage)
        let denied = AWSError(code: "AccessDeniedException", message: "no", status: 400, service: .cloudWatchLogs,
                              operation: "GetLogEvents", region: "us-east-1")
        XCTAssertEqual(ErrorClassifier.status(for: denied), .permissionDenied)
        var throttled = denied
        throttled.code = "ThrottlingException"
        XCTAssertEqual(ErrorClassifier.status(for: throttled), .serviceUnavailable)
        XCTAssertEqual(ErrorClassifier.status(for: CodeBuildError.unknownBuild(id: "p:1")), .unreadableInput)
        XCTAssertEqual(ErrorClassifier.status(for: CodeBuildError.invalidBuildIdentifier("x")), .usage)
        // A 2xx answer that is not the documented JSON is the service's fault (69), not a bug of ours (70).
        XCTAssertEqual(ErrorClassifier.status(for: AWSDamagedResponseError(service: .codeBuild, operation: "BatchGetBuilds",
                                                                      status: 200, reason: "an empty body", bytesReceived: 0,
                                                                      attempts: 3)), .serviceUnavailable)
        XCTAssertEqual(ErrorClassifier.status(for: AWSResponseDecodingError(service: .codeBuild, operation: "BatchGetBuilds",
                                                                            detail: "x")), .serviceUnavailable)
        XCTAssertEqual(ErrorClassifier.status(for: LogTimeBoundError(text: "9999999999999999d", outOfRange: true)), .usage)
        XCTAssertEqual(ErrorClassifier.status(for: OutputFileError.writeFailed(path: "f", reason: "No space left on device")),
                       .outputFailed)
        XCTAssertEqual(ErrorClassifier.status(for: CloudWatchLogsError.logGroupNotFound(group: "g")), .unreadableInput)
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
