@testable import Fetch
import Foundation
import XCTest

final class LocalShapeTests: XCTestCase {
    private var scratch = ""

    override func setUpWithError() throws {
        scratch = try makeScratchDirectory()
    }

    override func tearDown() {
        removeScratch(scratch)
    }

    /// 2024-03-06T10:00:03.123Z in milliseconds since the epoch.
    private let march6 = Int64(1_709_719_203_123)

    func testRawLogIsRaw() throws {
        let path = try writeFile(scratch + "/raw.log", Array("[Container] 2024/03/06 10:00:03.123456 Entering phase BUILD\n".utf8))
        let result = try readAll(LocalLogSource(path: path))
        XCTAssertEqual(result.outcome?.shape, .raw)
        XCTAssertEqual(result.timestamps, [nil])
    }

    func testExportLinesLoseTheirTimestampIntoTimestampMillis() throws {
        let text = """
        2024-03-06T10:00:03.123Z [Container] 2024/03/06 10:00:03.123456 Entering phase BUILD
        2024-03-06T10:00:04.5Z npm ERR! code E404
        continuation of a multi-line event
        2024-03-06T10:00:05Z
        """
        let path = try writeFile(scratch + "/export.txt", Array(text.utf8))
        for blockSize in [1, 9, 4096] {
            let result = try readAll(LocalLogSource(path: path, options: LineReaderOptions(blockSize: blockSize)))
            XCTAssertEqual(result.outcome?.shape, .cloudwatchExport)
            XCTAssertEqual(result.texts, ["[Container] 2024/03/06 10:00:03.123456 Entering phase BUILD", "npm ERR! code E404",
                                          "continuation of a multi-line event", ""])
            XCTAssertEqual(result.timestamps, [march6, march6 + 1377, nil, march6 + 1877])
        }
    }

    func testGzippedExportIsStillAnExport() throws {
        let path = try writeFile(scratch + "/000000.gz", systemGzip(Array("2024-03-06T10:00:03.123Z hello\n".utf8)))
        let result = try readAll(LocalLogSource(path: path))
        XCTAssertEqual(result.outcome?.shape, .cloudwatchExport)
        XCTAssertEqual(result.texts, ["hello"])
        XCTAssertEqual(result.timestamps, [march6])
    }

    func testExportTimestampParsing() {
        func parse(_ text: String) -> (Int64, Int)? {
            let bytes = Array(text.utf8)
            return bytes.withUnsafeBufferPointer { ExportTimestamp.parse($0).map { ($0.millis, $0.length) } }
        }
        XCTAssertEqual(parse("1970-01-01T00:00:00.000Z x")?.0, 0)
        XCTAssertEqual(parse("2000-02-29T12:00:00.001Z x")?.0, 951_825_600_001)
        XCTAssertEqual(parse("2024-03-06T10:00:03.123456789Z x")?.0, march6)
        XCTAssertEqual(parse("2024-03-06T10:00:03.123Z message")?.1, 25)
        XCTAssertNil(parse("2024-03-06 10:00:03.123Z x"))
        XCTAssertNil(parse("2024-13-06T10:00:03.123Z x"))
        XCTAssertNil(parse("2024-03-06T10:00:03.123+01:00 x"))
        XCTAssertNil(parse("[Container] 2024/03/06 10:00:03"))
    }

