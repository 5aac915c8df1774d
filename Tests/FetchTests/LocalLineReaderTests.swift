@testable import Fetch
import Foundation
import XCTest

final class LocalLineReaderTests: XCTestCase {
    private var scratch = ""

    override func setUpWithError() throws {
        scratch = try makeScratchDirectory()
    }

    override func tearDown() {
        removeScratch(scratch)
    }

    func testLinesCrossingBlockBoundariesForEveryTinyBlockSize() throws {
        let content = Array("alpha\nbeta\r\ngamma\rdelta\n\nlast".utf8)
        let path = try writeFile(scratch + "/mixed.log", content)
        for blockSize in [1, 2, 3, 5, 7, 64, 4096] {
            let result = try readAll(LocalLogSource(path: path, options: LineReaderOptions(blockSize: blockSize)))
            XCTAssertEqual(result.texts, ["alpha", "beta", "gamma\rdelta", "", "last"], "block size \(blockSize)")
            XCTAssertEqual(result.numbers, [1, 2, 3, 4, 5])
            XCTAssertEqual(result.outcome?.linesRead, 5)
            XCTAssertEqual(result.outcome?.bytesRead, Int64(content.count))
            XCTAssertEqual(result.outcome?.completeness, .complete)
        }
    }

    func testCRLFSplitAcrossBlocksIsStripped() throws {
        let path = try writeFile(scratch + "/crlf.log", Array("ab\r\ncd\r\n".utf8))
        // Block size 3 puts the \r of the first line at a block's end and its \n in the next.
        let result = try readAll(LocalLogSource(path: path, options: LineReaderOptions(blockSize: 3)))
        XCTAssertEqual(result.texts, ["ab", "cd"])
    }

    func testEmptyInputHasNoLines() throws {
        let path = try writeFile(scratch + "/empty.log", [])
        let result = try readAll(LocalLogSource(path: path))
        XCTAssertEqual(result.texts, [])
        XCTAssertEqual(result.outcome, ReadOutcome(shape: .raw, completeness: .complete, bytesRead: 0, linesRead: 0))
    }

    func testSingleNewlineIsOneEmptyLine() throws {
        let path = try writeFile(scratch + "/newline.log", [0x0A])
        XCTAssertEqual(try readAll(LocalLogSource(path: path)).texts, [""])
    }

    func testLastLineWithoutNewlineIsKept() throws {
        let path = try writeFile(scratch + "/tail.log", Array("one\ntwo".utf8))
        XCTAssertEqual(try readAll(LocalLogSource(path: path, options: LineReaderOptions(blockSize: 2))).texts, ["one", "two"])
    }

    func testInvalidUTF8IsReplacedNotFatal() throws {
        let path = try writeFile(scratch + "/binary.log", [0x41, 0xFF, 0xFE, 0x42, 0x0A, 0xC3, 0x0A])
        let result = try readAll(LocalLogSource(path: path, options: LineReaderOptions(blockSize: 1)))
        XCTAssertEqual(result.texts, ["A\u{FFFD}\u{FFFD}B", "\u{FFFD}"])
    }

    func testLongLinesKeepTheirPrefixAndAreMarkedCut() throws {
        let long = String(repeating: "x", count: 25) + "TAIL"
        let content = Array("\(long)\nshort\n0123456789\n\(long)".utf8)
        let path = try writeFile(scratch + "/long.log", content)
        for blockSize in [1, 4, 10, 1024] {
            let options = LineReaderOptions(blockSize: blockSize, maxLineLength: 10)
            let result = try readAll(LocalLogSource(path: path, options: options))
            XCTAssertEqual(result.texts, ["xxxxxxxxxx", "short", "0123456789", "xxxxxxxxxx"], "block size \(blockSize)")
            XCTAssertEqual(result.cuts, [true, false, false, true], "block size \(blockSize)")
            XCTAssertEqual(result.numbers, [1, 2, 3, 4])
        }
    }

    func testHugeLineUsesBoundedBuffer() throws {
        // 3 MB without a newline, then a normal line: memory stays at maxLineLength + blockSize.
        var content = [UInt8](repeating: 0x61, count: 3_000_000)
        content += Array("\nafter\n".utf8)
        let path = try writeFile(scratch + "/huge.log", content)
        let result = try readAll(LocalLogSource(path: path, options: LineReaderOptions(blockSize: 4096, maxLineLength: 1000)))
        XCTAssertEqual(result.texts.count, 2)
        XCTAssertEqual(result.texts.first?.count, 1000)
        XCTAssertEqual(result.cuts, [true, false])
        XCTAssertEqual(result.texts.last, "after")
    }

    func testMissingFileIsNotFound() {
        let path = scratch + "/missing.log"
        XCTAssertThrowsError(try readAll(LocalLogSource(path: path))) { error in
            XCTAssertEqual(error as? LocalInputError, .notFound(path: path))
            XCTAssertEqual((error as? UserFacingError)?.userMessage, "\(path): no such file or directory")
        }
    }

    func testDirectoryIsNotAFileSource() {
        XCTAssertThrowsError(try readAll(LocalLogSource(path: scratch))) { error in
            XCTAssertEqual(error as? LocalInputError, .isDirectory(path: scratch))
        }
    }

    func testErrorMessagesAreOneLineNamingThePath() {
        let errors: [LocalInputError] = [
            .notFound(path: "a.log"), .permissionDenied(path: "a.log"), .directoryHasNoLogs(path: "logs"),
            .isDirectory(path: "logs"), .notAFile(path: "a.sock"), .openFailed(path: "a.log", reason: "Too many open files"),
            .readFailed(path: "a.log", reason: "Input/output error"), .listFailed(path: "logs", reason: "x"),
        ]
        for error in errors {
            XCTAssertFalse(error.userMessage.contains("\n"))
            XCTAssertTrue(error.userMessage.hasPrefix("a.log:") || error.userMessage.hasPrefix("logs:")
                || error.userMessage.hasPrefix("a.sock:"), error.userMessage)
        }
    }
}

/// Permission errors are checked through the errno mapping: the tests may run as root, for whom
/// `chmod 000` denies nothing, and a skip would fail CI.
final class LocalInputErrorMappingTests: XCTestCase {
    func testOpenErrnoMapsToTheCaseUsersUnderstand() {
        XCTAssertEqual(LocalInputError.fromOpen(errno: ENOENT, path: "p"), .notFound(path: "p"))
        XCTAssertEqual(LocalInputError.fromOpen(errno: EACCES, path: "p"), .permissionDenied(path: "p"))
        XCTAssertEqual(LocalInputError.fromOpen(errno: EISDIR, path: "p"), .isDirectory(path: "p"))
        XCTAssertEqual(LocalInputError.fromOpen(errno: EMFILE, path: "p"), .openFailed(path: "p", reason: "Too many open files"))
    }
}
