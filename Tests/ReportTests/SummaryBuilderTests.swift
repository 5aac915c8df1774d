import Analyze
import Parse
@testable import report
import XCTest

final class SummaryBuilderTests: XCTestCase {
    private func failed(_ name: String, ruleFrom sample: Diagnosis = SampleDiagnoses.failedBuild(), project: String? = nil,
                        start: Double? = nil) -> Diagnosis {
        var diagnosis = sample
        diagnosis.source.name = name
        diagnosis.build.metadata.project = project
        diagnosis.build.metadata.buildId = nil
        diagnosis.build.metadata.startTime = start.map(SampleDiagnoses.at)
        return diagnosis
    }

    func testCountsGroupsAndShares() {
        let builds = [
            failed("logs/web/1.log", start: 100), failed("logs/web/2.log", start: 50),
            failed("logs/api/3.log", ruleFrom: SampleDiagnoses.partialBuild()),
            SampleDiagnoses.succeededBuild(),
        ]
        let summary = SummaryBuilder.build(builds)
        XCTAssertEqual(summary.buildsAnalysed, 4)
        XCTAssertEqual(summary.buildsFailed, 3)
        XCTAssertEqual(summary.projects, [ProjectCount(project: "web", analysed: 2, failed: 2),
                                          ProjectCount(project: "api", analysed: 2, failed: 1)])
        XCTAssertEqual(summary.rules.map(\.key), ["ecr-auth-token-expired", "unclassified"])
        XCTAssertEqual(summary.rules[0].count, 2)
        XCTAssertEqual(summary.rules[0].share, 2.0 / 3.0, accuracy: 1e-9)
        XCTAssertEqual(summary.rules[0].firstSeen, SampleDiagnoses.at(50))
        XCTAssertEqual(summary.rules[0].lastSeen, SampleDiagnoses.at(100))
        XCTAssertEqual(summary.rules[0].examples, ["logs/web/1.log", "logs/web/2.log"])
        XCTAssertEqual(summary.categories.map(\.key), ["ecr-auth-expired", "unclassified"])
        XCTAssertNil(summary.newFailureKinds)
        XCTAssertEqual(summary.partialInputs, ["logs/api/3.log"])
    }

    /// A build stopped by a person or a batch is analysed but is not a failure.
    func testStoppedBuildsAreNotCountedAsFailures() {
        var stopped = SampleDiagnoses.succeededBuild()
        stopped.source.name = "logs/web/stopped.log"
        stopped.build.status = .stopped
        stopped.build.metadata.status = .stopped
        let summary = SummaryBuilder.build([failed("logs/web/1.log", start: 100), stopped])
        XCTAssertEqual(summary.buildsAnalysed, 2)
        XCTAssertEqual(summary.buildsFailed, 1)
    }

    func testMetadataProjectBeatsDirectory() {
        let summary = SummaryBuilder.build([failed("logs/x/1.log", project: "payments")])
        XCTAssertEqual(summary.projects.map(\.project), ["payments"])
    }

    func testNewFailureKindsAgainstBaseline() {
        let current = [failed("a.log"), failed("b.log", ruleFrom: SampleDiagnoses.partialBuild())]
        let summary = SummaryBuilder.build(current, baseline: [failed("old.log")])
        XCTAssertEqual(summary.newFailureKinds?.map(\.key), ["unclassified"])
        XCTAssertEqual(SummaryBuilder.build(current, baseline: current).newFailureKinds, [])
    }

    func testPhaseMedianAndMax() {
        var slow = SampleDiagnoses.succeededBuild()
        slow.build.phases[3].endTime = slow.build.phases[3].startTime?.addingTimeInterval(600)
        let summary = SummaryBuilder.build([SampleDiagnoses.succeededBuild(), slow, SampleDiagnoses.failedBuild()])
        let build = summary.phases.first { $0.phase == "BUILD" }
        XCTAssertEqual(summary.phases.first?.phase, "BUILD")
        XCTAssertEqual(build?.builds, 3)
        XCTAssertEqual(build?.medianSeconds, 192)
        XCTAssertEqual(build?.maxSeconds, 600)
    }

    func testUnreadableIsReportedAndCountsNowhereElse() {
        let summary = SummaryBuilder.build([SampleDiagnoses.succeededBuild()],
                                           unreadable: [UnreadableInput(name: "bad.gz", message: "bad.gz: not gzip")])
        XCTAssertEqual(summary.buildsAnalysed, 1)
        XCTAssertEqual(summary.buildsFailed, 0)
        XCTAssertEqual(summary.unreadable.count, 1)
        XCTAssertTrue(SummaryTextRenderer(settings: RenderSettings()).render(summary).contains("\n  bad.gz: not gzip\n"))
    }

    func testSummaryGoldenInEveryFormat() {
        let settings = RenderSettings(color: false, unicode: false, width: 100, contextLines: 0, now: SampleDiagnoses.clock)
        let summary = SummaryBuilder.build(
            [failed("logs/web/1.log", start: 100), failed("logs/web/2.log", start: 50),
             failed("logs/api/3.log", ruleFrom: SampleDiagnoses.partialBuild()), SampleDiagnoses.succeededBuild()],
            unreadable: [UnreadableInput(name: "logs/api/bad.gz", message: "logs/api/bad.gz: not a gzip file")],
            baseline: [failed("old.log")])
        GoldenFile.assertMatches(SummaryTextRenderer(settings: settings).render(summary), "summary/summary.txt")
        GoldenFile.assertMatches(SummaryJSONRenderer(settings: settings).render(summary), "summary/summary.json")
        GoldenFile.assertMatches(SummaryMarkdownRenderer(settings: settings).render(summary), "summary/summary.md")
        GoldenFile.assertMatches(SummarySlackRenderer(settings: settings).render(summary), "summary/summary.slack.json")
    }
}