    private let getLogEvents = #"""
    {
        "events": [
            {
                "timestamp": 1709719203123,
                "message": "[Container] 2024/03/06 10:00:03.123456 Running command npm ci\n",
                "ingestionTime": 1709719204000
            },
            {
                "timestamp": 1709719203200,
                "message": "tab\there \"quoted\" back\\slash \/ caf\u00e9 \ud83d\ude00\r\n",
                "ingestionTime": 1709719204000
            },
            {
                "message": "first\nsecond\n\nfourth",
                "timestamp": 1709719203300,
                "ingestionTime": 1709719204000
            },
            {
                "timestamp": 1709719203400,
                "message": "\n",
                "ingestionTime": 1709719204000
            }
        ],
        "nextForwardToken": "f/3797",
        "nextBackwardToken": "b/3796"
    }
    """#

    func testGetLogEventsJSONIsDecodedIntoLines() throws {
        let path = try writeFile(scratch + "/events.json", Array(getLogEvents.utf8))
        for blockSize in [1, 2, 3, 17, 65536] {
            let result = try readAll(LocalLogSource(path: path, options: LineReaderOptions(blockSize: blockSize)))
            XCTAssertEqual(result.outcome?.shape, .logEventsJSON, "block \(blockSize)")
            XCTAssertEqual(result.outcome?.completeness, .complete, "block \(blockSize)")
            XCTAssertEqual(result.texts, [
                "[Container] 2024/03/06 10:00:03.123456 Running command npm ci",
                "tab\there \"quoted\" back\\slash / café 😀",
                "first", "second", "", "fourth",
                "",
            ], "block \(blockSize)")
            XCTAssertEqual(result.timestamps, [march6, march6 + 77, march6 + 177, march6 + 177, march6 + 177,
                                               march6 + 177, march6 + 277])
            XCTAssertEqual(result.numbers, Array(1...7))
        }
    }

    func testFilterLogEventsCompactAndBareArray() throws {
        let compact = #"{"searchedLogStreams":[{"logStreamName":"s","searchedCompletely":true}],"events":[{"logStreamName":"s","timestamp":5,"message":"a","ingestionTime":6,"eventId":"1"}]}"#
        let bare = #"[{"timestamp":5,"message":"a"},{"timestamp":6,"message":"b\n"}]"#
        let compactPath = try writeFile(scratch + "/filter.json", Array(compact.utf8))
        let barePath = try writeFile(scratch + "/bare.json", Array(bare.utf8))
        let compactResult = try readAll(LocalLogSource(path: compactPath))
        XCTAssertEqual(compactResult.outcome?.shape, .logEventsJSON)
        XCTAssertEqual(compactResult.texts, ["a"])
        XCTAssertEqual(compactResult.timestamps, [5])
        let bareResult = try readAll(LocalLogSource(path: barePath))
        XCTAssertEqual(bareResult.texts, ["a", "b"])
        XCTAssertEqual(bareResult.timestamps, [5, 6])
    }

    func testPagesSavedOneAfterAnotherAreAllRead() throws {
        let pages = #"{"events":[{"timestamp":1,"message":"p1"}]}"# + "\n" + #"{"events":[{"timestamp":2,"message":"p2"}]}"#
        let path = try writeFile(scratch + "/pages.json", Array(pages.utf8))
        XCTAssertEqual(try readAll(LocalLogSource(path: path)).texts, ["p1", "p2"])
    }

    func testLoneSurrogatesBecomeReplacementCharacters() throws {
        let json = #"{"events":[{"timestamp":1,"message":"a\ud800b\udc00c\ud83d"}]}"#
        let path = try writeFile(scratch + "/surrogates.json", Array(json.utf8))
        XCTAssertEqual(try readAll(LocalLogSource(path: path)).texts, ["a\u{FFFD}b\u{FFFD}c\u{FFFD}"])
    }

    func testTruncatedJSONKeepsEventsReadAndIsPartial() throws {
        let json = #"{"events":[{"timestamp":1,"message":"one\n"},{"timestamp":2,"message":"tw"#
        let path = try writeFile(scratch + "/truncated.json", Array(json.utf8))
        let result = try readAll(LocalLogSource(path: path))
        XCTAssertEqual(result.texts, ["one", "tw"])
        guard case .partial(let reason, _)? = result.outcome?.completeness else {
            return XCTFail("expected partial, got \(String(describing: result.outcome))")
        }
        XCTAssertTrue(reason.hasPrefix("JSON ends unexpectedly"), reason)
    }

    func testMalformedJSONIsPartial() throws {
        let json = #"{"events":[{"timestamp":1,"message":"ok"},{"timestamp":2,"message":"bad" "x"}]}"#
        let path = try writeFile(scratch + "/malformed.json", Array(json.utf8))
        let result = try readAll(LocalLogSource(path: path))
        XCTAssertEqual(result.texts.first, "ok")
        XCTAssertEqual(result.outcome?.completeness.isPartial, true)
    }

    func testLongMessageLinesAreCut() throws {
        let json = #"{"events":[{"timestamp":1,"message":"0123456789abcdef\nshort"}]}"#
        let path = try writeFile(scratch + "/long.json", Array(json.utf8))
        let result = try readAll(LocalLogSource(path: path, options: LineReaderOptions(maxLineLength: 10)))
        XCTAssertEqual(result.texts, ["0123456789", "short"])
        XCTAssertEqual(result.cuts, [true, false])
    }

    func testGzippedJSON() throws {
        let path = try writeFile(scratch + "/events.json.gz", systemGzip(Array(getLogEvents.utf8)))
        let result = try readAll(LocalLogSource(path: path, options: LineReaderOptions(blockSize: 5, inflateChunkSize: 3)))
        XCTAssertEqual(result.outcome?.shape, .logEventsJSON)
        XCTAssertEqual(result.texts.count, 7)
    }
}
