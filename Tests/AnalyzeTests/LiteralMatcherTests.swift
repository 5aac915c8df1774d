@testable import Analyze
import XCTest

final class LiteralMatcherTests: XCTestCase {
    private func found(_ matcher: LiteralMatcher, in text: String) -> Set<Int> {
        var values = Set<Int>()
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { buffer in matcher.scan(buffer) { values.insert($0) } }
        return values
    }

    func testFindsOverlappingAndNestedLiterals() {
        let matcher = LiteralMatcher(patterns: [
            .init("he", caseInsensitive: false, value: 1), .init("she", caseInsensitive: false, value: 2),
            .init("his", caseInsensitive: false, value: 3), .init("hers", caseInsensitive: false, value: 4),
        ])
        XCTAssertEqual(found(matcher, in: "ushers"), [1, 2, 4])
        XCTAssertEqual(found(matcher, in: "this"), [3])
        XCTAssertEqual(found(matcher, in: "nothing"), [])
    }

    func testCaseInsensitiveLiteralsFoldASCIIAndSensitiveOnesStayExact() {
        let matcher = LiteralMatcher(patterns: [
            .init("No Space Left", caseInsensitive: true, value: 1),
            .init("ERROR", caseInsensitive: false, value: 2),
        ])
        XCTAssertEqual(found(matcher, in: "write: no space left on device"), [1])
        XCTAssertEqual(found(matcher, in: "an error happened"), [])
        XCTAssertEqual(found(matcher, in: "an ERROR happened"), [2])
        XCTAssertEqual(found(matcher, in: "NO SPACE LEFT and ERROR"), [1, 2])
    }

    func testAgreesWithNaiveSearchOnRandomInput() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("abAB c-")
        func word(_ length: Int) -> String { String((0..<length).map { _ in alphabet.randomElement(using: &generator) ?? "a" }) }
        let patterns = (0..<30).map { LiteralMatcher.Pattern(word(Int.random(in: 1...4)), caseInsensitive: $0 % 2 == 0, value: $0) }
        let matcher = LiteralMatcher(patterns: patterns)
        for _ in 0..<300 {
            let text = word(Int.random(in: 0...40))
            var expected = Set<Int>()
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { buffer in
                for pattern in patterns where naiveContains(buffer, pattern.bytes, caseInsensitive: pattern.caseInsensitive) {
                    expected.insert(pattern.value)
                }
            }
            XCTAssertEqual(found(matcher, in: text), expected, "text: \(text)")
        }
    }

    func testNonASCIIBytesPassThrough() {
        let matcher = LiteralMatcher(patterns: [.init("✗ failed", caseInsensitive: true, value: 7)])
        XCTAssertEqual(found(matcher, in: "test ✗ FAILED here"), [7])
        XCTAssertEqual(found(matcher, in: "test ✓ passed"), [])
    }
}
