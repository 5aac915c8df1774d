@testable import Analyze
import Fetch
import Parse
import XCTest

/// Patterns that backtracked for minutes under NSRegularExpression: each now finishes in one pass
/// (Vectorscan decides the match), and the capture step has a budget that is reported, not waited for.
/// None of these tests measures time; before the change each of them hung (minutes to hours).
final class LinearTimeMatchingTests: XCTestCase {
    private func diagnose(_ rules: [Rule], lines: [String]) throws -> Diagnosis {
        let build = ScriptedBuild()
        build.phase("BUILD", status: .failed)
        build.command("make", exit: 2)
        for line in lines { build.output(line) }
        build.finish(status: .failed)
        return build.diagnose(try CompiledCatalog(rules: rules, checks: [])).0
    }

    func testNestedQuantifiersOnALineOfAsAreDecidedInOnePass() throws {
        let line = String(repeating: "a", count: 5_000) + "!"
        let rules = [
            testRule("nested-plus", literals: ["aaaa"], regex: "(a+)+$"),
            testRule("overlapping-alternation", literals: ["aaaa"], regex: "(a|aa)+$"),
            testRule("words-and-spaces", literals: ["aaaa"], regex: #"^(\w+\s?)*$"#),
        ]
        let diagnosis = try diagnose(rules, lines: [line])
        XCTAssertEqual(diagnosis.findings.map(\.ruleId).filter { $0 != "unclassified" }, [])
        XCTAssertEqual(diagnosis.skipped, [])
        // The same patterns still match where they should.
        let matching = try diagnose(rules, lines: [String(repeating: "a", count: 5_000)])
        XCTAssertEqual(Set(matching.findings.map(\.ruleId)), ["nested-plus", "overlapping-alternation", "words-and-spaces"])
    }

    func testACaptureStepThatWouldBacktrackForeverIsReportedAsSkipped() throws {
        // Vectorscan sees the match (`ac` at the end); PCRE2, leftmost-first, would first try 2^40 ways
        // to split the leading a's. Its budget stops it and the line is reported, not hung on.
        let rule = testRule("explosive-capture", literals: ["c"], regex: "(?<run>(a+)+c)")
        let line = String(repeating: "a", count: 40) + "d ac"
        let diagnosis = try diagnose([rule], lines: [line])
        XCTAssertEqual(diagnosis.skipped, [SkippedRule(ruleId: "explosive-capture", lines: 1, firstLine: 3)])
        XCTAssertFalse(diagnosis.findings.contains { $0.ruleId == "explosive-capture" })
    }

    func testCatalogCompileErrorRulesOnALongRunOfSlashesFinishAndStillFireOnRealErrors() throws {
        let slashes = String(repeating: "/", count: 60_000)
        let lines = ["error TS" + slashes, "error CS" + slashes, "x.java:" + slashes,
                     "src/app.ts(3,7): error TS2322: Type 'string' is not assignable to type 'number'."]
        let diagnosis = try diagnose(RuleSet.builtinRules, lines: lines)
        let typescript = try XCTUnwrap(diagnosis.findings.first { $0.ruleId == "typescript-compile-error" })
        XCTAssertEqual(typescript.occurrences, 1)
        XCTAssertEqual(typescript.captures["code"], "2322")
    }

    func testPatternsThatCannotRunInLinearTimeAreRefusedWithTheReason() {
        for (pattern, word) in [("a(?!b)", "lookaround"), ("(?<=x)a", "lookaround"), (#"(a)\1"#, "backreferences"),
                                ("(?>a+)b", "atomic"), ("a++b", "possessive")] {
            XCTAssertThrowsError(try LinearRegex(pattern), pattern) { error in
                let reason = (error as? LinearRegex.CompileError)?.reason ?? ""
                XCTAssertTrue(reason.lowercased().contains(word), "\(pattern): \(reason)")
            }
        }
        XCTAssertNoThrow(try LinearRegex(#"(?<file>[^\s(]+\.cs)\(\d+,\d+\): error (?<code>CS\d{4})\b"#))
    }

    /// Databases are built on first use (checking a pattern is cheaper than building it): every built-in
    /// pattern must build, so none can turn into a rule that silently never matches.
    func testEveryBuiltinPatternBuildsItsDatabase() throws {
        let catalog = try CompiledCatalog(rules: RuleSet.builtinRules)
        XCTAssertGreaterThan(catalog.linearPatterns.count, 50)
        for pattern in catalog.linearPatterns {
            XCTAssertNoThrow(try pattern.buildDatabase(), pattern.pattern)
        }
    }

    func testAUserRuleWithALookbehindIsRefusedWithItsIdLineAndColumn() {
        let yaml = """
        rules:
          - id: my-lookbehind
            category: test-failure
            title: T
            severity: error
            literals: [boom]
            regex: '(?<=x)boom'
            explanation: E
            remediation: R
            examples:
              triggering: ["↓ xboom"]
        """
        XCTAssertThrowsError(try RuleFile.parse(yaml: yaml, file: "my.yaml")) { error in
            let error = error as? RuleFileError
            XCTAssertEqual(error?.line, 7)
            XCTAssertEqual(error?.column, 12)
            XCTAssertTrue(error?.problem.contains("rule my-lookbehind: regex does not compile: lookaround") ?? false,
                          error?.problem ?? "no error")
        }
    }

    func testRuleExamplesWithAnExplosivePatternRunToTheirVerdict() throws {
        // `rules test` took 49 s on this 41-character example before.
        var rule = testRule("explosive-example", literals: ["a"], regex: #"^(\w+\s?)*$"#)
        rule.triggering = ["↓ " + String(repeating: "a", count: 40)]
        rule.nonTriggering = [String(repeating: "a", count: 40) + "!"]
        XCTAssertEqual(try RuleExampleRunner.run([rule], variants: [.plain]), [])
    }
}

/// Vectorscan 5.4's AVX-512 runtime missed a negated-class loop's match near the end of a line, depending on
/// the bytes after it (VectorCamp/vectorscan#378). Whatever sits around the line in memory, the answer is the same.
final class VectorscanTailMatchTests: XCTestCase {
    func testANegatedClassLoopMatchesWhateverFollowsTheLineInMemory() throws {
        let regex = try LinearRegex(#"Could not connect to the endpoint URL: "(?<url>[^"]+)""#)
        let line = #"[ Error ] CredentialRetrievalError: Error when retrieving credentials from container-role: Error retrieving metadata: Received error when attempting to retrieve ECS metadata: Could not connect to the endpoint URL: "http://169.254.170.2/v2/credentials/f014f115-c05c-4e7e-84ec-d820da7bbc02""#
        let bytes = Array(line.utf8)
        let scratch = MatchScratch(for: [regex])
        for offset in 0..<64 {
            for filler: UInt8 in [0x00, 0x22, 0x78] {
                var buffer = [UInt8](repeating: filler, count: offset + bytes.count + 128)
                buffer.replaceSubrange(offset..<(offset + bytes.count), with: bytes)
                let matched = buffer.withUnsafeBufferPointer { whole in
                    regex.matches(UnsafeBufferPointer(rebasing: whole[offset..<(offset + bytes.count)]), scratch: scratch)
                }
                XCTAssertTrue(matched, "offset \(offset), filler \(filler)")
            }
        }
    }
}
