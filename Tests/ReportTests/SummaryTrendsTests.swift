import Analyze
@testable import report
import XCTest

/// `summary --windows N`: failed builds counted into the windows they started in, rising categories, first-seen dates.
final class SummaryTrendsTests: XCTestCase {
    private let day: TimeInterval = 86_400

    private func record(_ sample: Diagnosis, start: Double) -> SummaryRecord {
        var diagnosis = sample
        diagnosis.build.metadata.startTime = SampleDiagnoses.at(start)
        return SummaryRecord(diagnosis)
    }

    func testWindowsAreConsecutiveOldestFirstAndEndAtTheEnd() {
        let end = SampleDiagnoses.at(10 * day)
        let windows = SummaryTrends.windows(count: 3, length: day, end: end)
        XCTAssertEqual(windows.map(\.end), [SampleDiagnoses.at(8 * day), SampleDiagnoses.at(9 * day), end])
        XCTAssertEqual(windows.map(\.length), [day, day, day])
    }

    func testCountsPerWindowRisingAndFirstSeen() {
        let windows = SummaryTrends.windows(count: 4, length: day, end: SampleDiagnoses.at(4 * day))
        let ecr = SampleDiagnoses.failedBuild()
        let other = SampleDiagnoses.partialBuild()
        let records = [
            record(ecr, start: 0.5 * day),
            record(ecr, start: 2.5 * day), record(ecr, start: 3.1 * day), record(ecr, start: 3.2 * day),
            record(ecr, start: 3.3 * day),
            record(other, start: 1.5 * day), record(other, start: 1.6 * day), record(other, start: 1.7 * day),
            record(other, start: 3.9 * day),
            // Outside every window, and not a failure: not counted.
            record(ecr, start: 9 * day), SummaryRecord(SampleDiagnoses.succeededBuild()),
        ]
        let trends = SummaryTrends.build(records: records, windows: windows)
        XCTAssertEqual(trends.categories, [
            CategoryTrend(category: "ecr-auth-expired", counts: [1, 0, 1, 3], rising: true),
            CategoryTrend(category: "unclassified", counts: [0, 3, 0, 1], rising: false),
        ])
        XCTAssertEqual(trends.kinds.map(\.ruleId), ["unclassified", "ecr-auth-token-expired"], "newest first-seen first")
        XCTAssertEqual(trends.kinds.last?.firstSeen, SampleDiagnoses.at(0.5 * day))
        XCTAssertEqual(trends.kinds.last?.firstWindow, 0)
        XCTAssertEqual(trends.kinds.last?.count, 5)
        XCTAssertEqual(trends.kinds.first?.firstWindow, 1)
    }

    func testRisingNeedsTheNewestAboveTheEarlierMeanAndAnUpwardSlope() {
        XCTAssertTrue(SummaryTrends.isRising([0, 0, 0, 1]))
        XCTAssertTrue(SummaryTrends.isRising([1, 2, 3]))
        XCTAssertFalse(SummaryTrends.isRising([3, 3, 3]), "a plateau")
        XCTAssertFalse(SummaryTrends.isRising([5, 5, 0, 4]), "below the earlier mean is not rising")
        XCTAssertFalse(SummaryTrends.isRising([9, 0, 0, 0, 2]), "above the mean, but the line slopes down")
        XCTAssertFalse(SummaryTrends.isRising([4]))
    }
}
