import Analyze
import Fetch
import Foundation
import Parse
import XCTest

/// The prefilter's contract, on real logs: with the one-pass literal scan and without it (every rule's
/// literal test and every check on every line), every fixture gets the same diagnosis.
final class PrefilterEquivalenceTests: XCTestCase {
    private func diagnoseLines(of data: Data, catalog: CompiledCatalog) -> Diagnosis {
        let analyzer = Analyzer(catalog: catalog)
        let parser = PhaseParser(sink: analyzer)
        var number = 0
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var start = 0
            for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x0A {
                if index == bytes.count, start == index { break }
                number += 1
                parser.consume(LogLine(number: number, bytes: UnsafeBufferPointer(rebasing: bytes[start..<index])))
                start = index + 1
            }
        }
        let outcome = ReadOutcome(shape: .raw, completeness: .complete, bytesRead: Int64(data.count), linesRead: number)
        return analyzer.finish(build: parser.finish(), source: SourceInfo(name: "fixture", outcome: outcome))
    }

    func testEveryPlainFixtureGetsTheSameDiagnosisWithAndWithoutThePrefilter() throws {
        let directories = ["Fixtures/logs", "Fixtures/forms"].map { repositoryRoot.appendingPathComponent($0) }
        let logs = directories.flatMap { directory in
            ((try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)) ?? [])
                .filter { $0.pathExtension == "log" }
        }.sorted { $0.path < $1.path }
        XCTAssertGreaterThan(logs.count, 40, "the fixture logs are missing")
        let on = try CompiledCatalog(rules: RuleSet.builtinRules)
        let off = try on.withPrefilter(false)
        for log in logs {
            let data = try Data(contentsOf: log)
            XCTAssertEqual(diagnoseLines(of: data, catalog: on), diagnoseLines(of: data, catalog: off), log.lastPathComponent)
        }
    }

    func testSyntheticRulesAtScaleGiveTheSameDiagnosisBothWays() throws {
        let build = ScriptedBuild()
        build.phase("BUILD", status: .failed)
        build.command("make", exit: 2)
        for index in 0..<200 {
            build.output("Step \(index)/40 : RUN make", "cbt-synthetic-\(String(index, radix: 36))-failure: E\(index)",
                         "npm WARN 404 synthetic-never-9")
        }
        build.finish(status: .failed)
        let rules = SyntheticRules.make(count: 300, commonEvery: 10)
        let (withPrefilter, _) = build.diagnose(try CompiledCatalog(rules: rules, checks: CheckKind.builtin))
        let (without, _) = build.diagnose(try CompiledCatalog(rules: rules, checks: CheckKind.builtin, usesPrefilter: false))
        XCTAssertEqual(withPrefilter, without)
        // Every non-common synthetic rule among the first 200 fires once; the common-literal ones never match.
        XCTAssertEqual(withPrefilter.findings.count, 180)
    }
}
