import Foundation
import XCTest

/// The design's arrows, read from the sources: Fetch -> Parse -> Analyze -> report, the C libraries each behind
/// the one layer that uses them, and nothing below `report` deciding output formats or exit codes.
///
/// Analyze imports Fetch for two things only: `Pipeline.swift`, which wires a `LogSource` through the
/// phase parser into the analyzer (the one place a diagnosis is made from bytes, shared by every command), and
/// the `LogLine`/`SourceInfo` values that flow down the chain. It never opens a file or a connection itself.
final class LayeringTests: XCTestCase {
    /// What each target may import (besides the platform modules).
    private let allowed: [String: Set<String>] = [
        "Fetch": ["CCurl", "CCurlShim", "CZlib", "CZlibShim", "Crypto"],
        "Parse": ["Fetch"],
        "Analyze": ["Parse", "Fetch", "CVectorscan", "CPCRE2", "Yams", "CYaml"], // CYaml: libyaml inside Yams (the alias budget reads its events)
        "report": ["Fetch", "Parse", "Analyze", "ArgumentParser", "CBuildInfo"], // CBuildInfo: the commit for --version
    ]
    private let platform: Set<String> = ["Foundation", "Glibc", "Darwin", "Dispatch"]

    func testEveryTargetImportsOnlyWhatTheDesignAllows() throws {
        for (target, permitted) in allowed {
            for (file, module) in try imports(of: target) where !permitted.contains(module) && !platform.contains(module) {
                XCTFail("\(file) imports \(module): \(target) may import only \(permitted.sorted())")
            }
        }
    }

    func testOnlyTheReportLayerDecidesExitCodesAndFormats() throws {
        // Exit statuses and renderers belong to the executable; the libraries throw typed errors and return values.
        let forbidden = ["exit(", "ExitCode", "import ArgumentParser", "OutputFormat", "TextRenderer", "MarkdownRenderer"]
        for target in ["Fetch", "Parse", "Analyze"] {
            for file in try swiftFiles(of: target) {
                let text = try String(contentsOf: file, encoding: .utf8)
                for word in forbidden where text.contains(word) {
                    XCTFail("\(file.lastPathComponent) in \(target) mentions `\(word)`")
                }
            }
        }
    }

    func testTheCLibrariesHeadersAreSeenOnlyByFetch() throws {
        for target in ["Parse", "Analyze", "report"] {
            for (file, module) in try imports(of: target) where ["CCurl", "CCurlShim", "CZlib", "CZlibShim"].contains(module) {
                XCTFail("\(file) imports \(module)")
            }
        }
    }

    /// libcurl's headers are seen by the transport alone, zlib's by the gzip streams alone.
    func testEachCLibraryIsSeenByOneFile() throws {
        let owners = ["CCurl": "CurlTransport.swift", "CCurlShim": "CurlTransport.swift",
                      "CZlib": "ZlibStreams.swift", "CZlibShim": "ZlibStreams.swift"]
        for (file, module) in try imports(of: "Fetch") {
            guard let owner = owners[module] else { continue }
            XCTAssertEqual(file, owner, "\(file) imports \(module)")
        }
    }

    private func swiftFiles(of target: String) throws -> [URL] {
        let root = EndToEnd.packageRoot.appendingPathComponent("Sources/\(target)")
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else {
            XCTFail("no sources at \(root.path)")
            return []
        }
        let files = walker.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        XCTAssertFalse(files.isEmpty, "no Swift files in \(target)")
        return files
    }

    private func imports(of target: String) throws -> [(file: String, module: String)] {
        try swiftFiles(of: target).flatMap { file -> [(file: String, module: String)] in
            let text = try String(contentsOf: file, encoding: .utf8)
            // Swift imports sit at the start of a line; an indented `import x` is a rule example's Python.
            return text.split(separator: "\n").compactMap { line in
                guard let first = line.first, first != " ", first != "\t" else { return nil }
                let words = line.split(separator: " ").filter { !$0.hasPrefix("@") }
                guard words.count >= 2, words[0] == "import" else { return nil }
                return (file.lastPathComponent, String(words[1]))
            }
        }
    }
}
