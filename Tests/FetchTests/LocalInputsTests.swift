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

    func testADirectoryIsReadRecursivelyAsACloudWatchExportFolderNests() throws {
        let root = scratch + "/export"
        for path in ["/2024/03/06/stream-a/000000.gz", "/2024/03/06/stream-b/000000.gz", "/2024/03/07/x.log", "/top.txt",
                     "/.cache/hidden.log", "/2024/.git/objects.log"] {
            try FileManager.default.createDirectory(atPath: root + (path as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try writeFile(root + path, Array("x\n".utf8))
        }
        // A link back up the tree is not followed (it would never end).
        try FileManager.default.createSymbolicLink(atPath: root + "/2024/loop", withDestinationPath: root)
        let sources = try LocalInputs.expand([root])
        XCTAssertEqual(sources.map(\.displayName), ["/2024/03/06/stream-a/000000.gz", "/2024/03/06/stream-b/000000.gz",
                                                    "/2024/03/07/x.log", "/top.txt"].map { root + $0 })
    }

    func testJSONFilesInADirectoryAreReadOnlyWhenTheyAreLogEvents() throws {
        let directory = scratch + "/json"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try writeFile(directory + "/events.json", Array(#"{"events": [{"timestamp": 1, "message": "hello"}]}"#.utf8))
        try writeFile(directory + "/build.expected.json", Array(#"{"rootCause": "ecr-auth-expired"}"#.utf8))
        let sources = try LocalInputs.expand([directory])
        XCTAssertEqual(sources.map(\.displayName), [directory + "/events.json"])
        XCTAssertEqual(try readAll(sources[0]).texts, ["hello"])
        XCTAssertEqual(try readAll(sources[0]).outcome?.shape, .logEventsJSON)
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
