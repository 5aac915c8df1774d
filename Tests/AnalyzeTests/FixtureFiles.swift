import Analyze
import Fetch
import Foundation

/// Where the fixture logs live and how the tests open them.
enum FixtureFiles {
    /// `Fixtures/` at the repository root, found from this file's own path so the tests run from anywhere.
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent() // AnalyzeTests
        .deletingLastPathComponent() // Tests
        .deletingLastPathComponent() // repository root
        .appendingPathComponent("Fixtures", isDirectory: true)

    static let logs = root.appendingPathComponent("logs", isDirectory: true)
    static let forms = root.appendingPathComponent("forms", isDirectory: true)

    /// The suffixes a fixture log may have; the shape (raw, export, JSON) is detected from content.
    static let logSuffixes = [".log", ".log.gz"]

    /// `NAME.expected.json` files in a directory, sorted by name.
    static func expectations(in directory: URL) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.lastPathComponent.hasSuffix(".expected.json") }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// Log files in a directory, sorted by name.
    static func logFiles(in directory: URL) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { url in logSuffixes.contains { url.lastPathComponent.hasSuffix($0) } }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// The fixture name: the file name without `.expected.json`, `.log` or `.log.gz`.
    static func name(of url: URL) -> String {
        var name = url.lastPathComponent
        for suffix in [".expected.json", ".log.gz", ".log"] where name.hasSuffix(suffix) {
            name.removeLast(suffix.count)
            break
        }
        return name
    }

    /// The log that an expectation describes: `NAME.log` or `NAME.log.gz` beside it.
    static func log(for expectation: URL) -> URL? {
        let directory = expectation.deletingLastPathComponent()
        let name = name(of: expectation)
        return logSuffixes
            .map { directory.appendingPathComponent(name + $0) }
            .first { FileManager.default.fileExists(atPath: $0.path) }
    }

    /// The catalog every fixture is diagnosed with, compiled once.
    static let catalog: Result<CompiledCatalog, Error> = Result { try CompiledCatalog(rules: BuiltinCatalog.rules) }

    /// The log's lines as the reader yields them (export timestamps and JSON wrapping removed).
    static func lines(of url: URL) throws -> [String] {
        var lines: [String] = []
        _ = try source(for: url).readLines { lines.append($0.text) }
        return lines
    }

    /// Runs the whole pipeline on one fixture file, exactly as `cbtriage analyze FILE` does.
    static func diagnose(_ url: URL) throws -> Diagnosis {
        try Analyze.diagnose(source(for: url), catalog: catalog.get())
    }

    /// The reader `cbtriage analyze FILE` uses: gzip, export and JSON shapes detected from content.
    private static func source(for url: URL) -> LineSource {
        LocalLogSource(path: url.path)
    }
}
