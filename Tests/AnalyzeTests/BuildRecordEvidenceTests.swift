import Analyze
import Fetch
import Foundation
import Parse
import XCTest

/// Builds fetched from AWS: CodeBuild's own phase records (`BatchGetBuilds` contexts) go through the catalog
/// like log lines, so a build that died in PROVISIONING or DOWNLOAD_SOURCE, or timed out, gets its category.
final class BuildRecordEvidenceTests: XCTestCase {
    private func recorded(_ name: String) throws -> CodeBuildBuild {
        let url = repositoryRoot.appendingPathComponent("Fixtures/codebuild-api/\(name).json")
        let response = try JSONDecoder().decode(BatchGetBuildsResponse.self, from: Data(contentsOf: url))
        return try XCTUnwrap(response.builds?.first)
    }

    private let catalog = Result { try CompiledCatalog(rules: BuiltinCatalog.rules) }

    /// A build that wrote no log: every phase comes from the record.
    private func diagnoseWithoutLog(_ name: String) throws -> Diagnosis {
        var model = BuildModel(totalLines: 0)
        APIBuildMerge.merge(try recorded(name), into: &model)
        let analyzer = Analyzer(catalog: try catalog.get())
        let source = SourceInfo(name: name, outcome: ReadOutcome(shape: .cloudwatchLogsAPI, completeness: .complete,
                                                                 bytesRead: 0, linesRead: 0))
        return analyzer.finish(build: model, source: source)
    }

    private func assertRecordEvidence(_ finding: Finding?, phase: String, contains text: String,
                                      file: StaticString = #filePath, line: UInt = #line) throws {
        let evidence = try XCTUnwrap(finding?.evidence.first, file: file, line: line)
        XCTAssertEqual(evidence.origin, .codebuildAPI, file: file, line: line)
        XCTAssertEqual(evidence.line.number, 0, file: file, line: line)
        XCTAssertEqual(evidence.phase, phase, file: file, line: line)
        XCTAssertTrue(evidence.line.text.contains(text), evidence.line.text, file: file, line: line)
        XCTAssertEqual(evidence.before, [], file: file, line: line)
        XCTAssertEqual(evidence.after, [], file: file, line: line)
        XCTAssertEqual(evidence.placeLabel, "CodeBuild \(phase):", file: file, line: line)
    }

    func testAnImagePullRefusedInProvisioningIsAnAccessDenial() throws {
        let diagnosis = try diagnoseWithoutLog("provisioning-image-pull-failed")
        XCTAssertEqual(diagnosis.rootCause?.ruleId, "build-image-pull-access-denied")
        XCTAssertEqual(diagnosis.rootCause?.category, .iamAccessDenied)
        XCTAssertEqual(diagnosis.rootCause?.captures["image"], "123456789012.dkr.ecr.us-east-1.amazonaws.com/build-images/node20")
        // In the failing phase's record: ranked like evidence in the failing command.
        XCTAssertGreaterThanOrEqual(diagnosis.rootCause?.confidence ?? 0, 0.9)
        try assertRecordEvidence(diagnosis.rootCause, phase: "PROVISIONING",
                                 contains: "BUILD_CONTAINER_UNABLE_TO_PULL_IMAGE Message: Unable to pull")
    }

    func testASourceAuthenticationFailureIsASourceDownloadFailure() throws {
        let diagnosis = try diagnoseWithoutLog("download-source-failed")
        XCTAssertEqual(diagnosis.rootCause?.ruleId, "primary-source-download-failed")
        XCTAssertEqual(diagnosis.rootCause?.category, .sourceDownloadFailed)
        XCTAssertEqual(diagnosis.rootCause?.captures["reason"], "authentication required")
        XCTAssertEqual(diagnosis.rootCause?.captures["version"], "refs/heads/feature/login")
        try assertRecordEvidence(diagnosis.rootCause, phase: "DOWNLOAD_SOURCE", contains: "authentication required")
    }

