import XCTest
@testable import Fetch

final class ConfigINIParserTests: XCTestCase {
    func testSectionsKeysCommentsAndNestedSubsections() throws {
        let text = """
        # a comment
        ; another comment
        [default]
        region = us-east-1
        Output: json
        s3 =
          max_concurrent_requests = 10
          addressing_style = path
        cli_pager =   less   # trailing comment
        tag = a#b

        [profile dev]
        role_arn = arn:aws:iam::123456789012:role/dev
        """
        let document = try INIParser.parse(text, path: "config")
        XCTAssertEqual(document.sections.map(\.name), ["default", "profile dev"])
        let defaults = try XCTUnwrap(document.section(named: "default"))
        XCTAssertEqual(defaults.line, 3)
        XCTAssertEqual(defaults.values["region"], "us-east-1")
        XCTAssertEqual(defaults.values["output"], "json", "keys are lower-cased, ':' separates too")
        XCTAssertEqual(defaults.values["cli_pager"], "less")
        XCTAssertEqual(defaults.values["tag"], "a#b", "a # not after white space is part of the value")
        XCTAssertNil(defaults.values["s3"])
        XCTAssertEqual(defaults.nested["s3"], ["max_concurrent_requests": "10", "addressing_style": "path"])
        XCTAssertEqual(document.section(named: "profile dev")?.values["role_arn"], "arn:aws:iam::123456789012:role/dev")
    }

    func testCRLFContinuationAndRepeatedSections() throws {
        let text = "[a]\r\nkey = one\r\n  two\r\n[b]\r\nx = 1\r\n[a]\r\ny = 2\r\n"
        let document = try INIParser.parse(text, path: "config")
        XCTAssertEqual(document.sections.map(\.name), ["a", "b"])
        XCTAssertEqual(document.section(named: "a")?.values, ["key": "one\ntwo", "y": "2"])
    }

    func testErrorsNameFileAndLineButNotValues() {
        let cases: [(String, Int, String)] = [
            ("key = before-any-section", 1, "before any [section]"),
            ("[default]\nregion = x\n[broken\n", 3, "no closing ']'"),
            ("[default]\nthis line has no separator\n", 2, "expected 'key = value'"),
            ("[default]\n = SECRETMARKERsecretKEY0123456789\n", 2, "no name"),
            ("[]\n", 1, "empty section name"),
            ("[default] region = us-east-1\n", 1, "unexpected text after the section header"),
        ]
        for (text, line, reason) in cases {
            let message = credentialErrorMessage { _ = try INIParser.parse(text, path: "/home/u/.aws/config") }
            XCTAssertTrue(message.hasPrefix("/home/u/.aws/config:\(line): "), message)
            XCTAssertTrue(message.contains(reason), message)
        }
    }

    func testCommentAfterASectionHeader() throws {
        let document = try INIParser.parse("[profile dev] # team account\nregion = eu-west-1\n[default];x\n", path: "c")
        XCTAssertEqual(document.sections.map(\.name), ["profile dev", "default"])
    }

    func testIndentedSettingRightAfterAHeaderIsASetting() throws {
        let document = try INIParser.parse("[default]\n  region = us-east-1\n", path: "c")
        XCTAssertEqual(document.section(named: "default")?.values, ["region": "us-east-1"])
    }
}
