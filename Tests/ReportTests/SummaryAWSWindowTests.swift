import Analyze
import Fetch
import Foundation
@testable import report
import XCTest

/// The AWS summary's choice of builds (window, statuses), its per-project figures and the comparison
/// with the previous window, over a scripted CodeBuild.
final class SummaryAWSWindowTests: XCTestCase {
    private let now = SampleDiagnoses.clock
    private func hoursAgo(_ hours: Double) -> Date { now.addingTimeInterval(-hours * 3600) }
    private var day: TimeWindow { TimeWindow(start: hoursAgo(24), end: now) }

    func testOnlyBuildsStartedInsideTheWindowAreListed() throws {
        let fake = SummaryAWSFakeCodeBuild([
            .fake("web", 5, status: "IN_PROGRESS", startedAt: now),           // at the (exclusive) end
            .fake("web", 4, status: "FAILED", startedAt: hoursAgo(1)),
            .fake("web", 3, status: "SUCCEEDED", startedAt: hoursAgo(23.9)),
            .fake("web", 2, status: "FAILED", startedAt: hoursAgo(24)),       // at the (inclusive) start
            .fake("web", 1, status: "FAILED", startedAt: hoursAgo(30)),
            .fake("api", 9, status: "FAILED", startedAt: hoursAgo(2)),
        ])
        let builds = try AWSBuildWindow.builds(project: "web", in: day, client: CodeBuildClient(caller: fake))
        XCTAssertEqual(builds.compactMap(\.buildNumber), [4, 3, 2])
    }

    func testListingStopsAtTheFirstPageThatIsAllOlderThanTheWindow() throws {
        let fake = SummaryAWSFakeCodeBuild([
            .fake("web", 6, status: "FAILED", startedAt: hoursAgo(1)),
            .fake("web", 5, status: "FAILED", startedAt: hoursAgo(2)),
            .fake("web", 4, status: "FAILED", startedAt: hoursAgo(23)),
            .fake("web", 3, status: "FAILED", startedAt: hoursAgo(25)),
            .fake("web", 2, status: "FAILED", startedAt: hoursAgo(40)),
            .fake("web", 1, status: "FAILED", startedAt: hoursAgo(41)),
            .fake("web", 0, status: "FAILED", startedAt: hoursAgo(42)),
        ], pageSize: 2)
        let builds = try AWSBuildWindow.builds(project: "web", in: day, client: CodeBuildClient(caller: fake))
        XCTAssertEqual(builds.compactMap(\.buildNumber), [6, 5, 4])
        // Pages [6,5] [4,3] [2,1]: the third is all older, so the fourth ([0]) is never asked for.
        XCTAssertEqual(fake.operations.filter { $0 == "ListBuildsForProject" }.count, 3)
    }

    /// A STOPPED build was stopped by a person or a batch build: not a failure, not counted as one.
    func testFailedStatusesAreDiagnosedAndSucceededOnlyWhenAsked() {
        let builds = ["FAILED", "FAULT", "TIMED_OUT", "STOPPED", "SUCCEEDED", "IN_PROGRESS"].enumerated().map {
            CodeBuildBuild.fake("web", $0.offset, status: $0.element, startedAt: hoursAgo(1))
        }
        XCTAssertEqual(AWSBuildWindow.toDiagnose(builds, includeSucceeded: false).compactMap(\.buildStatus),
                       ["FAILED", "FAULT", "TIMED_OUT"])
        XCTAssertEqual(AWSBuildWindow.toDiagnose(builds, includeSucceeded: true).compactMap(\.buildStatus),
                       ["FAILED", "FAULT", "TIMED_OUT", "SUCCEEDED"])
    }

    /// `diagnosis` of `build`, as `diagnoseBuild` would tag it.
    private func diagnosis(of build: CodeBuildBuild, from sample: Diagnosis) -> Diagnosis {
        var diagnosis = sample
        diagnosis.build.metadata.project = build.project
        diagnosis.build.metadata.buildId = build.id
        diagnosis.build.metadata.startTime = build.startDate
        return diagnosis
    }

    func testProjectFiguresComeFromCodeBuildPlusFailuresFoundInLogs() {
        let webFailed = CodeBuildBuild.fake("web", 3, status: "FAILED", startedAt: hoursAgo(1))
        let webQuietFailure = CodeBuildBuild.fake("web", 2, status: "SUCCEEDED", startedAt: hoursAgo(2))
        let webPassed = CodeBuildBuild.fake("web", 1, status: "SUCCEEDED", startedAt: hoursAgo(3))
        let apiRunning = CodeBuildBuild.fake("api", 1, status: "IN_PROGRESS", startedAt: hoursAgo(1))
        let diagnoses = [diagnosis(of: webFailed, from: SampleDiagnoses.failedBuild()),
                         diagnosis(of: webQuietFailure, from: SampleDiagnoses.failedBuild()),
                         diagnosis(of: webPassed, from: SampleDiagnoses.succeededBuild())]
        let summary = AWSSummaryTally.summary(projects: ["web", "api", "idle"], window: day,
                                              builds: [webFailed, webQuietFailure, webPassed, apiRunning],
                                              records: diagnoses.map(SummaryRecord.init), unreadable: [], baseline: [])
        XCTAssertEqual(summary.projects, [ProjectCount(project: "web", analysed: 3, failed: 2),
                                          ProjectCount(project: "api", analysed: 1, failed: 0),
                                          ProjectCount(project: "idle", analysed: 0, failed: 0)])
        XCTAssertEqual(summary.buildsAnalysed, 4)
        XCTAssertEqual(summary.buildsFailed, 2)
        XCTAssertEqual(summary.windowStart, day.start)
        XCTAssertEqual(summary.windowEnd, day.end)
        XCTAssertEqual(summary.rules.first?.examples, [webFailed.id, webQuietFailure.id])
    }

