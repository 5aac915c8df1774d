@testable import Analyze
import Fetch
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
        let rerun = Set(failures.map(\.ruleId)).sorted().map { "--id \($0)" }.joined(separator: " ")
        XCTAssertEqual(failures.count, 0, failures.map(\.description).joined(separator: "\n\n")
                       + "\n\nrerun just these: swift build && .build/debug/cbtriage rules test \(rerun)")
    }

    func testReaderVariantsGoThroughTheReadersAUserFileGoesThrough() throws {
        let lines = ["[Container] 2024/03/06 10:00:03.123 Running command make", "ünïcödé \"quoted\" \\ tab\there", ""]
        let export = try XCTUnwrap(ExampleVariant.cloudWatchExport.file(of: lines))
        XCTAssertTrue(String(decoding: export.bytes, as: UTF8.self).hasPrefix("2024-03-06T10:00:03.123Z [Container]"))
        let json = try XCTUnwrap(ExampleVariant.logEventsJSON.file(of: lines))
        XCTAssertTrue(String(decoding: json.bytes, as: UTF8.self).contains(#""message":"ünïcödé \"quoted\" \\ tab\there""#),
                      String(decoding: json.bytes, as: UTF8.self))
        let gzip = try XCTUnwrap(ExampleVariant.gzipTinyChunks.file(of: lines))
        XCTAssertEqual(Array(gzip.bytes.prefix(2)), [0x1F, 0x8B])
        for (variant, shape) in [(ExampleVariant.cloudWatchExport, InputShape.cloudwatchExport),
                                 (.logEventsJSON, .logEventsJSON), (.gzipTinyChunks, .raw)] {
            let file = try XCTUnwrap(variant.file(of: lines))
            var read: [String] = []
            let outcome = try InMemoryLogSource(bytes: file.bytes, displayName: "t", options: file.options)
                .readLines { read.append(String(decoding: UnsafeRawBufferPointer($0.bytes), as: UTF8.self)) }
            XCTAssertEqual(outcome.shape, shape, "\(variant)")
            XCTAssertEqual(outcome.completeness, .complete, "\(variant)")
            XCTAssertEqual(read, lines, "\(variant)")
        }
        XCTAssertNil(try ExampleVariant.plain.file(of: lines))
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
