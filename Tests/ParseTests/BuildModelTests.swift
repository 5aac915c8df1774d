import Parse
import XCTest

final class BuildModelTests: XCTestCase {
    func testPhaseDurationNeedsBothEnds() {
        var phase = Phase(name: "BUILD")
        XCTAssertNil(phase.duration)
        phase.startTime = .init(timeIntervalSince1970: 100)
        phase.endTime = .init(timeIntervalSince1970: 112.5)
        XCTAssertEqual(phase.duration, 12.5)
    }
}
