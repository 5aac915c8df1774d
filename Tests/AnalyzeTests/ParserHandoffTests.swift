import Analyze
import Fetch
import Foundation
import Parse
import XCTest

/// What the analyzer takes from the parser instead of finding it again: the commands it announced (their
/// texts scope rules and label evidence), the phase contexts the log printed (a record's context is scanned
/// only for a phase whose log did not print one), and how `APIBuildMerge` moved the phases.
final class ParserHandoffTests: XCTestCase {
    private let catalog = Result { try CompiledCatalog(rules: BuiltinCatalog.rules) }

    private func recordedBuild(_ name: String) throws -> CodeBuildBuild {
        let url = FixtureFiles.root.appendingPathComponent("codebuild-api/\(name).json")
        let response = try JSONDecoder().decode(BatchGetBuildsResponse.self, from: Data(contentsOf: url))
        return try XCTUnwrap(response.builds?.first)
    }

    private func diagnoseText(_ log: String, mergingRecord record: String? = nil) throws -> Diagnosis {
        let source = InMemoryLogSource(bytes: Array(log.utf8), displayName: "handoff.log")
        guard let record else { return try diagnose(source, catalog: catalog.get()) }
        let build = try recordedBuild(record)
        return try diagnose(source, catalog: catalog.get()) { APIBuildMerge.merge(build, into: &$0) }
    }

    private let pushLog = """
        [Container] 2024/03/06 10:00:00.000000 Entering phase BUILD
        [Container] 2024/03/06 10:00:01.000000 Running command docker build -t app .
        Successfully built 0123456789ab
        [Container] 2024/03/06 10:00:02.000000 Phase complete: BUILD State: SUCCEEDED
        [Container] 2024/03/06 10:00:03.000000 Entering phase POST_BUILD
        [Container] 2024/03/06 10:00:04.000000 Running command docker push $REPOSITORY_URI:$IMAGE_TAG
        The push refers to repository [123456789012.dkr.ecr.us-east-1.amazonaws.com/app]
        denied: Your authorization token has expired. Reauthenticate and try again.
        [Container] 2024/03/06 10:00:05.000000 Command did not exit successfully docker push $REPOSITORY_URI:$IMAGE_TAG exit status 1
        [Container] 2024/03/06 10:00:05.000000 Phase complete: POST_BUILD State: FAILED

        """
    private let contextLine = "[Container] 2024/03/06 10:00:05.000000 Phase context status code: COMMAND_EXECUTION_ERROR "
        + "Message: Error while executing command: docker push $REPOSITORY_URI:$IMAGE_TAG. Reason: exit status 1\n"

    /// After the merge put SUBMITTED, QUEUED and PROVISIONING (and the phases the log lacks) in front, every
    /// finding keeps its evidence, phase and command: the analyzer moved its indices as the merge says.
    func testEvidenceKeepsItsCommandAndPhaseThroughTheMerge() throws {
        let plain = try diagnoseText(pushLog + contextLine)
        let merged = try diagnoseText(pushLog + contextLine, mergingRecord: "post-build-docker-push-failed")
        XCTAssertEqual(merged.build.phases.first?.name, "SUBMITTED")
        XCTAssertEqual(plain.rootCause?.ruleId, "ecr-auth-token-expired")
        XCTAssertEqual(merged.findings.map(\.ruleId), plain.findings.map(\.ruleId))
        XCTAssertEqual(merged.findings.map(\.evidence), plain.findings.map(\.evidence))
        XCTAssertEqual(merged.rootCause?.evidence.first?.command, "docker push $REPOSITORY_URI:$IMAGE_TAG")
        XCTAssertEqual(merged.rootCause?.evidence.first?.phase, "POST_BUILD")
    }

    /// The log printed POST_BUILD's context: the record's copy of it is not a second occurrence.
    func testAContextTheLogPrintedIsNotReadAgainFromTheRecord() throws {
        let merged = try diagnoseText(pushLog + contextLine, mergingRecord: "post-build-docker-push-failed")
        let context = try XCTUnwrap(merged.findings.first { $0.ruleId == "command-execution-error-context" })
        XCTAssertEqual(context.occurrences, 1)
        XCTAssertEqual(context.evidence.map(\.origin), [.log])
    }

    /// The excerpt stops before the context line: the record's context is read as the line the agent prints.
    func testAContextOnlyTheRecordHoldsIsReadAsTheAgentsLine() throws {
        let plain = try diagnoseText(pushLog)
        XCTAssertNil(plain.findings.first { $0.ruleId == "command-execution-error-context" })
        let merged = try diagnoseText(pushLog, mergingRecord: "post-build-docker-push-failed")
        let context = try XCTUnwrap(merged.findings.first { $0.ruleId == "command-execution-error-context" })
        XCTAssertEqual(context.occurrences, 1)
        XCTAssertEqual(context.evidence.map(\.origin), [.codebuildAPI])
        XCTAssertEqual(context.evidence.first?.phase, "POST_BUILD")
        XCTAssertEqual(context.evidence.first?.line.text,
                       "Phase context status code: COMMAND_EXECUTION_ERROR Message: Error while executing command: "
                           + "docker push $REPOSITORY_URI:$IMAGE_TAG. Reason: exit status 1")
        XCTAssertEqual(merged.rootCause?.ruleId, plain.rootCause?.ruleId)
    }
}
