@testable import Analyze
import XCTest

/// `RequiredLiteral` reads only a pattern's top level, and gives no run whenever it is unsure: a run it gives must
/// be in every line the pattern matches.
final class RequiredLiteralTests: XCTestCase {
    private func run(_ pattern: String, caseInsensitive: Bool = false) -> String? {
        RequiredLiteral.of(pattern, caseInsensitive: caseInsensitive).map { String(decoding: $0.bytes, as: UTF8.self) }
    }

    func testTheLongestTopLevelRunIsRequired() {
        XCTAssertEqual(run(#"(?<code>\d{3}) synthetic-never-7\b"#), " synthetic-never-7")
        XCTAssertEqual(run(#"denied: User: (?<arn>arn:aws:\S+) is not authorized to perform: ecr:\w+"#), " is not authorized to perform: ecr:")
        XCTAssertEqual(run(#"exit status \d+"#), "exit status ")
        XCTAssertEqual(run(#"no space left\.? on device"#), "no space left")
        XCTAssertEqual(run(#"abc+defg"#), "defg")
        XCTAssertEqual(run(#"x{2,}yyyyy"#), "yyyyy")
        XCTAssertEqual(run(#"[)(|]{1,3} literal part"#), " literal part")
    }

    func testOptionalAtomsAreNotPartOfTheRun() {
        XCTAssertEqual(run("errors?"), "error")
        XCTAssertEqual(run("colou?r scheme"), "r scheme")
        XCTAssertNil(run("abcd*"), "`abc` is too short")
        XCTAssertEqual(run(#"timed\.?out"#), "timed")
    }

    func testCaseModeComesFromTheRuleOrALeadingFlag() {
        XCTAssertEqual(RequiredLiteral.of("(?i)toomanyrequests", caseInsensitive: false)?.caseless, true)
        XCTAssertEqual(RequiredLiteral.of("toomanyrequests", caseInsensitive: true)?.caseless, true)
        XCTAssertEqual(RequiredLiteral.of("toomanyrequests", caseInsensitive: false)?.caseless, false)
    }

    func testWhatItDoesNotUnderstandGivesNoRun() {
        XCTAssertNil(run("alpha beta|gamma delta"), "top-level alternation")
        XCTAssertNil(run("(?x) spaced pattern"), "extended mode")
        XCTAssertNil(run("prefix (?i)caseless tail"), "a flag later in the pattern")
        XCTAssertNil(run(#"\x41BCDEF"#), "numeric escape")
        XCTAssertNil(run(#"\QABCDEF\E"#), "quoted run")
        XCTAssertNil(run(#"\p{L}+ words"#), "property escape")
        XCTAssertNil(run("café crème"), "non-ASCII")
        XCTAssertNil(run("unbalanced (group"), "unbalanced")
        XCTAssertNil(run("(only inside a group)"), "group contents may be optional")
        XCTAssertNil(run("ab"), "too short")
    }

    /// Over the built-in catalog: each rule's run must be in every line of its triggering examples its regex matches.
    func testEveryBuiltinRulesRunIsInEveryLineItsRegexMatches() throws {
        var checked = 0
        for rule in RuleSet.builtinRules {
            guard let pattern = rule.regex,
                  let run = RequiredLiteral.of(pattern, caseInsensitive: rule.caseInsensitive) else { continue }
            let regex = try LinearRegex(pattern, caseInsensitive: rule.caseInsensitive)
            let scratch = MatchScratch()
            let lines = rule.triggering.flatMap { example in
                example.split(separator: "\n").map { line in
                    line.hasPrefix(RuleExampleRunner.marker + " ") ? String(line.dropFirst(2)) : String(line)
                }
            }
            for line in lines where line.allSatisfy(\.isASCII) {
                var text = line
                guard text.withUTF8({ regex.matches($0, scratch: scratch) }) else { continue }
                let found = Array(line.utf8).withUnsafeBufferPointer {
                    naiveContains($0, run.bytes, caseInsensitive: run.caseless)
                }
                XCTAssertTrue(found, "\(rule.id): `\(String(decoding: run.bytes, as: UTF8.self))` not in `\(line)`")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 50)
    }
}