    /// No recorded response has it; the model is what the merge makes of a PROVISIONING context.
    func testAVPCPermissionFailureInProvisioningIsAnIAMDenial() throws {
        let phases = [Phase(name: "SUBMITTED", status: .succeeded), Phase(name: "QUEUED", status: .succeeded),
                      Phase(name: "PROVISIONING", status: .clientError, contextCode: "VPC_CLIENT_ERROR",
                            contextMessage: "Unexpected EC2 error: UnauthorizedOperation")]
        let model = BuildModel(phases: phases, status: .failed, firstFailingPhase: 2, totalLines: 0)
        let analyzer = Analyzer(catalog: try catalog.get())
        let source = SourceInfo(name: "vpc", outcome: ReadOutcome(shape: .cloudwatchLogsAPI, completeness: .complete,
                                                                  bytesRead: 0, linesRead: 0))
        let diagnosis = analyzer.finish(build: model, source: source)
        XCTAssertEqual(diagnosis.rootCause?.ruleId, "vpc-provisioning-unauthorized")
        XCTAssertEqual(diagnosis.rootCause?.category, .iamAccessDenied)
        try assertRecordEvidence(diagnosis.rootCause, phase: "PROVISIONING", contains: "UnauthorizedOperation")
    }

    /// The log just stops in BUILD; only the record says the build timed out.
    func testATimedOutBuildWhoseLogJustStopsIsATimeout() throws {
        let script = ScriptedBuild()
        script.phase("INSTALL")
        script.command("npm ci")
        script.phase("BUILD")
        script.command("npm run e2e", exit: nil)
        script.output("Waiting for http://localhost:3000 ...")
        script.finish(status: .unknown)
        var model = script.model
        model.endsAbruptly = true
        APIBuildMerge.merge(try recorded("timed-out-build"), into: &model)
        let analyzer = Analyzer(catalog: try catalog.get())
        script.feed(analyzer)
        let source = SourceInfo(name: "timed-out", outcome: ReadOutcome(shape: .raw, completeness: .complete,
                                                                        bytesRead: 0, linesRead: script.lines.count))
        let diagnosis = analyzer.finish(build: model, source: source)
        XCTAssertEqual(diagnosis.rootCause?.category, .buildTimeout)
        try assertRecordEvidence(diagnosis.rootCause, phase: "BUILD", contains: "BUILD_TIMED_OUT")
    }

    /// A context the log printed itself is evidence from the log only, never counted twice.
    func testAContextTheLogPrintedIsNotScannedAgain() throws {
        let script = ScriptedBuild()
        script.phase("DOWNLOAD_SOURCE", status: .failed)
        script.agent("Phase context status code: CLIENT_ERROR Message: authentication required for primary source "
            + "and source version refs/heads/feature/login")
        script.finish(status: .failed)
        var model = script.model
        model.phases[0].contextCode = "CLIENT_ERROR"
        model.phases[0].contextMessage = "authentication required for primary source and source version refs/heads/feature/login"
        let renumbering = APIBuildMerge.merge(try recorded("download-source-failed"), into: &model)
        let (diagnosis, _) = try scriptWithModel(script, model, renumbering: renumbering)
        XCTAssertEqual(diagnosis.rootCause?.ruleId, "primary-source-download-failed")
        XCTAssertEqual(diagnosis.rootCause?.occurrences, 1)
        XCTAssertEqual(diagnosis.rootCause?.evidence.first?.origin, .log)
    }

    func testFinishingTwiceDoesNotCountTheRecordTwice() throws {
        var model = BuildModel(totalLines: 0)
        APIBuildMerge.merge(try recorded("provisioning-image-pull-failed"), into: &model)
        let analyzer = Analyzer(catalog: try catalog.get())
        let source = SourceInfo(name: "twice", outcome: ReadOutcome(shape: .cloudwatchLogsAPI, completeness: .complete,
                                                                    bytesRead: 0, linesRead: 0))
        _ = analyzer.finish(build: model, source: source)
        let second = analyzer.finish(build: model, source: source)
        XCTAssertEqual(second.rootCause?.ruleId, "build-image-pull-access-denied")
        XCTAssertEqual(second.rootCause?.occurrences, 1)
    }

    private func scriptWithModel(_ script: ScriptedBuild, _ model: BuildModel,
                                 renumbering: PhaseRenumbering? = nil) throws -> (Diagnosis, Analyzer) {
        let analyzer = Analyzer(catalog: try catalog.get())
        script.feed(analyzer)
        if let renumbering { analyzer.phasesRenumbered(renumbering) }
        let source = SourceInfo(name: "scripted", outcome: ReadOutcome(shape: .raw, completeness: .complete,
                                                                       bytesRead: 0, linesRead: script.lines.count))
        return (analyzer.finish(build: model, source: source), analyzer)
    }
}
