import Analyze
import Fetch
import Foundation
import Parse
import XCTest

/// The repository root, found from this file's path (Tests/AnalyzeTests/<file>).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

final class RuleFileTests: XCTestCase {
    private func parseError(_ yaml: String) -> RuleFileError? {
        do {
            _ = try RuleFile.parse(yaml: yaml, file: "my.yaml")
            return nil
        } catch {
            return error as? RuleFileError
        }
    }

    private let minimal = """
    rules:
      - id: my-rule
        category: test-failure
        title: T
        severity: error
        literals: [boom]
        explanation: E
        remediation: R
        examples:
          triggering: ["↓ boom"]
          nonTriggering: ["bang"]
    """

    func testExampleFileLoadsAndItsExamplesPass() throws {
        let rules = try RuleFile.load(path: repositoryRoot.appendingPathComponent("docs/examples/my-rules.yaml").path)
        XCTAssertEqual(rules.map(\.id), ["internal-artifactory-unreachable", "flaky-integration-db"])
        XCTAssertEqual(rules[0].scope, RuleScope(phases: ["INSTALL", "BUILD"], commandPattern: "(mvn|gradle|npm|pip)"))
        XCTAssertFalse(rules[0].triggering[0].hasSuffix("\n"))
        let failures = try RuleExampleRunner.run(rules, variants: ExampleVariant.all)
        XCTAssertEqual(failures, [], failures.map(\.description).joined(separator: "\n"))
    }

    func testSchemaDocEmbedsTheExampleFileVerbatim() throws {
        let doc = try String(contentsOf: repositoryRoot.appendingPathComponent("docs/rules-schema.md"), encoding: .utf8)
        let example = try String(contentsOf: repositoryRoot.appendingPathComponent("docs/examples/my-rules.yaml"), encoding: .utf8)
        XCTAssertTrue(doc.contains("```yaml\n" + example + "```"), "docs/rules-schema.md must embed docs/examples/my-rules.yaml")
    }

    func testMinimalFileAndBareList() throws {
        XCTAssertEqual(try RuleFile.parse(yaml: minimal, file: "my.yaml").first?.literals, ["boom"])
        let bare = minimal.replacingOccurrences(of: "rules:\n", with: "").replacingOccurrences(of: "\n  ", with: "\n")
        XCTAssertEqual(try RuleFile.parse(yaml: String(bare.dropFirst(2)), file: "b.yaml").count, 1)
    }

    func testSyntaxErrorHasLineAndColumn() throws {
        let error = try XCTUnwrap(parseError("rules:\n  - id: x\n    title: [unclosed\n"))
        XCTAssertEqual(error.file, "my.yaml")
        XCTAssertNotNil(error.line)
        XCTAssertTrue(error.userMessage.hasPrefix("my.yaml:"), error.userMessage)
        XCTAssertFalse(error.userMessage.contains("\n"))
    }

