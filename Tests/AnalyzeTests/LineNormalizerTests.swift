@testable import Analyze
import XCTest

/// What two runs of one build print differently for no reason normalises to the same text; a real change does not.
final class LineNormalizerTests: XCTestCase {
    func testEachKindOfRunToRunNoiseBecomesAPlaceholder() {
        let cases: [(String, String)] = [
            ("2024-09-10T13:20:15.252Z pushed", "<time> pushed"),
            ("at 13:20:15.252129 done", "at <time> done"),
            ("Build completed on Mon Mar 11 12:01:19 UTC 2024", "Build completed on <date> <date> # <time> UTC #"),
            ("request 3f2b8c1e-9a4d-4e2b-8f1a-0c9d2e3f4a5b failed", "request <uuid> failed"),
            ("commit 3f9c2ab pushed", "commit <hex> pushed"),
            ("4abcf2066143: Pushed", "<hex>: Pushed"),
            ("pointer 0x7ffd1234", "pointer <hex>"),
            ("changed 17 packages in 5s", "changed # packages in <dur>"),
            ("took 1m30.5s", "took <dur>"),
            ("took 350ms", "took <dur>"),
            ("in 12.5 seconds", "in <dur>"),
            ("cd /codebuild/output/src123456/src/github.com/acme/app", "cd /codebuild/output/<src>/src/github.com/acme/app"),
            ("Tests:   41 passed,    41 total", "Tests: # passed, # total"),
            ("   indented", "indented"),
        ]
        for (input, expected) in cases {
            XCTAssertEqual(LineNormalizer.normalized(input), expected, input)
        }
    }

    func testDigitsInsideAWordAreARealDifference() {
        XCTAssertEqual(LineNormalizer.normalized("Selecting nodejs runtime node18"), "Selecting nodejs runtime node18")
        XCTAssertNotEqual(LineNormalizer.hash("using python3.11"), LineNormalizer.hash("using python2.11"))
        XCTAssertNotEqual(LineNormalizer.hash("deadbeef"), LineNormalizer.hash("cafebabe"), "hex words need a digit")
    }

    func testTheHashIsTheFNV1aOfTheNormalisedText() {
        // Fixed, so that a cached index stays valid across processes.
        XCTAssertEqual(LineNormalizer.hash(""), 0xcbf2_9ce4_8422_2325)
        XCTAssertEqual(LineNormalizer.hash("a"), 0xaf63_dc4c_8601_ec8c)
        XCTAssertEqual(LineNormalizer.hash("took 5s"), LineNormalizer.hash("took  17s"))
    }
}
