import Fetch
import Foundation
import XCTest

final class CloudWatchLogTimeBoundTests: XCTestCase {
    private let now = Date(timeIntervalSince1970: 1_710_000_000)

    func testAgesAndTimesOutsideTheEpochAreErrorsNotTraps() {
        let now = Date(timeIntervalSince1970: 1_709_719_200)
        for text in ["999999999999999d", "9999999999999999w", "100000w"] {
            XCTAssertThrowsError(try LogTimeBound.millis(from: text, now: now), text) { error in
                XCTAssertEqual(error as? LogTimeBoundError, LogTimeBoundError(text: text, outOfRange: true))
            }
        }
        XCTAssertEqual(try LogTimeBound.millis(from: "1d", now: now), 1_709_632_800_000)
    }

    func testRelativeAgesCountBackFromNow() throws {
        XCTAssertEqual(try LogTimeBound.millis(from: "90s", now: now), 1_709_999_910_000)
        XCTAssertEqual(try LogTimeBound.millis(from: "30m", now: now), 1_709_998_200_000)
        XCTAssertEqual(try LogTimeBound.millis(from: "2h", now: now), 1_709_992_800_000)
        XCTAssertEqual(try LogTimeBound.millis(from: "1d", now: now), 1_709_913_600_000)
        XCTAssertEqual(try LogTimeBound.millis(from: "1w", now: now), 1_709_395_200_000)
    }

    func testISO8601Forms() throws {
        XCTAssertEqual(try LogTimeBound.millis(from: "2024-03-06T10:00:00Z", now: now), 1_709_719_200_000)
        XCTAssertEqual(try LogTimeBound.millis(from: "2024-03-06T10:00:00.250Z", now: now), 1_709_719_200_250)
        XCTAssertEqual(try LogTimeBound.millis(from: "2024-03-06T12:00:00+02:00", now: now), 1_709_719_200_000)
        XCTAssertEqual(try LogTimeBound.millis(from: "2024-03-06", now: now), 1_709_683_200_000)
        XCTAssertEqual(try LogTimeBound.millis(from: "2024-02-29", now: now), 1_709_164_800_000, "a leap day exists")
    }

    func testAnythingElseIsAUserFacingError() {
        for text in ["", "yesterday", "2h30m", "-5m", "5x", "2024-13-40", "2024-02-30", "2023-02-29", "2024-04-31T10:00:00Z"] {
            XCTAssertThrowsError(try LogTimeBound.millis(from: text, now: now), text) { error in
                XCTAssertEqual(error as? LogTimeBoundError, LogTimeBoundError(text: text))
            }
        }
    }
}
