import Foundation
import XCTest

/// Compares output with a file under `Tests/Golden/`. `RECORD_GOLDEN=1` rewrites the file and fails
/// the test, so a recording run can never pass silently.
enum GoldenFile {
    static var directory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Golden")
    }

    static func assertMatches(_ actual: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) {
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(actual.utf8).write(to: url)
                XCTFail("recorded \(name); review it and run again without RECORD_GOLDEN", file: file, line: line)
            } catch {
                XCTFail("could not record \(name): \(error)", file: file, line: line)
            }
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            XCTFail("missing golden file \(name); record it with RECORD_GOLDEN=1", file: file, line: line)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        guard expected != actual else { return }
        let expectedLines = expected.components(separatedBy: "\n")
        let actualLines = actual.components(separatedBy: "\n")
        let index = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(expectedLines.count, actualLines.count)
        let want = index < expectedLines.count ? expectedLines[index] : "<end>"
        let got = index < actualLines.count ? actualLines[index] : "<end>"
        XCTFail("\(name) differs at line \(index + 1):\n  expected: \(want)\n  actual:   \(got)", file: file, line: line)
    }
}
