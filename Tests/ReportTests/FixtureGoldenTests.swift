import Analyze
import Fetch
import Foundation
@testable import report
import XCTest

/// Every format on real fixtures from `Fixtures/logs`, read and diagnosed in-process exactly as
/// `cbtriage analyze` does, against golden files in `Tests/Golden/fixtures/`.
final class FixtureGoldenTests: XCTestCase {
    static let fixtures = [
        "ecr-auth-expired-push.log",
        "success-node-service.log",
        "two-failures-first-wins.log",
        "jest-failure-crlf-ansi.log",
        "truncated-gzip-auth-expired.log.gz",
    ]

    private let plain = RenderSettings(color: false, unicode: false, width: 100, contextLines: 2, now: SampleDiagnoses.clock)
    private let fancy = RenderSettings(color: true, unicode: true, width: 100, contextLines: 2, now: SampleDiagnoses.clock)

    private func diagnoses() throws -> [(String, Diagnosis)] {
        let catalog = try CatalogLoader.compiled(userRuleFiles: [])
        let root = GoldenFile.directory.deletingLastPathComponent().deletingLastPathComponent()
        return try Self.fixtures.map { name in
            let collected = InputCollector.collect([root.appendingPathComponent("Fixtures/logs/\(name)").path])
            guard case .source(let source)? = collected.first, collected.count == 1 else {
                throw UnreadableFixture(description: "fixture \(name) could not be read")
            }
            let stem = name.replacingOccurrences(of: ".log.gz", with: "").replacingOccurrences(of: ".log", with: "")
            var diagnosis = try diagnose(source, catalog: catalog)
            // The relative path, so the golden files do not depend on where the checkout lives.
            diagnosis.source.name = "Fixtures/logs/\(name)"
            return (stem, diagnosis)
        }
    }

    func testEveryFormatOnEveryFixture() throws {
        for (stem, diagnosis) in try diagnoses() {
            GoldenFile.assertMatches(TextRenderer(settings: plain).render(diagnosis), "fixtures/\(stem).txt")
            GoldenFile.assertMatches(TextRenderer(settings: fancy).render(diagnosis), "fixtures/\(stem).color.txt")
            var verbose = plain
            verbose.verbose = true
            GoldenFile.assertMatches(TextRenderer(settings: verbose).render(diagnosis), "fixtures/\(stem).verbose.txt")
            let json = JSONRenderer(settings: plain).render([diagnosis])
            GoldenFile.assertMatches(json, "fixtures/\(stem).json")
            try SchemaValidator.assertValid(json, schema: "diagnosis.schema.json")
            GoldenFile.assertMatches(MarkdownRenderer(settings: plain).render(diagnosis), "fixtures/\(stem).md")
            GoldenFile.assertMatches(SlackRenderer(settings: plain).render([diagnosis]), "fixtures/\(stem).slack.json")
        }
    }

    func testQuietLinesForAllFixtures() throws {
        let all = try diagnoses()
        let composer = ReportComposer(format: .text, quiet: true, settings: plain)
        let lines = all.enumerated().map { composer.streamed($1.1, index: $0, inputCount: all.count) }.joined()
        GoldenFile.assertMatches(lines, "fixtures/quiet.txt")
    }
}

/// Thrown so a fixture that cannot be read fails the test instead of skipping it.
private struct UnreadableFixture: Error, CustomStringConvertible { var description: String }
