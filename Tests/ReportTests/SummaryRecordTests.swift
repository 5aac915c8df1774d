import Analyze
import Fetch
import Foundation
import Parse
@testable import report
import XCTest

/// A summary keeps one compact record per build, never the build's diagnosis: what it holds per build does
/// not grow with the build's log (commands, evidence), so a summary of thousands of builds stays small.
final class SummaryRecordTests: XCTestCase {
    /// The same build with 20,000 more commands and 5,000 more evidence lines leaves the same record.
    func testRecordDoesNotGrowWithTheBuildsLog() {
        let small = SampleDiagnoses.failedBuild()
        var large = small
        let filler = (0..<20_000).map { Command(text: "echo step \($0) with a long enough text", line: 100 + $0, exitStatus: 0) }
        large.build.phases[3].commands += filler
        var cause = large.rootCause!
        cause.evidence += (0..<5_000).map { Evidence(line: NumberedLine(number: 30_000 + $0, text: "noise \($0)"), phase: "BUILD") }
        large.rootCause = cause
        large.findings[0] = cause
        XCTAssertEqual(SummaryRecord(large), SummaryRecord(small))
        XCTAssertEqual(SummaryBuilder.build(records: [SummaryRecord(large)]), SummaryBuilder.build([small]))
    }

    /// The local summary folds each log into a record as it goes; the summary of the records is the one the
    /// diagnoses themselves give.
    func testLocalSummaryKeepsOneRecordPerBuildAndTheSameSummary() throws {
        let root = GoldenFile.directory.deletingLastPathComponent().deletingLastPathComponent()
        let fixtures = root.appendingPathComponent("Fixtures/logs")
        let names = try FileManager.default.contentsOfDirectory(atPath: fixtures.path).filter { $0.hasSuffix(".log") }.sorted()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("summary-records-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for (index, name) in names.prefix(12).enumerated() {
            for copy in 0..<3 {
                try FileManager.default.copyItem(at: fixtures.appendingPathComponent(name),
                                                 to: directory.appendingPathComponent("\(index)-\(copy)-\(name)"))
            }
        }
        let catalog = try CatalogLoader.compiled(userRuleFiles: [])
        let command = try SummaryCommand.parse([directory.path])
        let analysed = command.analyse([directory.path], catalog: catalog, progress: "test")
        XCTAssertEqual(analysed.records.count, min(names.count, 12) * 3)
        XCTAssertTrue(analysed.unreadable.isEmpty)

        let diagnoses = try InputCollector.collect([directory.path]).map { collected -> Diagnosis in
            guard case .source(let source) = collected else { throw CocoaError(.fileReadUnknown) }
            return try diagnose(source, catalog: catalog)
        }
        XCTAssertEqual(SummaryBuilder.build(records: analysed.records), SummaryBuilder.build(diagnoses))
    }
}
