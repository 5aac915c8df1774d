import Analyze
import Fetch
import Parse
import XCTest

final class AnalyzerEvidenceTests: XCTestCase {
    private func catalog(_ rules: [Rule], prefilter: Bool = true) throws -> CompiledCatalog {
        try CompiledCatalog(rules: rules, checks: [], usesPrefilter: prefilter)
    }

    func testEvidenceHasContextBeforeAndAfterPhaseAndCommand() throws {
        let build = ScriptedBuild()
        build.phase("BUILD", status: .failed)
        build.command("make all", exit: 2)
        build.output("cc -c a.c", "cc -c b.c", "b.c:3:1: error: expected ';'", "make: *** [b.o] Error 1", "done")
        build.finish(status: .failed)
        let rule = testRule("c-error", literals: ["error:"], regex: #"(?<file>[\w.]+):\d+:\d+: error: (?<what>.+)$"#,
                            explanation: "{{file}} fails: {{what}}")
        let (diagnosis, _) = build.diagnose(try catalog([rule]))
        let finding = try XCTUnwrap(diagnosis.rootCause)
        XCTAssertEqual(finding.ruleId, "c-error")
        XCTAssertEqual(finding.explanation, "b.c fails: expected ';'")
        XCTAssertEqual(finding.captures, ["file": "b.c", "what": "expected ';'"])
        let evidence = try XCTUnwrap(finding.evidence.first)
        XCTAssertEqual(evidence.line, NumberedLine(number: 5, text: "b.c:3:1: error: expected ';'"))
        XCTAssertEqual(evidence.before.map(\.number), [3, 4])
        XCTAssertEqual(evidence.after.map(\.text), ["make: *** [b.o] Error 1", "done"])
        XCTAssertEqual(evidence.phase, "BUILD")
        XCTAssertEqual(evidence.command, "make all")
    }

    func testRepeatedLineIsOneFindingWithAllOccurrencesCountedAndBoundedEvidence() throws {
        let build = ScriptedBuild()
        build.phase("BUILD", status: .failed)
        build.command("npm test", exit: 1)
        for _ in 0..<500 { build.output("Error: connect ECONNREFUSED 127.0.0.1:5432") }
        build.finish(status: .failed)
        let (diagnosis, _) = build.diagnose(try catalog([testRule("refused", literals: ["ECONNREFUSED"])]))
        XCTAssertEqual(diagnosis.findings.count, 1)
        XCTAssertEqual(diagnosis.findings[0].occurrences, 500)
        XCTAssertEqual(diagnosis.findings[0].evidence.count, 3)
        XCTAssertEqual(diagnosis.findings[0].evidence.map(\.line.number), [3, 4, 5])
    }

    func testOneLineWithTwoLiteralsCountsOnce() throws {
        let build = ScriptedBuild()
        build.output("disk full: no space left on device")
        let (diagnosis, _) = build.diagnose(try catalog([testRule("disk", literals: ["disk full", "no space left"])]))
        XCTAssertEqual(diagnosis.findings.first?.occurrences, 1)
    }

    func testPhaseScopeAndCommandPatternScope() throws {
        let build = ScriptedBuild()
        build.phase("INSTALL")
        build.command("docker pull node:20")
        build.output("denied: requested access to the resource is denied")
        build.phase("POST_BUILD", status: .failed)
        build.command("echo pushing")
        build.output("denied: requested access to the resource is denied")
        build.command("docker push $REPO:latest", exit: 1)
        build.output("denied: requested access to the resource is denied")
        build.finish(status: .failed)
        let rule = testRule("push-denied", literals: ["denied:"],
                            scope: RuleScope(phases: ["POST_BUILD"], commandPattern: #"docker (push|pull)"#))
        let (diagnosis, analyzer) = build.diagnose(try catalog([rule]), options: tracing())
        XCTAssertEqual(analyzer.firingLines["push-denied"], [8])
        XCTAssertEqual(diagnosis.rootCause?.evidence.first?.command, "docker push $REPO:latest")
    }

    func testANSIColourAndCarriageReturnAreRemovedBeforeMatchingAndInEvidence() throws {
        let build = ScriptedBuild()
        build.output("\u{1B}[31mnpm \u{1B}[1mERR!\u{1B}[0m code ERESOLVE\r")
        let rule = testRule("npm", literals: ["npm ERR! code"], regex: #"npm ERR! code (?<code>\w+)$"#)
        let (diagnosis, _) = build.diagnose(try catalog([rule]))
        XCTAssertEqual(diagnosis.findings.first?.evidence.first?.line.text, "npm ERR! code ERESOLVE")
        XCTAssertEqual(diagnosis.findings.first?.captures["code"], "ERESOLVE")
    }

    func testMatchesOnlyTheMessageNotTheAgentPrefix() throws {
        let build = ScriptedBuild()
        build.phase("BUILD")
        build.agent("Phase complete: BUILD State: SUCCEEDED")
        let rule = testRule("container", literals: ["[Container]"])
        let (diagnosis, _) = build.diagnose(try catalog([rule]))
        XCTAssertTrue(diagnosis.findings.isEmpty)
    }

    func testPrefilterOnAndOffGiveIdenticalDiagnoses() throws {
        let rules = [
            testRule("ci-literal", literals: ["No Space Left"], caseInsensitive: true),
            testRule("regex", literals: ["exit status"], regex: #"exit status (?<code>[1-9]\d*)"#, generic: true),
            testRule("two", literals: ["ECONNRESET", "ETIMEDOUT"], regex: #"(ECONNRESET|ETIMEDOUT)\b"#),
            testRule("scoped", literals: ["denied"], scope: RuleScope(phases: ["BUILD"], commandPattern: "docker")),
        ]
        let build = ScriptedBuild()
        build.phase("INSTALL")
        build.command("npm ci")
        build.output("npm ERR! ETIMEDOUT", "write /tmp/x: no space left on device", "exit status 0")
        build.phase("BUILD", status: .failed)
        build.command("docker build .", exit: 1)
        build.output("denied: x", "ECONNRESETS", "exit status 1", "\u{1B}[1mNO SPACE LEFT\u{1B}[0m")
        build.finish(status: .failed)
        let (withPrefilter, _) = build.diagnose(try catalog(rules, prefilter: true))
        let (without, _) = build.diagnose(try catalog(rules, prefilter: false))
        XCTAssertEqual(withPrefilter, without)
        XCTAssertEqual(Set(withPrefilter.findings.map(\.ruleId)), ["ci-literal", "regex", "two", "scoped"])
    }

    func testCompileErrorsAreTyped() {
        XCTAssertThrowsError(try catalog([testRule("bad", literals: ["x"], regex: "(unclosed")])) { error in
            XCTAssertTrue((error as? CatalogError)?.userMessage.contains("rule bad: regex (unclosed does not compile") ?? false)
        }
        XCTAssertThrowsError(try catalog([testRule("empty", literals: [""])])) { error in
            XCTAssertEqual(error as? CatalogError, .noLiterals(ruleId: "empty"))
        }
        XCTAssertThrowsError(try catalog([testRule("a", literals: ["x"]), testRule("a", literals: ["y"])]))
    }

    private func tracing() -> AnalyzerOptions {
        var options = AnalyzerOptions()
        options.tracesFiringLines = true
        return options
    }
}
