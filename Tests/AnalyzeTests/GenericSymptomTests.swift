import Analyze
import Parse
import XCTest

/// Generic symptoms say that something failed, not why: their categories must not claim more, and when
/// only they fired the root cause is the engine's own unclassified finding.
final class GenericSymptomTests: XCTestCase {
    /// "A command failed" symptoms; the others keep the category their symptom implies.
    private let commandFailedSymptoms: Set<String> = [
        "command-exited-non-zero", "command-execution-error-context", "make-target-failed", "npm-script-failed",
        "gradle-build-failed", "maven-build-failure", "docker-build-step-failed",
    ]

    func testGenericRulesClaimNoCategoryTheirSymptomDoesNotProve() {
        let generic = BuiltinCatalog.rules.filter(\.isGenericSymptom)
        XCTAssertEqual(generic.count, 12)
        for rule in generic where commandFailedSymptoms.contains(rule.id) {
            XCTAssertEqual(rule.category, .unclassified, rule.id)
        }
        let kept = Dictionary(uniqueKeysWithValues: generic.filter { !commandFailedSymptoms.contains($0.id) }.map { ($0.id, $0.category) })
        XCTAssertEqual(kept, ["maven-compilation-failure": .compileError, "npm-test-script-failed": .testFailure,
                              "test-runner-command-failed": .testFailure,
                              "exit-status-127-not-found": .commandNotFound, "docker-login-empty-password": .ecrAuthExpired])
    }

    /// A failing `make` with no recognisable cause: the make banner and the agent's context line fire, both
    /// generic; the root cause is the failing command with its error lines, and nothing says compile-error.
    func testOnlyGenericSymptomsGiveTheEnginesUnclassifiedCause() throws {
        let script = ScriptedBuild()
        script.phase("BUILD", status: .failed)
        script.command("make release", exit: 2)
        script.output("error: release notes are missing for 2.4.0", "make: *** [Makefile:23: release] Error 1")
        script.agent("Command did not exit successfully make release exit status 2")
        script.agent("Phase complete: BUILD State: FAILED")
        script.agent("Phase context status code: COMMAND_EXECUTION_ERROR Message: Error while executing command: "
            + "make release. Reason: exit status 2")
        script.finish(status: .failed)
        let (diagnosis, _) = script.diagnose(try CompiledCatalog(rules: BuiltinCatalog.rules))

        let root = try XCTUnwrap(diagnosis.rootCause)
        XCTAssertEqual(root.ruleId, "unclassified")
        XCTAssertEqual(root.evidence.first?.command, "make release")
        XCTAssertTrue(root.evidence.contains { $0.line.text.contains("release notes are missing") })
        let fired = Set(diagnosis.findings.map(\.ruleId))
        XCTAssertTrue(fired.isSuperset(of: ["make-target-failed", "command-execution-error-context"]), "\(fired)")
        XCTAssertFalse(diagnosis.findings.contains { $0.category == .compileError }, "\(diagnosis.findings.map(\.ruleId))")
    }
}
