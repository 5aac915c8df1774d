import Foundation
@testable import report
import XCTest

final class FormattingTests: XCTestCase {
    func testISOTimeIsUTCWithMilliseconds() {
        XCTAssertEqual(ISOTime.format(Date(timeIntervalSince1970: 0)), "1970-01-01T00:00:00.000Z")
        XCTAssertEqual(ISOTime.format(Date(timeIntervalSince1970: 1_709_719_203.123)), "2024-03-06T10:00:03.123Z")
        XCTAssertEqual(ISOTime.format(Date(timeIntervalSince1970: 951_782_400)), "2000-02-29T00:00:00.000Z")
        XCTAssertEqual(ISOTime.format(Date(timeIntervalSince1970: -1)), "1969-12-31T23:59:59.000Z")
    }

    /// Absurd dates and durations (a server's `startTime: 1e300`) render without trapping in Int conversions.
    func testAbsurdTimesDoNotTrap() {
        XCTAssertEqual(ISOTime.format(Date(timeIntervalSince1970: 1e300)), "9999-12-31T23:59:59.999Z")
        XCTAssertEqual(ISOTime.format(Date(timeIntervalSince1970: -1e300)), "0001-01-01T00:00:00.000Z")
        XCTAssertNil(Formatting.duration(1e300))
        XCTAssertNil(Formatting.duration(9.3e18))
        XCTAssertEqual(Formatting.duration(7_200), "2h 00m")
    }

    func testDurations() {
        XCTAssertEqual(Formatting.duration(0.4), "400ms")
        XCTAssertEqual(Formatting.duration(42), "42s")
        XCTAssertEqual(Formatting.duration(192), "3m 12s")
        XCTAssertEqual(Formatting.duration(3840), "1h 04m")
        XCTAssertNil(Formatting.duration(nil))
        XCTAssertNil(Formatting.duration(-1))
    }

    func testWrapKeepsWordsAndIndent() {
        let lines = Formatting.wrap("aaa bbb ccc ddd eee fff ggg hhh iii jjj kkk lll", width: 24, indent: "  ")
        XCTAssertEqual(lines, ["  aaa bbb ccc ddd eee", "  fff ggg hhh iii jjj", "  kkk lll"])
    }

    func testPrintableNeutralisesEscapes() {
        XCTAssertEqual(Formatting.printable("a\u{1B}[31mred\tx"), "a?[31mred    x")
    }

    func testJSONEscapingAndNumbers() {
        let value = JSONValue.object([("s", .string("q\"\\\n\u{01}é")), ("d", .double(0.92)), ("i", .double(3)), ("n", .null)])
        XCTAssertEqual(JSONWriter(pretty: false).write(value), #"{"s":"q\"\\\n\u0001é","d":0.92,"i":3,"n":null}"#)
    }

    func testColourDecision() {
        func settings(_ choice: ColorChoice, _ env: [String: String], tty: Bool) -> RenderSettings {
            RenderSettings.resolve(choice: choice, environment: env, stdoutIsTerminal: tty, terminalColumns: tty ? 120 : nil,
                                   contextLines: 2, now: Date())
        }
        XCTAssertTrue(settings(.auto, [:], tty: true).color)
        XCTAssertFalse(settings(.auto, [:], tty: false).color)
        XCTAssertFalse(settings(.auto, ["NO_COLOR": "1"], tty: true).color)
        XCTAssertFalse(settings(.auto, ["NO_COLOR": "1"], tty: true).unicode)
        XCTAssertTrue(settings(.always, ["NO_COLOR": "1"], tty: false).color)
        XCTAssertFalse(settings(.never, [:], tty: true).color)
        XCTAssertEqual(settings(.auto, ["COLUMNS": "80"], tty: true).width, 80)
        XCTAssertEqual(settings(.auto, [:], tty: true).width, 120)
        XCTAssertEqual(settings(.auto, ["COLUMNS": "junk"], tty: false).width, 100)
    }

    func testDumbTerminalsAndNonUTF8LocalesGetASCII() {
        func settings(_ env: [String: String], _ choice: ColorChoice = .auto) -> RenderSettings {
            RenderSettings.resolve(choice: choice, environment: env, stdoutIsTerminal: true, terminalColumns: 120,
                                   contextLines: 2, now: Date())
        }
        let utf8 = ["LANG": "en_US.UTF-8"]
        XCTAssertTrue(settings(utf8).color)
        XCTAssertTrue(settings(utf8).unicode)
        XCTAssertFalse(settings(utf8.merging(["TERM": "dumb"]) { $1 }).color, "TERM=dumb: no colour")
        XCTAssertFalse(settings(utf8.merging(["TERM": "dumb"]) { $1 }).unicode)
        for ascii in [["LANG": "C"], [:], ["LANG": "en_US.ISO-8859-1"], ["LANG": "POSIX"],
                      ["LANG": "en_US.UTF-8", "LC_ALL": "C"], ["LANG": "en_US.UTF-8", "LC_CTYPE": "de_DE.ISO-8859-15@euro"]] {
            XCTAssertFalse(settings(ascii).unicode, "\(ascii): ASCII marks")
            XCTAssertTrue(settings(ascii).color, "\(ascii): colour does not depend on the character set")
        }
        for unicode in [["LC_ALL": "C.UTF-8"], ["LC_CTYPE": "en_GB.utf8"], ["LANG": "sr_RS.UTF-8@latin"], ["LANG": "C", "LC_ALL": "C.utf-8"]] {
            XCTAssertTrue(settings(unicode).unicode, "\(unicode)")
        }
        XCTAssertFalse(settings(["LANG": "C"], .always).unicode, "--color always: colour, but marks follow the locale")
        XCTAssertTrue(settings(["LANG": "C"], .always).color)
    }

    func testMarkdownFenceOutgrowsBackticksInTheLog() {
        XCTAssertEqual(MarkdownRenderer.fence(for: "plain"), "```")
        XCTAssertEqual(MarkdownRenderer.fence(for: "a ```` b"), "`````")
    }
}
