import Foundation
import XCTest

/// `rules list/show/test` and `--rules` through the built binary.
final class EndToEndRulesTests: XCTestCase {
    private var inputs: URL { EndToEnd.packageRoot.appendingPathComponent("Tests/Golden/inputs") }

    func testUnknownRuleIsAUsageError() throws {
        let run = try EndToEnd.run(["rules", "show", "no-such-rule"])
        XCTAssertEqual(run.status, 64)
        XCTAssertEqual(run.stderr, "cbtriage: no rule with id 'no-such-rule' (see 'cbtriage rules list')\n")
    }

    func testUserRulesOverrideAndExtendTheCatalog() throws {
        let rules = inputs.appendingPathComponent("rules/passing.yaml").path
        let log = Data("step 1\nerror: quota exceeded for team web-frontend\n".utf8)
        let run = try EndToEnd.run(["--rules", rules, "--format", "json", "--fail-on", "critical", "-"], stdin: log)
        XCTAssertEqual(run.status, 1, run.stderr)
        let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let cause = try XCTUnwrap((document["builds"] as? [[String: Any]])?.first?["rootCause"] as? [String: Any])
        XCTAssertEqual(cause["ruleId"] as? String, "team-registry-quota")
        XCTAssertEqual(cause["explanation"] as? String,
                       "The shared registry refused the push because team web-frontend used its monthly quota.")
    }

    func testRulesTestSaysWhichRulesFail() throws {
        let passing = try EndToEnd.run(["rules", "test", inputs.appendingPathComponent("rules/passing.yaml").path])
        XCTAssertEqual(passing.status, 0, passing.stdout + passing.stderr)
        XCTAssertTrue(passing.stdout.contains("ok    team-registry-quota"), passing.stdout)
        let failing = try EndToEnd.run(["rules", "test", inputs.appendingPathComponent("rules/failing.yaml").path])
        XCTAssertEqual(failing.status, 1)
        XCTAssertTrue(failing.stdout.contains("FAIL  never-fires"), failing.stdout)
        XCTAssertTrue(failing.stdout.contains("0 of 1 rules passed"), failing.stdout)
        let invalid = try EndToEnd.run(["rules", "test", inputs.appendingPathComponent("rules/invalid.yaml").path])
        XCTAssertEqual(invalid.status, 64)
        XCTAssertTrue(invalid.stderr.hasPrefix("cbtriage: ") && invalid.stderr.contains("invalid.yaml:3:"), invalid.stderr)
        let missing = try EndToEnd.run(["rules", "test", "no-such-rules.yaml"])
        XCTAssertEqual(missing.status, 66)
        XCTAssertEqual(missing.stderr, "cbtriage: cannot read rules file no-such-rules.yaml: no such file\n")
    }

    /// `--rules` with a file that is not there (66, one short line) and one that is there but wrong (64).
    func testRulesTestRunsOneBuiltinRuleOrCheckById() throws {
        let one = try EndToEnd.run(["rules", "test", "--id", "ecr-auth-token-expired", "--id", "aws-secret-key-in-log"])
        XCTAssertEqual(one.status, 0, one.stdout + one.stderr)
        let lines = one.stdout.split(separator: "\n")
        guard lines.count == 3 else { return XCTFail("expected two rules and a total:\n\(one.stdout)") }
        XCTAssertTrue(lines[0].hasPrefix("ok    ecr-auth-token-expired ("), one.stdout)
        XCTAssertTrue(lines[1].hasPrefix("ok    aws-secret-key-in-log ("), one.stdout)
        XCTAssertEqual(lines[2], "2 of 2 rules passed their examples")
        let unknown = try EndToEnd.run(["rules", "test", "--id", "no-such-rule"])
        XCTAssertEqual(unknown.status, 64)
        XCTAssertEqual(unknown.stderr, "cbtriage: no rule with id 'no-such-rule' (see 'cbtriage rules list')\n")
        let inFile = try EndToEnd.run(["rules", "test", inputs.appendingPathComponent("rules/failing.yaml").path,
                                       "--id", "ecr-auth-token-expired"])
        XCTAssertEqual(inFile.status, 64, "an id the file does not hold is refused, not a silent pass")
    }

    func testRulesFileErrorsOnAnalyze() throws {
        let log = Data("step 1\n".utf8)
        let missing = try EndToEnd.run(["--rules", "no-such-rules.yaml", "-"], stdin: log)
        XCTAssertEqual(missing.status, 66, missing.stderr)
        XCTAssertEqual(missing.stderr, "cbtriage: cannot read rules file no-such-rules.yaml: no such file\n")
        let invalidPath = inputs.appendingPathComponent("rules/invalid.yaml").path
        let invalid = try EndToEnd.run(["--rules", invalidPath, "-"], stdin: log)
        XCTAssertEqual(invalid.status, 64, invalid.stderr)
        XCTAssertTrue(invalid.stderr.hasPrefix("cbtriage: \(invalidPath):3:"), invalid.stderr)
        EndToEnd.assertErrorLines(invalid)
    }

    func testRulesListAndShow() throws {
        let list = try EndToEnd.run(["rules", "list", "--format", "json"])
        XCTAssertEqual(list.status, 0)
        let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [String: Any])
        let ids = try XCTUnwrap(document["rules"] as? [[String: Any]]).compactMap { $0["id"] as? String }
        XCTAssertTrue(ids.contains("ecr-auth-token-expired"))
        let show = try EndToEnd.run(["rules", "show", "ecr-auth-token-expired"])
        XCTAssertEqual(show.status, 0)
        XCTAssertTrue(show.stdout.hasPrefix("ecr-auth-token-expired: "), show.stdout)
        XCTAssertTrue(show.stdout.contains("Fires on (example 1):"), show.stdout)
    }

    /// Every rule id a report can name is one `rules list` lists and `rules show` shows: the checks' rules too.
    func testEveryReportableIdIsListedAndShown() throws {
        let logs = EndToEnd.packageRoot.appendingPathComponent("Fixtures/logs").path
        let run = try EndToEnd.run(["--format", "json", logs])
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let builds = try XCTUnwrap(report["builds"] as? [[String: Any]])
        XCTAssertGreaterThan(builds.count, 20)
        let reported = Set(builds.flatMap { ($0["findings"] as? [[String: Any]] ?? []).compactMap { $0["ruleId"] as? String } })
        let list = try EndToEnd.run(["rules", "list", "--format", "json"])
        let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [String: Any])
        let listed = Set(try XCTUnwrap(document["rules"] as? [[String: Any]]).compactMap { $0["id"] as? String })
        XCTAssertTrue(listed.isSuperset(of: ["ecr-uri-invalid-host", "aws-secret-key-in-log"]), "check rules are listed")
        XCTAssertTrue(reported.contains { $0.hasPrefix("ecr-uri-") }, "the fixtures report a check rule: \(reported.sorted())")
        // `unclassified` names the fallback (the most informative error line), not a rule.
        XCTAssertEqual(reported.subtracting(listed).subtracting(["unclassified"]).sorted(), [], "reported but not listed")
        let show = try EndToEnd.run(["rules", "show", "ecr-uri-invalid-host"])
        XCTAssertEqual(show.status, 0, show.stderr)
        XCTAssertTrue(show.stdout.hasPrefix("ecr-uri-invalid-host: "), show.stdout)
        let badFormat = try EndToEnd.run(["rules", "list", "--help"])
        XCTAssertTrue(badFormat.stdout.contains("(values: text, json;"), badFormat.stdout)
    }
}
