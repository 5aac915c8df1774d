@testable import report
import Fetch
import XCTest

/// `--api-rate OPERATION=N` and `CBTRIAGE_API_RATES`.
final class APIRateSettingTests: XCTestCase {
    func testAcceptedForms() throws {
        XCTAssertEqual(try APIRateSetting.parse("GetLogEvents=10"), APIRateSetting(operation: "GetLogEvents", perSecond: 10))
        XCTAssertEqual(try APIRateSetting.parse(" FilterLogEvents = 2.5 "), APIRateSetting(operation: "FilterLogEvents", perSecond: 2.5))
        XCTAssertEqual(try APIRateSetting.parse("BatchGetBuilds=off"), APIRateSetting(operation: "BatchGetBuilds", perSecond: nil))
        XCTAssertEqual(try APIRateSetting.parse("BatchGetBuilds=0"), APIRateSetting(operation: "BatchGetBuilds", perSecond: nil))
    }

    func testRefusedFormsSayWhatIsAccepted() {
        for bad in ["GetLogEvents", "=3", "GetLogEvents=", "GetLogEvents=x", "GetLogEvents=-2", "GetLogEvents=nan",
                    "GetLogEvents=inf", "GetLogEvents=10001", "Get Log=3", "logs:GetLogEvents=3"] {
            XCTAssertThrowsError(try APIRateSetting.parse(bad), bad) { error in
                XCTAssertTrue("\(error)".contains("OPERATION=N"), "\(bad): \(error)")
            }
        }
    }

    func testFlagsComeAfterTheEnvironmentSoTheyWin() throws {
        let settings = try APIRateSetting.resolve(flags: ["GetLogEvents=3"],
                                                  environment: ["CBTRIAGE_API_RATES": "GetLogEvents=7, FilterLogEvents=1,"])
        XCTAssertEqual(settings.map(\.operation), ["GetLogEvents", "FilterLogEvents", "GetLogEvents"])
        let limits = APIRateLimits()
        APIRateSetting.apply(settings, to: limits)
        XCTAssertEqual(limits.quota(operation: "GetLogEvents"), 3)
        XCTAssertEqual(limits.quota(operation: "FilterLogEvents"), 1)
    }
}
