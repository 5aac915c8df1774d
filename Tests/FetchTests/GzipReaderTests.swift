@testable import Fetch
import Foundation
import XCTest

final class GzipReaderTests: XCTestCase {
    private var scratch = ""

    override func setUpWithError() throws {
        scratch = try makeScratchDirectory()
    }

    override func tearDown() {
        removeScratch(scratch)
    }

    func testGzipIsDetectedByMagicBytesNotByName() throws {
        let lines = numberedLines(50)
        let gzipNamedLog = try writeFile(scratch + "/build.log", systemGzip(joinedLines(lines)))
        let plainNamedGz = try writeFile(scratch + "/plain.gz", joinedLines(lines))
        XCTAssertEqual(try readAll(LocalLogSource(path: gzipNamedLog)).texts, lines)
        XCTAssertEqual(try readAll(LocalLogSource(path: plainNamedGz)).texts, lines)
    }

    func testMultiMemberFileIsReadToTheEndForEveryChunkSize() throws {
        let first = numberedLines(30)
        let second = numberedLines(45).map { "second " + $0 }
        let memberOne = try systemGzip(joinedLines(first))
        let memberTwo = try systemGzip(joinedLines(second))
        let path = try writeFile(scratch + "/multi.log.gz", memberOne + memberTwo)
        // memberOne.count: the first member ends exactly at a chunk boundary.
        for chunk in [1, 2, 7, memberOne.count, memberOne.count - 1, memberOne.count + 1, 65536] {
            for block in [1, 13, 4096] {
                let options = LineReaderOptions(blockSize: block, inflateChunkSize: chunk)
                let result = try readAll(LocalLogSource(path: path, options: options))
                XCTAssertEqual(result.texts, first + second, "chunk \(chunk) block \(block)")
                XCTAssertEqual(result.outcome?.completeness, .complete, "chunk \(chunk) block \(block)")
                XCTAssertEqual(result.outcome?.bytesRead, Int64(memberOne.count + memberTwo.count))
            }
        }
    }

    func testTruncatedFileKeepsEverythingBeforeTheCut() throws {
        let lines = numberedLines(4000)
        let compressed = try systemGzip(joinedLines(lines))
        let cutAt = compressed.count / 2
        let path = try writeFile(scratch + "/cut.log.gz", Array(compressed[..<cutAt]))
        let result = try readAll(LocalLogSource(path: path, options: LineReaderOptions(inflateChunkSize: 1000)))
        XCTAssertGreaterThan(result.texts.count, 100)
        XCTAssertLessThan(result.texts.count, lines.count)
        // All but the last line read are whole lines of the original; the last may be cut short.
        XCTAssertEqual(Array(result.texts.dropLast()), Array(lines.prefix(result.texts.count - 1)))
        guard case .partial(let reason, let offset)? = result.outcome?.completeness else {
            return XCTFail("expected partial, got \(String(describing: result.outcome))")
        }
        XCTAssertTrue(reason.contains("truncated"), reason)
        XCTAssertEqual(offset, Int64(cutAt))
    }

    /// A file cut short gives the same bytes whatever the read sizes: when a read fills the caller's buffer
    /// as the input runs out, zlib may still hold output (the rest of a match, bits already read); it is
    /// drained before the end is declared (found by `FuzzGzip`: one byte fewer with 2-byte reads).
    func testTruncatedFileGivesTheSameBytesForEveryReadSize() throws {
        // Long repeats: matches of up to 258 bytes, so a small read often stops inside one.
        let text = (0..<300).map { "line \($0 % 7) " + String(repeating: "abcdefgh", count: $0 % 40) }.joined(separator: "\n")
        let compressed = try GzipCompression.compress(Array(text.utf8))
        for cut in stride(from: 20, to: compressed.count - 8, by: max(1, compressed.count / 40)) {
            let truncated = Array(compressed[..<cut])
            let whole = try inflateAll(truncated, inputStep: truncated.count, readSize: 1 << 16)
            XCTAssertTrue(Array(text.utf8).starts(with: whole.bytes), "cut \(cut)")
            for (inputStep, readSize) in [(1, 1), (4, 2), (7, 3), (truncated.count, 5), (3, 258)] {
                let pieces = try inflateAll(truncated, inputStep: inputStep, readSize: readSize)
                XCTAssertTrue(pieces.bytes == whole.bytes,
                              "cut \(cut), input step \(inputStep), read size \(readSize): \(pieces.bytes.count) vs \(whole.bytes.count) bytes")
                XCTAssertTrue(pieces.completeness.isPartial, "cut \(cut)")
            }
        }
    }

