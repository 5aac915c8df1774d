import Analyze
import Foundation
@testable import report
import XCTest

/// The JSON output is a promise: decoded with this test's own types, key sets equal to the list in
/// `docs/json-output.md`, and every document valid against `docs/schema/*.schema.json`.
final class JSONOutputTests: XCTestCase {
    private let settings = RenderSettings(now: SampleDiagnoses.clock)

    private struct Envelope: Decodable {
        var schemaVersion: Int
        var generatedAt: String
        var builds: [Build]
        var unreadable: [Unreadable]
    }
    private struct Unreadable: Decodable { var input: String; var error: String }
    private struct Build: Decodable {
        var input: Input
        var failingPhase: String?
        var rootCause: Finding?
        var findings: [Finding]
    }
    private struct Input: Decodable { var name: String; var partial: Bool; var damageByteOffset: Int64? }
    private struct Finding: Decodable {
        var ruleId: String
        var severity: String
        var confidence: Double
        var evidence: [Evidence]
    }
    private struct Evidence: Decodable { var line: Int; var text: String; var phase: String? }

    func testDecodesWithIndependentTypes() throws {
        let text = JSONRenderer(settings: settings).render([SampleDiagnoses.failedBuild(), SampleDiagnoses.partialBuild()],
                                                           unreadable: [UnreadableInput(name: "x.log", message: "x.log: gone")])
        let envelope = try JSONDecoder().decode(Envelope.self, from: Data(text.utf8))
        XCTAssertEqual(envelope.schemaVersion, 1)
        XCTAssertEqual(envelope.generatedAt, "2024-03-06T12:00:00.000Z")
        XCTAssertEqual(envelope.builds.count, 2)
        XCTAssertEqual(envelope.builds[0].failingPhase, "POST_BUILD")
        XCTAssertEqual(envelope.builds[0].rootCause?.ruleId, "ecr-auth-token-expired")
        XCTAssertEqual(envelope.builds[0].rootCause?.evidence.first?.line, 56)
        XCTAssertEqual(envelope.builds[1].input.partial, true)
        XCTAssertEqual(envelope.builds[1].input.damageByteOffset, 20_480)
        XCTAssertEqual(envelope.unreadable.first?.input, "x.log")
    }

    /// Each object's keys, exactly as the docs' tables list them (`| \`key\` |` rows under `### <object>`).
    func testKeySetsMatchTheDocumentation() throws {
        let documented = try Self.documentedKeys()
        let text = JSONRenderer(settings: settings).render([SampleDiagnoses.failedBuild()],
                                                           unreadable: [UnreadableInput(name: "x", message: "y")])
        let root = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let build = try XCTUnwrap((root["builds"] as? [[String: Any]])?.first)
        let finding = try XCTUnwrap(build["rootCause"] as? [String: Any])
        let evidence = try XCTUnwrap((finding["evidence"] as? [[String: Any]])?.first)
        let phase = try XCTUnwrap((build["phases"] as? [[String: Any]])?.first { !(($0["commands"] as? [Any]) ?? []).isEmpty })
        let objects: [(String, [String: Any]?)] = [
            ("envelope", root), ("build", build), ("input", build["input"] as? [String: Any]),
            ("build.build", build["build"] as? [String: Any]), ("phase", phase),
            ("command", (phase["commands"] as? [[String: Any]])?.first),
            ("failingCommand", build["failingCommand"] as? [String: Any]), ("finding", finding),
            ("evidence", evidence), ("line", (evidence["before"] as? [[String: Any]])?.first),
            ("unreadable", (root["unreadable"] as? [[String: Any]])?.first),
        ]
        for (name, object) in objects {
            let keys = try XCTUnwrap(object, "no \(name) object in the output").keys
            XCTAssertEqual(Set(keys), documented[name], "keys of \(name) differ from docs/json-output.md")
        }
    }

    func testSummaryKeySetsMatchTheDocumentation() throws {
        let documented = try Self.documentedKeys()
        let summary = SummaryBuilder.build([SampleDiagnoses.failedBuild(), SampleDiagnoses.succeededBuild()], baseline: [])
        let text = SummaryJSONRenderer(settings: settings).render(summary)
        let root = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        XCTAssertEqual(Set(root.keys), documented["summary"])
        XCTAssertEqual(Set(try XCTUnwrap((root["rules"] as? [[String: Any]])?.first).keys), documented["summary.group"])
        XCTAssertEqual(Set(try XCTUnwrap((root["projects"] as? [[String: Any]])?.first).keys), documented["summary.project"])
        XCTAssertEqual(Set(try XCTUnwrap((root["phases"] as? [[String: Any]])?.first).keys), documented["summary.phase"])
    }

    func testEveryDiagnosisDocumentIsValidAgainstTheSchema() throws {
        let samples = [SampleDiagnoses.failedBuild(), SampleDiagnoses.succeededBuild(), SampleDiagnoses.partialBuild()]
        for sample in samples {
            try SchemaValidator.assertValid(JSONRenderer(settings: settings).render([sample]), schema: "diagnosis.schema.json")
        }
        try SchemaValidator.assertValid(JSONRenderer(settings: settings).render([], unreadable: [UnreadableInput(name: "a", message: "b")]),
                                        schema: "diagnosis.schema.json")
    }

    func testSummaryDocumentIsValidAgainstTheSchema() throws {
        let samples = [SampleDiagnoses.failedBuild(), SampleDiagnoses.succeededBuild(), SampleDiagnoses.partialBuild()]
        for baseline in [nil, [SampleDiagnoses.partialBuild()]] {
            let summary = SummaryBuilder.build(samples, unreadable: [UnreadableInput(name: "z", message: "gone")], baseline: baseline)
            try SchemaValidator.assertValid(SummaryJSONRenderer(settings: settings).render(summary), schema: "summary.schema.json")
        }
    }

    func testSchemaRejectsADocumentMissingAField() throws {
        // Proves the validator is live: a document without `findings` must fail.
        let text = JSONRenderer(settings: settings).render([SampleDiagnoses.failedBuild()])
            .replacingOccurrences(of: "\"findings\":", with: "\"findingz\":")
        XCTAssertThrowsError(try SchemaValidator.validate(text, schema: "diagnosis.schema.json"))
    }

    static func documentedKeys() throws -> [String: Set<String>] {
        let url = GoldenFile.directory.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/json-output.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        var result: [String: Set<String>] = [:]
        var current: String?
        for line in text.split(separator: "\n") {
            if line.hasPrefix("### ") {
                current = line.dropFirst(4).split(separator: " ").first.map { String($0).replacingOccurrences(of: "`", with: "") }
            } else if let current, line.hasPrefix("| `") {
                let key = line.dropFirst(3).prefix { $0 != "`" }
                result[current, default: []].insert(String(key))
            }
        }
        return result
    }
}
