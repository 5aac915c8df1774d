@testable import Analyze
import Fetch
import Parse
import XCTest

/// A failed build against its baseline: exactly the lines seeded into it are new, ranked with the failing
/// command's output first; commands, phase durations, the unclassified root cause and the bounds.
final class BaselineDiffTests: XCTestCase {
    private let catalog = Result { try CompiledCatalog(rules: BuiltinCatalog.rules) }
    private var baselineDirectory: URL { FixtureFiles.root.appendingPathComponent("baseline", isDirectory: true) }

    private func index(_ text: String, name: String = "green.log") throws -> BaselineIndex {
        try BaselineIndexer.index(InMemoryLogSource(bytes: Array(text.utf8), displayName: name))
    }

    private func compare(_ failed: String, with baseline: BaselineIndex) throws -> Diagnosis {
        try diagnose(InMemoryLogSource(bytes: Array(failed.utf8), displayName: "failed.log"), catalog: catalog.get(),
                     against: baseline, reference: BaselineReference(index: baseline, selection: "file"))
    }

    func testTheFixturePairShowsExactlyTheSeededNewLines() throws {
        let baseline = try BaselineIndexer.index(LocalLogSource(path: baselineDirectory.appendingPathComponent("green.log").path))
        let diagnosis = try diagnose(LocalLogSource(path: baselineDirectory.appendingPathComponent("failed.log").path),
                                     catalog: catalog.get(), against: baseline,
                                     reference: BaselineReference(index: baseline, selection: "file"))
        let comparison = try XCTUnwrap(diagnosis.baseline)
        let newLines = comparison.groups.flatMap(\.lines).filter(\.new).map(\.text)
        XCTAssertEqual(newLines, [
            "bundle dist/app.js exceeds its size budget by 231 kB",
            "largest new module: node_modules/moment/locale (287 kB)",
            "refusing to publish an oversized bundle",
            "npm WARN deprecated rimraf@3.0.2: Rimraf versions prior to v4 are no longer supported",
        ])
        XCTAssertEqual(comparison.newLineCount, 4)
        XCTAssertEqual(comparison.groups.map(\.region), [.failingCommand, .elsewhere])
        XCTAssertEqual(comparison.groups.first?.command, "./scripts/check-bundle.sh")
        XCTAssertEqual(comparison.commands, [CommandChange(kind: .changed, phase: "BUILD", text: "npm run build -- --sourcemap",
                                                           line: 65, baselineText: "npm run build", failing: false)])
        XCTAssertEqual(comparison.slowerPhases.map(\.phase), ["BUILD"])
        XCTAssertGreaterThanOrEqual(comparison.slowerPhases.first?.ratio ?? 0, 5)
        // No rule explains a size budget: the new lines are the unclassified root cause's evidence.
        let cause = try XCTUnwrap(diagnosis.rootCause)
        XCTAssertEqual(cause.ruleId, "unclassified")
        XCTAssertEqual(cause.evidence.map(\.line.number), [73, 74, 75, 32])
        XCTAssertEqual(diagnosis.findings.first, cause)
    }

    func testAnIdenticalRunWithOtherTimesNumbersAndIdsHasNoNewLine() throws {
        let green = """
            [Container] 2024/03/11 12:00:03.950665 Entering phase BUILD
            [Container] 2024/03/11 12:00:03.957850 Running command make
            build 1234 took 5s at 2024-03-11T12:00:04Z (commit 3f9c2ab)
            [Container] 2024/03/11 12:00:10.292405 Phase complete: BUILD State: SUCCEEDED
            """
        let rerun = """
            [Container] 2024/05/02 08:10:00.000001 Entering phase BUILD
            [Container] 2024/05/02 08:10:00.000002 Running command make
            build 99 took 12s at 2024-05-02T08:10:01Z (commit 77aa01b)
            [Container] 2024/05/02 08:10:20.000003 Phase complete: BUILD State: SUCCEEDED
            """
        let comparison = try XCTUnwrap(compare(rerun, with: index(green)).baseline)
        XCTAssertEqual(comparison.newLineCount, 0)
        XCTAssertEqual(comparison.groups, [])
        XCTAssertEqual(comparison.commands, [])
        XCTAssertEqual(comparison.slowerPhases, [], "20 s against 6 s is not 5x")
    }

    func testANewCommandIsNewAndAFailingOneIsMarked() throws {
        let green = """
            [Container] 2024/03/11 12:00:03.950665 Entering phase BUILD
            [Container] 2024/03/11 12:00:03.957850 Running command make
            [Container] 2024/03/11 12:00:10.292405 Phase complete: BUILD State: SUCCEEDED
            """
        let failed = """
            [Container] 2024/03/11 12:00:03.950665 Entering phase BUILD
            [Container] 2024/03/11 12:00:03.957850 Running command make
            [Container] 2024/03/11 12:00:04.000000 Running command ./deploy.sh --env prod
            deploy: cluster prod is frozen
            [Container] 2024/03/11 12:00:04.100000 Command did not exit successfully ./deploy.sh --env prod exit status 2
            [Container] 2024/03/11 12:00:04.200000 Phase complete: BUILD State: FAILED
            """
        let comparison = try XCTUnwrap(compare(failed, with: index(green)).baseline)
        XCTAssertEqual(comparison.commands, [CommandChange(kind: .new, phase: "BUILD", text: "./deploy.sh --env prod", line: 3,
                                                           baselineText: nil, failing: true)])
        XCTAssertEqual(comparison.groups.map(\.region), [.failingCommand])
        XCTAssertEqual(comparison.groups.first?.lines.filter(\.new).map(\.text), ["deploy: cluster prod is frozen"])
    }

