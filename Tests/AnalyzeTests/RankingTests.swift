import Foundation
import Fetch
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
        // The five most informative error-looking lines of the failing command's output (ties to the earliest),
        // the most informative first, then the others in log order; "Traceback finished" says less than any.
        XCTAssertEqual(root.evidence.dropFirst().map(\.line.text),
                       (0...4).map { "RuntimeError: cannot migrate table \($0)" })
        XCTAssertEqual(root.evidence.count, 6)
        XCTAssertEqual(root.captures["line"], "RuntimeError: cannot migrate table 0")
        XCTAssertTrue(root.explanation.contains("The most informative error line is line"), root.explanation)
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

/// The unclassified fallback as a senior engineer would write it: the line that says what went wrong
/// over the wrappers that repeat that something failed; excerpts without phases still get a cause; a cause
/// comes before its consequence; a log cut mid-command says where it stopped.
final class FallbackAndConsequenceTests: XCTestCase {
    private func catalog() throws -> CompiledCatalog { try CompiledCatalog(rules: BuiltinCatalog.rules) }

    func testTheInformativeLineBeatsWrappersAndAdvice() throws {
        let build = ScriptedBuild()
        build.phase("BUILD", status: .failed)
        build.command("npm run deploy", exit: 1)
        build.output("Error: Stack [web-prod] is in UPDATE_ROLLBACK_FAILED state and can not be updated.",
                     "npm ERR! code 1", "npm ERR! path /codebuild/output/src1/src",
                     "npm ERR! A complete log of this run can be found in:", "make: *** [deploy] Error 1")
        build.finish(status: .failed)
        let root = try XCTUnwrap(build.diagnose(try catalog()).0.rootCause)
        XCTAssertEqual(root.ruleId, "unclassified")
        XCTAssertEqual(root.captures["line"], "Error: Stack [web-prod] is in UPDATE_ROLLBACK_FAILED state and can not be updated.")
        XCTAssertEqual(root.evidence.dropFirst().first?.line.text, root.captures["line"])
    }

    func testAnExcerptWithoutPhasesGetsARootCauseFromAClearErrorLine() throws {
        let build = ScriptedBuild()
        build.output("Deploying web-prod", "Error: Stack [web-prod] is in UPDATE_ROLLBACK_FAILED state and can not be updated.")
        let diagnosis = build.diagnose(try catalog()).0
        XCTAssertEqual(diagnosis.build.status, .unknown)
        XCTAssertEqual(diagnosis.rootCause?.ruleId, "unclassified")
        XCTAssertEqual(diagnosis.rootCause?.captures["line"],
                       "Error: Stack [web-prod] is in UPDATE_ROLLBACK_FAILED state and can not be updated.")
    }

    func testNothingThatLooksLikeAFailureGivesNoRootCause() throws {
        let build = ScriptedBuild()
        build.output("npm WARN deprecated request@2.88.2: request has been deprecated",
                     "  ✓ returns an error when the token is missing (4 ms)", "Tests: 0 failed, 12 passed")
        XCTAssertNil(build.diagnose(try catalog()).0.rootCause)
    }

    func testAPushWithNothingToPushYieldsToTheEarlierFailedBuild() throws {
        let build = ScriptedBuild()
        build.phase("BUILD", status: .failed)
        build.command("docker build -t $REPOSITORY_URI:latest .", exit: 1)
        build.output("Step 7/12 : RUN ./configure --with-ssl",
                     "configure: error: OpenSSL headers were not found on this system",
                     "The command '/bin/sh -c ./configure --with-ssl' returned a non-zero code: 1")
        build.phase("POST_BUILD", status: .failed)
        build.command("docker push $REPOSITORY_URI:latest", exit: 1)
        build.output("The push refers to repository [123456789012.dkr.ecr.us-east-1.amazonaws.com/web]",
                     "An image does not exist locally with the tag: 123456789012.dkr.ecr.us-east-1.amazonaws.com/web")
        build.finish(status: .failed)
        let diagnosis = build.diagnose(try catalog()).0
        let root = try XCTUnwrap(diagnosis.rootCause)
        XCTAssertEqual(root.ruleId, "unclassified")
        XCTAssertEqual(root.captures["line"], "configure: error: OpenSSL headers were not found on this system")
        XCTAssertTrue(root.explanation.contains("As a consequence"), root.explanation)
        let push = try XCTUnwrap(diagnosis.findings.first { $0.ruleId == "image-not-found-locally-for-push" })
        XCTAssertTrue(push.explanation.contains("consequence of the earlier failure"), push.explanation)
    }

