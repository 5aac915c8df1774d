import Foundation
@testable import report
import XCTest

final class TimeWindowTests: XCTestCase {
    /// `--since` whose window (or the one before it) would start before 1970 is a usage error, not a trap.
    func testSinceReachingBefore1970IsRefused() {
        let now = Date(timeIntervalSince1970: 1_709_719_200)
        for since in ["99999999999999999999d", "999999999999d", "3000w"] {
            XCTAssertEqual(TimeWindow.resolve(since: since, start: nil, end: nil, now: now),
                           .failure(.durationTooLong(since)), since)
        }
        if case .failure(let error) = TimeWindow.resolve(since: "52w", start: nil, end: nil, now: now) {
            XCTFail("52w refused: \(error)")
        }
    }

    func testDurations() {
        XCTAssertEqual(TimeWindow.parseDuration("24h"), 86_400)
        XCTAssertEqual(TimeWindow.parseDuration("90m"), 5_400)
        XCTAssertEqual(TimeWindow.parseDuration("7d"), 604_800)
        XCTAssertEqual(TimeWindow.parseDuration("1w"), 604_800)
        XCTAssertNil(TimeWindow.parseDuration("0h"))
        XCTAssertNil(TimeWindow.parseDuration("-1h"))
        XCTAssertNil(TimeWindow.parseDuration("h"))
        XCTAssertNil(TimeWindow.parseDuration("3y"))
    }

    func testTimes() {
        XCTAssertEqual(TimeWindow.parseTime("2024-03-06T10:00:00Z"), SampleDiagnoses.t0)
        XCTAssertEqual(TimeWindow.parseTime("2024-03-06T10:00:00.500Z"), SampleDiagnoses.t0.addingTimeInterval(0.5))
        XCTAssertEqual(TimeWindow.parseTime("2024-03-06"), SampleDiagnoses.t0.addingTimeInterval(-36_000))
        XCTAssertNil(TimeWindow.parseTime("2024-02-30"), "a day February does not have is not rolled into March")
        XCTAssertNil(TimeWindow.parseTime("yesterday"))
    }

    func testPreviousWindowHasTheSameLength() {
        let window = TimeWindow(start: SampleDiagnoses.t0, end: SampleDiagnoses.t0.addingTimeInterval(3600))
        XCTAssertEqual(window.previous, TimeWindow(start: SampleDiagnoses.t0.addingTimeInterval(-3600), end: SampleDiagnoses.t0))
        XCTAssertTrue(window.contains(SampleDiagnoses.t0))
        XCTAssertFalse(window.contains(window.end))
    }

    func testBoundedWorkKeepsOrderAndTheBound() {
        let lock = NSLock()
        var running = 0, peak = 0
        let results = BoundedWork.map(Array(0..<40), limit: 4) { value -> Int in
            lock.lock(); running += 1; peak = max(peak, running); lock.unlock()
            Thread.sleep(forTimeInterval: 0.002)
            lock.lock(); running -= 1; lock.unlock()
            return value * 2
        }
        XCTAssertEqual(results, (0..<40).map { $0 * 2 })
        XCTAssertLessThanOrEqual(peak, 4)
        XCTAssertGreaterThan(peak, 0)
    }
}
