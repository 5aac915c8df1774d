import CGlibcCompat
import Foundation
@testable import report
import XCTest

/// The executable's own hypot/hypotf and condition_variable::wait (Sources/CGlibcCompat) forward to glibc's first versions: they must give
/// glibc's answers, and not call themselves.
final class GlibcCompatTests: XCTestCase {
    func testHypotGivesGlibcsAnswers() {
        XCTAssertEqual(hypot(3.0, 4.0), 5.0)
        XCTAssertEqual(hypotf(5, 12), 13)
        XCTAssertEqual(hypot(1e308, 1e308), 1.4142135623730951e308, accuracy: 1e293)
        XCTAssertTrue(hypot(Double.infinity, Double.nan).isInfinite)
    }

    func testConditionVariableWaitForwardsAndWakes() {
        XCTAssertEqual(cbt_condition_variable_probe(), 1)
    }
}
