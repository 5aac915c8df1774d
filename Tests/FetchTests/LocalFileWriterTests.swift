@testable import Fetch
import Foundation
import XCTest

final class LocalFileWriterTests: XCTestCase {
    private var scratch = ""

    override func setUpWithError() throws {
        scratch = try makeScratchDirectory()
    }

    override func tearDown() {
        removeScratch(scratch)
    }

    private func entries() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: scratch).sorted()
    }

    private func write(_ lines: [String], to writer: LogFileWriter) throws {
        for line in lines {
            let bytes = Array(line.utf8)
            try bytes.withUnsafeBufferPointer { try writer.write(line: $0) }
        }
    }

    func testGzipRoundTripThroughSystemGzipAndOurReader() throws {
        // Enough text to pass the staging buffer several times.
        let lines = numberedLines(30_000, width: 60)
        let path = scratch + "/fetched.log.gz"
        let writer = try LogFileWriter(path: path, overwrite: false)
        XCTAssertTrue(writer.isGzip)
        try write(lines, to: writer)
        try writer.finish()
        let written = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        XCTAssertEqual(Array(written.prefix(2)), [0x1F, 0x8B])
        XCTAssertEqual(try systemGunzip(written), joinedLines(lines))
        let result = try readAll(LocalLogSource(path: path, options: LineReaderOptions(inflateChunkSize: 333)))
        XCTAssertEqual(result.texts, lines)
        XCTAssertEqual(try entries(), ["fetched.log.gz"])
    }

    func testPlainFileHoldsExactlyTheBytesWritten() throws {
        let path = scratch + "/fetched.log"
        let writer = try LogFileWriter(path: path, overwrite: false)
        XCTAssertFalse(writer.isGzip)
        let raw = Array("raw bytes, no newline".utf8)
        try raw.withUnsafeBytes { try writer.write($0) }
        try write(["", "x"], to: writer)
        try writer.finish()
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "raw bytes, no newline\nx\n")
    }

    func testRefusesToOverwriteAndLeavesTheFileAlone() throws {
        let path = try writeFile(scratch + "/keep.log", Array("precious\n".utf8))
        XCTAssertThrowsError(try LogFileWriter(path: path, overwrite: false)) { error in
            XCTAssertEqual(error as? OutputFileError, .exists(path: path))
            XCTAssertEqual((error as? UserFacingError)?.userMessage, "\(path): file exists (use --overwrite to replace it)")
        }
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "precious\n")
        XCTAssertEqual(try entries(), ["keep.log"])
    }

    func testTargetAppearingBeforeFinishIsNotClobbered() throws {
        let path = scratch + "/race.log"
        let writer = try LogFileWriter(path: path, overwrite: false)
        try write(["new"], to: writer)
        try writeFile(path, Array("arrived meanwhile\n".utf8))
        XCTAssertThrowsError(try writer.finish()) { error in
            XCTAssertEqual(error as? OutputFileError, .exists(path: path))
        }
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "arrived meanwhile\n")
        XCTAssertEqual(try entries(), ["race.log"], "temporary file left behind")
    }

    func testOverwriteReplacesOnlyAtFinish() throws {
        let path = try writeFile(scratch + "/replace.log", Array("old\n".utf8))
        let writer = try LogFileWriter(path: path, overwrite: true)
        try write(["new"], to: writer)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "old\n", "replaced before finish")
        try writer.finish()
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "new\n")
        XCTAssertEqual(try entries(), ["replace.log"])
    }

    func testAbandonedWriterLeavesNothing() throws {
        do {
            let writer = try LogFileWriter(path: scratch + "/dropped.log.gz", overwrite: false)
            try write(["partial"], to: writer)
            XCTAssertEqual(try entries().count, 1, "temporary file should exist while writing")
        }
        XCTAssertEqual(try entries(), [])
        let writer = try LogFileWriter(path: scratch + "/abandoned.log", overwrite: false)
        writer.abandon()
        XCTAssertEqual(try entries(), [])
        XCTAssertThrowsError(try writer.finish())
    }

    func testMissingDirectoryIsCannotCreate() {
        let path = scratch + "/no/such/dir/out.log"
        XCTAssertThrowsError(try LogFileWriter(path: path, overwrite: false)) { error in
            guard case .cannotCreate(let failedPath, let reason)? = error as? OutputFileError else {
                return XCTFail("unexpected \(error)")
            }
            XCTAssertEqual(failedPath, path)
            XCTAssertEqual(reason, "No such file or directory")
        }
    }
}