    /// "Billion laughs" in mapping keys: ten levels of ten aliases once hung Yams' duplicate-key check.
    func testAliasBombIsRefusedWithFileLineAndReason() throws {
        var yaml = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            let aliases = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            yaml += "a\(level): &a\(level) {? [\(aliases)] : x}\n"
        }
        yaml += "rules: []\n"
        let error = try XCTUnwrap(parseError(yaml))
        XCTAssertEqual(error.file, "my.yaml")
        XCTAssertEqual(error.kind, .invalid)
        // Each *a4 stands for 113,333 nodes (a4 = 3 + 10 × a3, a0 = 11): the eighth on line 6 passes a million.
        XCTAssertEqual(error.line, 6)
        XCTAssertTrue(error.userMessage.contains("alias *a4 expands the document past 1000000 nodes"), error.userMessage)
    }

    /// Ordinary anchors and aliases (a shared remediation) still load.
    func testModestAliasesStillLoad() throws {
        let yaml = """
            rules:
              - id: first-rule
                category: compile-error
                title: First
                severity: error
                literals: [boom one]
                explanation: &why It broke.
                remediation: &fix Fix it.
                examples: {triggering: ["↓ boom one"], nonTriggering: ["fine"]}
              - id: second-rule
                category: compile-error
                title: Second
                severity: error
                literals: [boom two]
                explanation: *why
                remediation: *fix
                examples: {triggering: ["↓ boom two"], nonTriggering: ["fine"]}
            """
        let rules = try RuleFile.parse(yaml: yaml, file: "my.yaml")
        XCTAssertEqual(rules.map(\.remediation), ["Fix it.", "Fix it."])
    }

    func testUnknownKeyIsRejectedAtItsPositionWithTheAllowedKeys() throws {
        let error = try XCTUnwrap(parseError(minimal.replacingOccurrences(of: "    title: T", with: "    titel: T")))
        XCTAssertEqual(error.line, 4)
        XCTAssertEqual(error.column, 5)
        XCTAssertTrue(error.problem.contains("unknown key titel"), error.problem)
        XCTAssertTrue(error.problem.contains("allowed: id, category, title"), error.problem)
    }

    func testUnknownCategoryListsTheAllowedOnes() throws {
        let error = try XCTUnwrap(parseError(minimal.replacingOccurrences(of: "test-failure", with: "tests-broke")))
        XCTAssertEqual(error.line, 3)
        XCTAssertEqual(error.column, 15)
        XCTAssertTrue(error.problem.contains("unknown category tests-broke"))
        XCTAssertTrue(error.problem.contains("ecr-auth-expired"))
        XCTAssertFalse(error.problem.contains("unclassified"))
    }

    func testExcludeKeepsALineFromFiringAndItsExamplesProveIt() throws {
        let yaml = """
        rules:
          - id: exit-not-oom
            category: test-failure
            title: T
            severity: error
            literals: ["exit status"]
            regex: 'exit status (?<status>\\d+)$'
            exclude: 'exit status 137$'
            explanation: E {{status}}
            remediation: R
            examples:
              triggering: ["↓ make: exit status 2"]
              nonTriggering: ["make: exit status 137"]
        """
        let rules = try RuleFile.parse(yaml: yaml, file: "my.yaml")
        XCTAssertEqual(rules[0].exclude, "exit status 137$")
        XCTAssertEqual(try RuleExampleRunner.run(rules, variants: ExampleVariant.all), [])
        // Without the exclude the near miss fires, so the runner must report it.
        var unguarded = rules[0]
        unguarded.exclude = nil
        XCTAssertFalse(try RuleExampleRunner.run([unguarded], variants: [.plain]).isEmpty)
    }

    func testExcludeThatDoesNotCompileIsReportedAtTheExclude() throws {
        let error = parseError(minimal.replacingOccurrences(of: "literals: [boom]", with: "literals: [boom]\n    exclude: '(unclosed'"))
        XCTAssertEqual(error?.line, 7)
        XCTAssertTrue(error?.problem.contains("exclude does not compile") ?? false, error?.problem ?? "no error")
    }

    func testRegexCompileErrorIsReportedAtTheRegex() throws {
        let yaml = minimal.replacingOccurrences(of: "    literals: [boom]", with: "    literals: [boom]\n    regex: 'boom(('")
        let error = try XCTUnwrap(parseError(yaml))
        XCTAssertEqual(error.line, 7)
        XCTAssertTrue(error.problem.contains("regex does not compile"), error.problem)
    }

    func testSchemaErrors() throws {
        XCTAssertTrue(try XCTUnwrap(parseError(minimal.replacingOccurrences(of: "my-rule", with: "My_Rule"))).problem.contains("kebab-case"))
        XCTAssertTrue(try XCTUnwrap(parseError(minimal.replacingOccurrences(of: "    severity: error\n", with: ""))).problem
            .contains("missing required key severity"))
        XCTAssertTrue(try XCTUnwrap(parseError(minimal.replacingOccurrences(of: "error\n", with: "fatal\n"))).problem
            .contains("allowed: info, warning, error, critical"))
        XCTAssertTrue(try XCTUnwrap(parseError(minimal + "\n  - " + minimal.dropFirst(11))).problem.contains("already used"))
        XCTAssertTrue(try XCTUnwrap(parseError("")).problem.contains("empty"))
    }

    func testMissingFileIsATypedOneLineError() {
        XCTAssertThrowsError(try RuleFile.load(path: "/nonexistent/rules.yaml")) { error in
            XCTAssertEqual((error as? RuleFileError)?.kind, .unreadable)
            XCTAssertEqual((error as? RuleFileError)?.userMessage, "cannot read rules file /nonexistent/rules.yaml: no such file")
        }
        let directory = repositoryRoot.appendingPathComponent("docs").path
        XCTAssertThrowsError(try RuleFile.load(path: directory)) { error in
            XCTAssertEqual((error as? RuleFileError)?.userMessage, "cannot read rules file \(directory): is a directory")
        }
    }

    func testAFileThatIsReadButWrongIsInvalid() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("cbt-invalid-\(UUID().uuidString).yaml")
        try Data([0xFF, 0xFE, 0x41]).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        XCTAssertThrowsError(try RuleFile.load(path: file.path)) { error in
            XCTAssertEqual((error as? RuleFileError)?.kind, .invalid)
            XCTAssertEqual((error as? RuleFileError)?.userMessage, "\(file.path): the rule file is not UTF-8 text")
        }
    }

    func testUserRulesOverrideBuiltinsById() {
        let builtin = [testRule("a", literals: ["x"]), testRule("b", literals: ["y"])]
        let user = [testRule("b", literals: ["z"]), testRule("c", literals: ["w"])]
        let merged = RuleSet.merging(builtin: builtin, user: user)
        XCTAssertEqual(merged.rules.map(\.id), ["a", "b", "c"])
        XCTAssertEqual(merged.rules[1].literals, ["z"])
        XCTAssertEqual(merged.overridden, ["b"])
    }

    func testUserRuleWithACheckIdReplacesTheCheckRule() throws {
        let catalog = try CompiledCatalog(rules: [testRule("docker-login-password-in-log", literals: ["never-here"])])
        let build = ScriptedBuild()
        build.output("docker login -u a -p secretpw registry")
        XCTAssertEqual(build.diagnose(catalog).0.findings, [])
    }
}