    func testFailureKindsAbsentFromThePreviousWindowAreNew() {
        let ecrNow = CodeBuildBuild.fake("web", 3, status: "FAILED", startedAt: hoursAgo(1))
        let unexplainedNow = CodeBuildBuild.fake("web", 2, status: "FAILED", startedAt: hoursAgo(2))
        let ecrBefore = CodeBuildBuild.fake("web", 1, status: "FAILED", startedAt: hoursAgo(30))
        let current = [diagnosis(of: ecrNow, from: SampleDiagnoses.failedBuild()),
                       diagnosis(of: unexplainedNow, from: SampleDiagnoses.partialBuild())]
        let summary = AWSSummaryTally.summary(projects: ["web"], window: day, builds: [ecrNow, unexplainedNow],
                                              records: current.map(SummaryRecord.init), unreadable: [],
                                              baseline: [SummaryRecord(diagnosis(of: ecrBefore, from: SampleDiagnoses.failedBuild()))])
        XCTAssertEqual(summary.newFailureKinds?.map(\.key), ["unclassified"])

        let nothingBefore = AWSSummaryTally.summary(projects: ["web"], window: day, builds: [ecrNow, unexplainedNow],
                                                    records: current.map(SummaryRecord.init), unreadable: [], baseline: [])
        XCTAssertEqual(Set(nothingBefore.newFailureKinds?.map(\.key) ?? []),
                       ["ecr-auth-token-expired", "unclassified"])
    }

    func testWindowFromSinceOrStartAndEnd() {
        XCTAssertEqual(TimeWindow.resolve(since: "24h", start: nil, end: nil, now: now), .success(day))
        XCTAssertEqual(TimeWindow.resolve(since: nil, start: "2024-03-05", end: "2024-03-06T00:00:00Z", now: now),
                       .success(TimeWindow(start: Date(timeIntervalSince1970: 1_709_596_800),
                                           end: Date(timeIntervalSince1970: 1_709_683_200))))
        XCTAssertEqual(TimeWindow.resolve(since: "24x", start: nil, end: nil, now: now), .failure(.badDuration("24x")))
        XCTAssertEqual(TimeWindow.resolve(since: nil, start: "2024-03-06", end: "2024-03-05", now: now),
                       .failure(.emptyWindow))
        XCTAssertEqual(TimeWindow.resolve(since: nil, start: "yesterday", end: "2024-03-05", now: now),
                       .failure(.badTime("yesterday")))
        XCTAssertEqual(TimeWindow.resolve(since: "24h", start: "2024-03-05", end: nil, now: now), .failure(.choice))
        XCTAssertEqual(TimeWindow.resolve(since: nil, start: nil, end: nil, now: now), .failure(.choice))
    }

    func testAMissingLogIsListedWithItsReasonOnly() {
        let warning = "log group/stream not found: /aws/codebuild/web / abc; diagnosing web:abc from CodeBuild's phase records only"
        XCTAssertEqual(AWSSummaryCollector.missingLogReason(warning), "log group/stream not found: /aws/codebuild/web / abc")
        XCTAssertEqual(AWSSummaryCollector.missingLogReason("something else"), "something else")
    }

    func testBoundedWorkGivesEachThreadItsOwnWorker() {
        let lock = NSLock()
        var threadsOfWorker: [Int: Set<ObjectIdentifier>] = [:]
        var workerOfThread: [ObjectIdentifier: Set<Int>] = [:]
        let results = BoundedWork.map(Array(0..<30), workers: [10, 20, 30]) { worker, value -> Int in
            let thread = ObjectIdentifier(Thread.current)
            lock.lock()
            threadsOfWorker[worker, default: []].insert(thread)
            workerOfThread[thread, default: []].insert(worker)
            lock.unlock()
            Thread.sleep(forTimeInterval: 0.001)
            return value * 3
        }
        XCTAssertEqual(results, (0..<30).map { $0 * 3 })
        XCTAssertTrue(Set(threadsOfWorker.keys).isSubset(of: [10, 20, 30]))
        XCTAssertTrue(threadsOfWorker.values.allSatisfy { $0.count == 1 }, "a worker crossed threads")
        XCTAssertTrue(workerOfThread.values.allSatisfy { $0.count == 1 }, "a thread used two workers")
    }
}
