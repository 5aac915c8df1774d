import Analyze
import Fetch
@testable import report
import XCTest

/// The `baseline` member of a build and the `trends` member of a summary have exactly the keys docs/json-output.md
/// lists, and keep to the schemas.
final class BaselineAndTrendsJSONDocsTests: XCTestCase {
    private let settings = RenderSettings(now: SampleDiagnoses.clock)

    private func compared() throws -> Diagnosis {
        let catalog = try CompiledCatalog(rules: BuiltinCatalog.rules)
        let green = "[Container] 2024/03/11 12:00:00.000000 Entering phase BUILD\n"
            + "[Container] 2024/03/11 12:00:00.000001 Running command make\nok\n"
            + "[Container] 2024/03/11 12:00:01.000000 Phase complete: BUILD State: SUCCEEDED\n"
        let failed = "[Container] 2024/03/11 12:00:00.000000 Entering phase BUILD\n"
            + "[Container] 2024/03/11 12:00:00.000001 Running command make all\nfrozen\n"
            + "[Container] 2024/03/11 12:00:20.000000 Command did not exit successfully make all exit status 2\n"
            + "[Container] 2024/03/11 12:00:20.000001 Phase complete: BUILD State: FAILED\n"
        let index = try BaselineIndexer.index(InMemoryLogSource(bytes: Array(green.utf8), displayName: "green.log"))
        return try diagnose(InMemoryLogSource(bytes: Array(failed.utf8), displayName: "failed.log"), catalog: catalog,
                            against: index, reference: BaselineReference(index: index, selection: "file"))
    }

    func testBaselineKeysMatchTheDocumentationAndTheSchema() throws {
        let documented = try JSONOutputTests.documentedKeys()
        let diagnosis = try compared()
        let text = JSONRenderer(settings: settings).render([diagnosis])
        try SchemaValidator.assertValid(text, schema: "diagnosis.schema.json")
        let root = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let baseline = try XCTUnwrap((root["builds"] as? [[String: Any]])?.first?["baseline"] as? [String: Any])
        let objects: [(String, [String: Any]?)] = [
            ("build.baseline", baseline), ("baseline.reference", baseline["baseline"] as? [String: Any]),
            ("baseline.cost", baseline["cost"] as? [String: Any]),
            ("baseline.group", (baseline["groups"] as? [[String: Any]])?.first),
            ("baseline.command", (baseline["commands"] as? [[String: Any]])?.first),
            ("baseline.slowerPhase", (baseline["slowerPhases"] as? [[String: Any]])?.first),
        ]
        for (name, object) in objects {
            XCTAssertEqual(Set(try XCTUnwrap(object, "no \(name) in the output").keys), documented[name], name)
        }
    }

    func testTrendsKeysMatchTheDocumentationAndTheSchema() throws {
        let documented = try JSONOutputTests.documentedKeys()
        var summary = SummaryBuilder.build([SampleDiagnoses.failedBuild()])
        summary.trends = SummaryTrends.build(records: [SummaryRecord(SampleDiagnoses.failedBuild())],
                                             windows: SummaryTrends.windows(count: 2, length: 86_400,
                                                                            end: SampleDiagnoses.at(86_400)))
        let text = SummaryJSONRenderer(settings: settings).render(summary)
        try SchemaValidator.assertValid(text, schema: "summary.schema.json")
        let root = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let trends = try XCTUnwrap(root["trends"] as? [String: Any])
        XCTAssertEqual(Set(trends.keys), documented["summary.trends"])
        XCTAssertEqual(Set(try XCTUnwrap((trends["categories"] as? [[String: Any]])?.first).keys), documented["summary.trendCategory"])
        XCTAssertEqual(Set(try XCTUnwrap((trends["failureKinds"] as? [[String: Any]])?.first).keys), documented["summary.failureKind"])
    }
}