    private func inflateAll(_ bytes: [UInt8], inputStep: Int, readSize: Int) throws -> (bytes: [UInt8], completeness: Completeness) {
        let stream = try GzipByteStream(source: MemoryByteStream(bytes: bytes, step: inputStep), chunkSize: inputStep)
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: readSize)
        while true {
            let count = try buffer.withUnsafeMutableBytes { try stream.read(into: $0) }
            if count == 0 { break }
            output += buffer[..<count]
        }
        return (output, stream.completeness)
    }

    func testCorruptDataIsPartialWithTheCompressedOffset() throws {
        let lines = numberedLines(4000)
        var compressed = try systemGzip(joinedLines(lines))
        let damageAt = compressed.count / 2
        for index in damageAt..<damageAt + 64 { compressed[index] ^= 0xA5 }
        let path = try writeFile(scratch + "/corrupt.gz", compressed)
        let result = try readAll(LocalLogSource(path: path, options: LineReaderOptions(inflateChunkSize: 512)))
        guard case .partial(let reason, let offset?)? = result.outcome?.completeness else {
            return XCTFail("expected partial with an offset, got \(String(describing: result.outcome))")
        }
        XCTAssertTrue(reason.hasPrefix("corrupt gzip data"), reason)
        // Damage is found at or after the flipped bytes (deflate notices it a little later),
        // never before them.
        XCTAssertGreaterThanOrEqual(offset, Int64(damageAt))
        XCTAssertLessThanOrEqual(offset, Int64(compressed.count))
        XCTAssertGreaterThan(result.texts.count, 0)
    }

    func testTrailingZeroPaddingCountsAsTheEnd() throws {
        let lines = numberedLines(20)
        let padded = try systemGzip(joinedLines(lines)) + [UInt8](repeating: 0, count: 1000)
        let path = try writeFile(scratch + "/padded.gz", padded)
        for chunk in [3, 64, 65536] {
            let result = try readAll(LocalLogSource(path: path, options: LineReaderOptions(inflateChunkSize: chunk)))
            XCTAssertEqual(result.texts, lines)
            XCTAssertEqual(result.outcome?.completeness, .complete, "chunk \(chunk)")
        }
    }

    func testGarbageAfterLastMemberIsPartialAtItsOffset() throws {
        let lines = numberedLines(20)
        let member = try systemGzip(joinedLines(lines))
        let path = try writeFile(scratch + "/garbage.gz", member + Array("not gzip\n".utf8))
        let result = try readAll(LocalLogSource(path: path))
        XCTAssertEqual(result.texts, lines)
        XCTAssertEqual(result.outcome?.completeness,
                       .partial(reason: "data after the last gzip member is not gzip", byteOffset: Int64(member.count)))
    }

    func testDataAfterZeroPaddingIsPartial() throws {
        let lines = numberedLines(5)
        let member = try systemGzip(joinedLines(lines))
        let path = try writeFile(scratch + "/padded-then-member.gz", member + [0, 0, 0] + member)
        let result = try readAll(LocalLogSource(path: path, options: LineReaderOptions(inflateChunkSize: 2)))
        XCTAssertEqual(result.texts, lines)
        XCTAssertEqual(result.outcome?.completeness.isPartial, true)
    }

    func testLinesLongerThanTheLimitInsideGzip() throws {
        let long = String(repeating: "z", count: 5000)
        let path = try writeFile(scratch + "/long.gz", systemGzip(Array("\(long)\nok\n".utf8)))
        let options = LineReaderOptions(blockSize: 7, maxLineLength: 100, inflateChunkSize: 5)
        let result = try readAll(LocalLogSource(path: path, options: options))
        XCTAssertEqual(result.texts, [String(repeating: "z", count: 100), "ok"])
        XCTAssertEqual(result.cuts, [true, false])
    }
}