    func testOnlyPlausibleDurationsAreCompared() {
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        func phase(_ name: String, _ seconds: Double) -> Phase {
            Phase(name: name, status: .succeeded, startTime: start, endTime: start.addingTimeInterval(seconds))
        }
        let baseline = BaselineIndex(name: "g", status: .succeeded, linesRead: 0, bytesRead: 0, partial: false,
                                     lineHashes: [], linesNotIndexed: 0, commands: [],
                                     phases: [BaselinePhase(name: "BUILD", status: .succeeded, seconds: 10),
                                              BaselinePhase(name: "INSTALL", status: .succeeded, seconds: 2),
                                              BaselinePhase(name: "UPLOAD_ARTIFACTS", status: .succeeded, seconds: -3),
                                              BaselinePhase(name: "POST_BUILD", status: .succeeded, seconds: 10)])
        let build = BuildModel(phases: [phase("BUILD", 50), phase("INSTALL", 6), phase("UPLOAD_ARTIFACTS", 60),
                                        phase("POST_BUILD", 3 * 365 * 86_400)])
        // BUILD: 5x and 40 s longer. INSTALL: 3x. The others mix clocks (negative, years).
        XCTAssertEqual(BaselineComparer.slowdowns(build: build, baseline: baseline),
                       [PhaseSlowdown(phase: "BUILD", seconds: 50, baselineSeconds: 10, ratio: 5)])
    }

    func testNewLinesAreRedacted() throws {
        let green = "[Container] 2024/03/11 12:00:03.950665 Entering phase BUILD\nok\n"
        let failed = "[Container] 2024/03/11 12:00:03.950665 Entering phase BUILD\nexport PASSWORD=hunter2secret\n"
        let comparison = try XCTUnwrap(compare(failed, with: index(green)).baseline)
        let texts = comparison.groups.flatMap(\.lines).map(\.text)
        XCTAssertEqual(texts.filter { $0.contains("PASSWORD") }, ["export PASSWORD=[REDACTED]"])
        XCTAssertFalse(texts.joined().contains("hunter2secret"))
    }

    func testTheIndexKeepsHashesNotLinesAndRoundTripsThroughJSON() throws {
        let log = (1...500).map { "line \($0) of output \($0 % 7 == 0 ? "seven" : "other")" }.joined(separator: "\n")
        let baseline = try index(log)
        // Numbers normalise away: two distinct lines remain.
        XCTAssertEqual(baseline.lineHashes.count, 2)
        let encoded = try JSONEncoder().encode(baseline)
        let decoded = try JSONDecoder().decode(BaselineIndex.self, from: encoded)
        XCTAssertEqual(decoded, baseline)
        XCTAssertFalse(String(decoding: encoded, as: UTF8.self).contains("seven"), "the cache holds no log text")
    }

    func testADamagedHashBlobIsADecodingErrorNotACrash() throws {
        var object = try XCTUnwrap(JSONSerialization.jsonObject(with: JSONEncoder().encode(index("a\nb"))) as? [String: Any])
        object["lineHashes"] = "not base64!"
        let damaged = try JSONSerialization.data(withJSONObject: object)
        XCTAssertThrowsError(try JSONDecoder().decode(BaselineIndex.self, from: damaged))
    }

    func testTheIndexIsBounded() throws {
        let indexer = BaselineIndexer(maxLineHashes: 3)
        let parser = PhaseParser(sink: indexer)
        let lines = ["alpha", "beta", "gamma", "delta", "alpha", "epsilon"]
        for (offset, text) in lines.enumerated() { withLogLine(text, number: offset + 1) { parser.consume($0) } }
        let index = indexer.finish(build: parser.finish(), name: "x",
                                   outcome: ReadOutcome(shape: .raw, completeness: .complete, bytesRead: 0, linesRead: 6))
        XCTAssertEqual(index.lineHashes.count, 3)
        XCTAssertEqual(index.linesNotIndexed, 2, "delta and epsilon; alpha was already held")
    }

    func testKeptNewLinesAreBoundedAndTheLatestGroupsSurvive() throws {
        // Many separate new lines, far apart: more than the collector keeps.
        var lines = ["[Container] 2024/03/11 12:00:03.950665 Entering phase BUILD"]
        let groups = NewLineCollector.maxKeptNewLines + 500
        for group in 0..<groups {
            lines.append("marker w\(group)x")
            lines += ["same", "same", "same", "same"]
        }
        // The failure comes last, in the failing command's output: held although the middle was let go of.
        lines += ["[Container] 2024/03/11 12:00:04.000000 Running command ./check",
                  "last-one-standing",
                  "[Container] 2024/03/11 12:00:04.100000 Command did not exit successfully ./check exit status 1",
                  "[Container] 2024/03/11 12:00:04.200000 Phase complete: BUILD State: FAILED"]
        let comparison = try XCTUnwrap(compare(lines.joined(separator: "\n"), with: index("same")).baseline)
        XCTAssertEqual(comparison.newLineCount, groups + 1)
        XCTAssertEqual(comparison.groupCount, groups + 1)
        XCTAssertLessThanOrEqual(comparison.groups.count, BaselineComparer.maxGroupsReported)
        XCTAssertEqual(comparison.groups.first?.region, .failingCommand)
        XCTAssertEqual(comparison.groups.first?.lines.filter(\.new).map(\.text), ["last-one-standing"])
    }
}
