@testable import Analyze
import Foundation
import XCTest

/// Runs every built-in rule's and check's own examples through the real pipeline, in every variant.
final class CatalogHarnessTests: XCTestCase {
    func testEveryRuleFiresExactlyOnItsMarkedLinesInEveryVariant() throws {
        let rules = RulesDocument.allBuiltinRules
        var failures: [ExampleFailure] = []
        for rule in rules {
            failures += try RuleExampleRunner.run([rule], variants: ExampleVariant.all)
        }
        XCTAssertEqual(failures.count, 0, failures.map(\.description).joined(separator: "\n\n"))
    }

    func testHarnessDetectsAWrongMarkAndANearMissThatFires() throws {
        let rule = Rule(id: "probe", category: .testFailure, title: "t", severity: .error, literals: ["boom"],
                        explanation: "e", remediation: "r", docURL: "",
                        triggering: ["boom\n↓ quiet"], nonTriggering: ["boom again"])
        let failures = try RuleExampleRunner.run(rule)
        XCTAssertEqual(failures.map(\.triggering), [true, false])
        XCTAssertEqual(failures.first?.expectedLines, [2])
        XCTAssertEqual(failures.first?.firedLines, [1])
        XCTAssertTrue(failures.first?.description.contains("expected evidence on lines [2], fired on [1]") ?? false)
    }

    func testVariantsChangeTheBytesButNotTheFiringLines() throws {
        let rule = Rule(id: "probe", category: .testFailure, title: "t", severity: .error, literals: ["no space left"],
                        regex: #"write (?<path>\S+): no space left on device"#, explanation: "e", remediation: "r",
                        docURL: "", triggering: ["tar: extracting\n↓ write /tmp/a: no space left on device\nok"],
                        nonTriggering: ["no space left? not really"])
        for variant in ExampleVariant.all { XCTAssertEqual(try RuleExampleRunner.run(rule, variant: variant), [], "\(variant)") }
        let coloured = ExampleVariant.ansiColour.apply(to: ["write /tmp/a: no space left on device"])
        XCTAssertTrue(coloured[0].contains(0x1B))
    }
}