    func testAConsequenceWithNoEarlierFailureStaysTheRootCause() throws {
        let build = ScriptedBuild()
        build.phase("POST_BUILD", status: .failed)
        build.command("docker push 123456789012.dkr.ecr.us-east-1.amazonaws.com/web:latest", exit: 1)
        build.output("An image does not exist locally with the tag: 123456789012.dkr.ecr.us-east-1.amazonaws.com/web")
        build.finish(status: .failed)
        XCTAssertEqual(build.diagnose(try catalog()).0.rootCause?.ruleId, "image-not-found-locally-for-push")
    }
}

/// Excerpt shapes through the real parser: a log cut mid-command, debris before agent lines, a lost `[`.
final class ExcerptShapeDiagnosisTests: XCTestCase {
    private func diagnoseText(_ text: String) throws -> Diagnosis {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("excerpt-\(UUID().uuidString).log")
        try text.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        return try diagnose(LocalLogSource(path: url.path), catalog: try CompiledCatalog(rules: BuiltinCatalog.rules))
    }

    func testALogThatStopsMidCommandSaysWhereAndWhatRanLast() throws {
        let diagnosis = try diagnoseText("""
            [Container] 2024/03/06 10:00:00.000000 Entering phase BUILD
            [Container] 2024/03/06 10:00:00.100000 Running command ./integration-tests.sh
            waiting for the database to accept connections
            error: connection to the database was refused, retrying

            """)
        XCTAssertTrue(diagnosis.build.endsAbruptly)
        let root = try XCTUnwrap(diagnosis.rootCause)
        XCTAssertEqual(root.ruleId, "unclassified")
        XCTAssertTrue(root.explanation.contains("The log stops while `./integration-tests.sh` was still running in phase BUILD"),
                      root.explanation)
    }

    func testIndentedQuotedAndBracketlessAgentLinesAreStillTheAgents() throws {
        let diagnosis = try diagnoseText("""
             [Container] 2022/09/21 02:03:05 Running command ./deploy.sh
            > Container] 2022/09/21 02:03:05 Command did not exit successfully ./deploy.sh exit status 3
             [Container] 2022/09/21 02:03:05 Phase complete: BUILD State: FAILED

            """)
        XCTAssertEqual(diagnosis.build.status, .failed)
        XCTAssertEqual(diagnosis.build.phases.first?.commands.first?.exitStatus, 3)
    }

    func testConsoleColumnsThatStartAfterASeparatorAreStripped() throws {
        let diagnosis = try diagnoseText("""
            Configuring tzdata
            --
            30 | build.sh: line 5: aws: command not found

            """)
        XCTAssertEqual(diagnosis.rootCause?.category, .commandNotFound)
    }

    func testAStoppedBuildIsNotAFailureAndHasNoRootCause() throws {
        let diagnosis = try diagnoseText("""
            [Container] 2024/03/06 10:00:00.000000 Entering phase BUILD
            [Container] 2024/03/06 10:00:00.100000 Running command npm test
            Error: connect ECONNREFUSED 127.0.0.1:5432
            [Container] 2024/03/06 10:05:00.000000 Phase complete: BUILD State: STOPPED

            """)
        XCTAssertEqual(diagnosis.build.status, .stopped)
        XCTAssertFalse(diagnosis.build.status.isFailure)
        XCTAssertNil(diagnosis.rootCause)
    }

