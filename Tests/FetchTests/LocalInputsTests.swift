@testable import Fetch
import Foundation
import XCTest

final class LocalInputsTests: XCTestCase {
    private var scratch = ""

    override func setUpWithError() throws {
        scratch = try makeScratchDirectory()
    }

    override func tearDown() {
        removeScratch(scratch)
    }

    func testDirectoryExpandsToItsLogsSortedByName() throws {
        let directory = scratch + "/builds"
        try FileManager.default.createDirectory(atPath: directory + "/nested.log", withIntermediateDirectories: true)
        for name in ["b.log", "a.txt", "c.gz", "notes.md", ".hidden.log", "B.log"] {
            try writeFile(directory + "/" + name, Array("x\n".utf8))
        }
        let sources = try LocalInputs.expand([directory])
        XCTAssertEqual(sources.map(\.displayName), ["B.log", "a.txt", "b.log", "c.gz"].map { directory + "/" + $0 })
    }

    func testFilesStdinAndDirectoriesKeepTheirOrder() throws {
        let file = try writeFile(scratch + "/single.data", Array("x\n".utf8))
        let directory = scratch + "/dir/"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try writeFile(directory + "one.log", Array("x\n".utf8))
        let sources = try LocalInputs.expand([file, "-", directory])
        XCTAssertEqual(sources.map(\.displayName), [file, "-", directory + "one.log"])
        XCTAssertTrue(sources[1] is StdinLogSource)
    }

    func testEmptyDirectoryIsAnError() throws {
        let directory = scratch + "/empty"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try writeFile(directory + "/README.md", Array("x".utf8))
        XCTAssertThrowsError(try LocalInputs.expand([directory])) { error in
            XCTAssertEqual(error as? LocalInputError, .directoryHasNoLogs(path: directory))
        }
    }

    func testMissingPathIsAnError() {
        let path = scratch + "/nope"
        XCTAssertThrowsError(try LocalInputs.expand([path])) { error in
            XCTAssertEqual(error as? LocalInputError, .notFound(path: path))
        }
    }

    func testEachDirectoryEntryIsReadAsItsOwnBuild() throws {
        let directory = scratch + "/two"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try writeFile(directory + "/1.log", Array("first\n".utf8))
        try writeFile(directory + "/2.log.gz", systemGzip(Array("second\n".utf8)))
        let texts = try LocalInputs.expand([directory]).map { try readAll($0).texts }
        XCTAssertEqual(texts, [["first"], ["second"]])
    }
}

final class LocalStdinTests: XCTestCase {
    /// Stdin is a pipe: reads return short counts, and gzip is recognised there too.
    func testGzipThroughAPipeInSmallWrites() throws {
        let lines = numberedLines(3000)
        let compressed = try systemGzip(joinedLines(lines))
        let pipe = Pipe()
        let writer = Thread {
            var offset = 0
            while offset < compressed.count {
                let end = min(offset + 777, compressed.count)
                pipe.fileHandleForWriting.write(Data(compressed[offset..<end]))
                offset = end
            }
            try? pipe.fileHandleForWriting.close()
        }
        writer.start()
        let source = StdinLogSource(options: LineReaderOptions(blockSize: 100), fileDescriptor: pipe.fileHandleForReading.fileDescriptor)
        let result = try readAll(source)
        XCTAssertEqual(source.displayName, "-")
        XCTAssertEqual(result.texts, lines)
        XCTAssertEqual(result.outcome?.completeness, .complete)
        XCTAssertEqual(result.outcome?.bytesRead, Int64(compressed.count))
    }
}
