import Foundation
import Analyze
import Parse
import XCTest

final class RankingTests: XCTestCase {
    private let rules = [
        testRule("test-failure", literals: ["FAIL "], category: .testFailure),
        testRule("network", literals: ["ETIMEDOUT"], category: .networkTimeout, severity: .warning),
        testRule("exit-status", literals: ["exit status"], category: .testFailure, generic: true),
        testRule("oom", literals: ["Killed"], category: .outOfMemory, severity: .critical),
    ]

    private func catalog() throws -> CompiledCatalog { try CompiledCatalog(rules: rules) }

    func testFailingCommandOutputBeatsEarlierLines() throws {
        let build = ScriptedBuild()
        build.phase("INSTALL")
        build.command("npm ci")
        build.output("npm WARN network ETIMEDOUT fetching registry, retrying")
        build.phase("BUILD", status: .failed)
        build.command("npm test", exit: 1)
        build.output("FAIL src/app.test.js", "exit status 1")
        build.finish(status: .failed)
        let (diagnosis, _) = build.diagnose(try catalog())
        XCTAssertEqual(diagnosis.rootCause?.ruleId, "test-failure")
        // The timeout sits in a command that succeeded anyway: below even the generic symptom.
        XCTAssertEqual(diagnosis.findings.map(\.ruleId), ["test-failure", "exit-status", "network"])
        XCTAssertGreaterThan(diagnosis.findings[0].confidence, diagnosis.findings[1].confidence)
        XCTAssertTrue(diagnosis.findings.allSatisfy { (0...1).contains($0.confidence) })
        XCTAssertEqual(diagnosis.findings.map(\.confidence), diagnosis.findings.map(\.confidence).sorted(by: >))
    }

    func testGenericSymptomNeverOutranksASpecificCauseEvenWhenCloser() throws {
        let build = ScriptedBuild()
        build.phase("BUILD", status: .failed)
        build.output("FAIL com.example.AppTest")
        build.command("make deploy", exit: 2)
        build.output("exit status 2")
        build.finish(status: .failed)
        let (diagnosis, _) = build.diagnose(try catalog())
        XCTAssertEqual(diagnosis.rootCause?.ruleId, "test-failure")
        XCTAssertEqual(diagnosis.findings.last?.ruleId, "exit-status")
    }

    func testErrorOvercomeByALaterSuccessfulRetryIsNotTheRootCause() throws {
        let build = ScriptedBuild()
        build.phase("INSTALL")
        build.command("npm ci", exit: 1)
        build.output("npm ERR! ETIMEDOUT")
        build.command("npm ci")
        build.output("added 100 packages")
        build.phase("BUILD", status: .failed)
        build.command("./run.sh", exit: 137)
        build.output("Killed")
        build.finish(status: .failed)
        let (diagnosis, _) = build.diagnose(try catalog())
        XCTAssertEqual(diagnosis.rootCause?.ruleId, "oom")
        XCTAssertEqual(diagnosis.findings.map(\.ruleId), ["oom", "network"])
    }

    func testOnlyOvercomeErrorsGiveUnclassifiedWithFailingCommandAndErrorLines() throws {
        let build = ScriptedBuild()
        build.phase("INSTALL")
        build.command("pip install -r requirements.txt")
        build.output("WARNING: Retrying after ETIMEDOUT", "Successfully installed flask")
        build.phase("BUILD", status: .failed)
        build.command("python manage.py migrate", exit: 1)
        for index in 0..<10 { build.output("  step \(index)", "RuntimeError: cannot migrate table \(index)") }
        build.output("Traceback finished")
        build.finish(status: .failed)
        let (diagnosis, _) = build.diagnose(try catalog())
        let root = try XCTUnwrap(diagnosis.rootCause)
        XCTAssertEqual(root.ruleId, "unclassified")
        XCTAssertEqual(root.category, .unclassified)
        XCTAssertEqual(root.evidence.first?.line.text, ScriptedBuild.agentPrefix + "Running command python manage.py migrate")
        // The newest five error-looking lines of the failing command's output, oldest first.
        XCTAssertEqual(root.evidence.dropFirst().map(\.line.text),
                       (6...9).map { "RuntimeError: cannot migrate table \($0)" } + ["Traceback finished"])
        XCTAssertEqual(root.evidence.count, 6)
        XCTAssertEqual(root.evidence.last?.line.text, "Traceback finished")
        XCTAssertTrue(root.explanation.contains("python manage.py migrate"))
        XCTAssertEqual(diagnosis.findings.first?.ruleId, "unclassified")
        XCTAssertEqual(diagnosis.findings.dropFirst().map(\.ruleId), ["network"])
    }

    func testSucceededBuildHasNoRootCauseButKeepsALeak() throws {
        let build = ScriptedBuild()
        build.phase("PRE_BUILD")
        build.command("docker login -u deploy -p hunter2-secret registry.example.com")
        build.output("Login Succeeded", "npm WARN ETIMEDOUT once")
        build.finish(status: .succeeded)
        let (diagnosis, _) = build.diagnose(try catalog())
        XCTAssertNil(diagnosis.rootCause)
        XCTAssertEqual(diagnosis.findings.first?.ruleId, "docker-login-password-in-log")
        XCTAssertEqual(diagnosis.findings.first?.category, .credentialLeak)
        XCTAssertFalse(try String(decoding: JSONEncoder().encode(diagnosis), as: UTF8.self).contains("hunter2"))
    }

    func testLeakIsNeverTheRootCauseOfAFailedBuild() throws {
        let build = ScriptedBuild()
        build.phase("PRE_BUILD", status: .failed)
        build.command("docker login -u deploy -p hunter2-secret registry.example.com", exit: 1)
        build.output("Error response from daemon: Get https://registry.example.com/v2/: unauthorized")
        build.finish(status: .failed)
        let (diagnosis, _) = build.diagnose(try catalog())
        XCTAssertEqual(diagnosis.rootCause?.ruleId, "unclassified")
        XCTAssertEqual(diagnosis.findings.map(\.ruleId), ["unclassified", "docker-login-password-in-log"])
    }
}