    func testATimeoutNamesTheCommandThatWasStillRunning() throws {
        let diagnosis = try diagnoseText("""
            [Container] 2024/03/06 10:00:00.000000 Entering phase BUILD
            [Container] 2024/03/06 10:00:00.100000 Running command ./gradlew integrationTest
            PaymentsIT > refundsSettle() STARTED
            [Container] 2024/03/06 11:00:00.000000 Phase complete: BUILD State: TIMED_OUT
            [Container] 2024/03/06 11:00:00.000100 Phase context status code: BUILD_TIMED_OUT Message: Build has timed out.

            """)
        let root = try XCTUnwrap(diagnosis.rootCause)
        XCTAssertEqual(root.category, .buildTimeout)
        XCTAssertTrue(root.explanation.contains("`./gradlew integrationTest` (line 2, phase BUILD) was still running"), root.explanation)
    }

    func testAnExcerptWithoutAgentPrefixesStillHasItsPhases() throws {
        // Copied from the console's phase details: no `[Container] date` on any line.
        let diagnosis = try diagnoseText("""
             Command did not exit successfully ./deploy.sh --stage prod exit status 4
            --
            Phase complete: BUILD State: FAILED
             Phase context status code: COMMAND_EXECUTION_ERROR Message: Error while executing command: ./deploy.sh --stage prod. Reason: exit status 4
            Entering phase POST_BUILD

            """)
        XCTAssertEqual(diagnosis.build.status, .failed)
        XCTAssertEqual(diagnosis.build.phases.map(\.name), ["BUILD", "POST_BUILD"])
        XCTAssertEqual(diagnosis.rootCause?.ruleId, "unclassified")
    }

    func testBareAgentWordingAfterAPrefixedLineIsOutput() throws {
        // Once the agent's prefix was seen, an unprefixed "Phase complete:" is a command's output.
        let diagnosis = try diagnoseText("""
            [Container] 2024/03/06 10:00:00.000000 Entering phase BUILD
            [Container] 2024/03/06 10:00:00.100000 Running command ./report.sh
            Phase complete: BUILD State: FAILED
            [Container] 2024/03/06 10:00:01.000000 Phase complete: BUILD State: SUCCEEDED

            """)
        XCTAssertEqual(diagnosis.build.phases.map(\.name), ["BUILD"])
        XCTAssertEqual(diagnosis.build.phases.first?.status, .succeeded)
    }

    func testAnExcerptWhoseOnlyFailureLineIsTheAgentsGetsARootCause() throws {
        let diagnosis = try diagnoseText("""
            COMMAND_EXECUTION_ERROR: Error while executing command:
            sudo -Hu runner /home/runner/config.sh --unattended
            Reason: exit status 1

            """)
        let root = try XCTUnwrap(diagnosis.rootCause)
        XCTAssertEqual(root.category, .unclassified)
        XCTAssertTrue(root.explanation.contains("reports a failed command"), root.explanation)
    }

    func testATestRunnersFailureIsATestFailureWhenNothingElseSaysWhy() throws {
        let diagnosis = try diagnoseText("""
            [Container] 2024/03/06 10:00:00.000000 Entering phase BUILD
            [Container] 2024/03/06 10:00:00.100000 Running command newman run api.postman_collection.json -r junit
            [Container] 2024/03/06 10:00:09.000000 Command did not exit successfully newman run api.postman_collection.json -r junit exit status 1
            [Container] 2024/03/06 10:00:09.100000 Phase complete: BUILD State: FAILED

            """)
        XCTAssertEqual(diagnosis.rootCause?.ruleId, "test-runner-command-failed")
        XCTAssertFalse(diagnosis.findings.contains { $0.ruleId == "command-exited-non-zero" })
    }

    func testAConsoleColumnRightAfterTheFirstSeparatorIsStripped() throws {
        let diagnosis = try diagnoseText("""
            [Container] 2023/09/27 21:11:25 Running command $(aws ecr get-login --region $AWS_DEFAULT_REGION --no-include-email)
            --
            31 | usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]

            """)
        XCTAssertEqual(diagnosis.rootCause?.ruleId, "ecr-get-login-usage-printed")
    }
}

