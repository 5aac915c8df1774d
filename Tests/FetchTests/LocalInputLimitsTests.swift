@testable import Fetch
import Foundation
import XCTest

/// `--max-bytes`/`--max-lines`, foreign compressed formats and the byte order mark, at the reader.
final class LocalInputLimitsTests: XCTestCase {
    private var scratch = ""

    override func setUpWithError() throws {
        scratch = try makeScratchDirectory()
    }

    override func tearDown() {
        removeScratch(scratch)
    }

    private func read(_ bytes: [UInt8], limits: InputLimits) throws -> ReadResult {
        let path = try writeFile(scratch + "/input.log", bytes)
        return try readAll(LocalLogSource(path: path, options: LineReaderOptions(blockSize: 7, limits: limits)))
    }

    func testLineLimitStopsWithAPartialResultThatSaysSo() throws {
        let result = try read(Array("a\nb\nc\nd\n".utf8), limits: InputLimits(maxBytes: nil, maxLines: 2))
        XCTAssertEqual(result.texts, ["a", "b"])
        XCTAssertEqual(result.outcome?.completeness,
                       .partial(reason: "stopped after 2 lines (--max-lines); the rest was not read", byteOffset: nil))
    }

    func testInputExactlyAtTheLimitsIsComplete() throws {
        let text = Array("a\nb\n".utf8)
        XCTAssertEqual(try read(text, limits: InputLimits(maxBytes: 4, maxLines: 2)).outcome?.completeness, .complete)
        let cut = try read(text + Array("c".utf8), limits: InputLimits(maxBytes: 4, maxLines: nil))
        XCTAssertEqual(cut.texts, ["a", "b"])
        XCTAssertEqual(cut.outcome?.completeness,
                       .partial(reason: "stopped after 4 bytes (--max-bytes); the rest was not read", byteOffset: nil))
    }

    /// A named plain file is not limited by default: only its compressed form could surprise anyone.
    func testNamedFileLimitsApplyOnlyWhenCompressed() throws {
        let limits = InputLimits(maxBytes: nil, maxLines: 1, appliesToPlainInput: false)
        XCTAssertEqual(try read(Array("a\nb\n".utf8), limits: limits).texts, ["a", "b"])
        // gzip.compress(b"a\nb\n", mtime=0)
        let gzip: [UInt8] = [31, 139, 8, 0, 0, 0, 0, 0, 2, 3, 75, 228, 74, 226, 2, 0, 151, 42, 87, 24, 4, 0, 0, 0]
        let compressed = try read(gzip, limits: limits)
        XCTAssertEqual(compressed.texts, ["a"])
        XCTAssertTrue(compressed.outcome?.completeness.isPartial ?? false)
    }

    /// The inflate thread is still reading ahead when the line limit stops the reader: the outcome (bytes
    /// read, completeness) must come from what the reader was handed, not from the thread's moving state
    /// (ThreadSanitizer in `make test-sanitize` runs this class).
    func testLineLimitInsideGzipWhileTheInflateThreadReadsAhead() throws {
        let lines = numberedLines(5_000)
        let gzip = try GzipCompression.compress(joinedLines(lines))
        let path = try writeFile(scratch + "/big.log.gz", gzip)
        let options = LineReaderOptions(blockSize: 64, inflateChunkSize: 16,
                                        limits: InputLimits(maxBytes: nil, maxLines: 3))
        for _ in 0..<20 {
            let result = try readAll(LocalLogSource(path: path, options: options))
            XCTAssertEqual(result.texts, Array(lines.prefix(3)))
            XCTAssertEqual(result.outcome?.completeness,
                           .partial(reason: "stopped after 3 lines (--max-lines); the rest was not read", byteOffset: nil))
            let bytesRead = try XCTUnwrap(result.outcome?.bytesRead)
            XCTAssertGreaterThan(bytesRead, 0)
            XCTAssertLessThan(bytesRead, Int64(gzip.count), "the rest of the file was not read")
        }
    }

    func testForeignFormatsAreNamedAndTextThatLooksAlikeIsNot() throws {
        XCTAssertThrowsError(try read([0x28, 0xB5, 0x2F, 0xFD, 0x00], limits: .unlimited)) { error in
            XCTAssertEqual((error as? LocalInputError)?.userMessage.hasSuffix("is zstd-compressed, which cbtriage does not read; decompress it first (zstd -d)"), true)
        }
        // Text that starts like a zlib header or bzip2's "BZh" but goes on as text stays a log.
        for text in ["x^2 + 1 = 0, error: boom\n", "BZh9 is not a bzip2 file\n", "PK is a primary key\n"] {
            XCTAssertEqual(try read(Array(text.utf8), limits: .unlimited).texts.count, 1, text)
        }
    }

    func testByteOrderMarkBeforeLogEventsJSONIsNotContent() throws {
        let json = #"{"events": [{"timestamp": 1709719200000, "message": "one"}, {"timestamp": 1709719200001, "message": "two"}]}"#
        let result = try read([0xEF, 0xBB, 0xBF] + Array(json.utf8), limits: .unlimited)
        XCTAssertEqual(result.outcome?.shape, .logEventsJSON)
        XCTAssertEqual(result.texts, ["one", "two"])
        XCTAssertEqual(try read([0xEF, 0xBB, 0xBF] + Array("raw line\n".utf8), limits: .unlimited).texts, ["raw line"])
    }
}
