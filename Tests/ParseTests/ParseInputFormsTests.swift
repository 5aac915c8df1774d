import Fetch
import Foundation
import Parse
import XCTest

/// One build in every input form (raw, gzip, CloudWatch export, get-log-events JSON, console copy)
/// gives the same phases and commands.
final class ParseInputFormsTests: XCTestCase {
    private var scratch = ""

    override func setUpWithError() throws {
        scratch = NSTemporaryDirectory() + "cbtriage-forms-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: scratch)
    }

    private var logLines: [String] { failedBuildLog.components(separatedBy: "\n") }

    private func model(of path: String, options: LineReaderOptions = .standard) throws -> (BuildModel, ReadOutcome) {
        let parser = PhaseParser(sink: nil)
        let outcome = try LocalLogSource(path: path, options: options).readLines { parser.consume($0) }
        return (parser.finish(), outcome)
    }

    private func write(_ text: String, to name: String) throws -> String {
        let path = scratch + "/" + name
        let writer = try LogFileWriter(path: path, overwrite: false)
        try Array(text.utf8).withUnsafeBytes { try writer.write($0) }
        try writer.finish()
        return path
    }

    func testEveryFormGivesTheSameModel() throws {
        let raw = logLines.joined(separator: "\n") + "\n"
        let (expected, rawOutcome) = try model(of: write(raw, to: "raw.log"))
        XCTAssertEqual(rawOutcome.shape, .raw)
        XCTAssertEqual(expected.phases.count, 5)

        let export = logLines.enumerated().map { index, line in
            String(format: "2024-03-06T10:00:%02d.%03dZ %@", index / 1000, index % 1000, line)
        }.joined(separator: "\n") + "\n"
        let escaped = logLines.map { line -> String in
            let body = line.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            return #"{"timestamp":1709719200000,"message":"\#(body)\n","ingestionTime":1709719201000}"#
        }
        let json = "{\n    \"events\": [\n" + escaped.joined(separator: ",\n") + "\n    ],\n    \"nextForwardToken\": \"f/1\"\n}\n"
        let console = logLines.enumerated().map { "\($0 + 1) | \($1)" }.joined(separator: "\n") + "\n"

        let forms: [(name: String, text: String, shape: InputShape)] = [
            ("copy.log.gz", raw, .raw),
            ("export.txt", export, .cloudwatchExport),
            ("export.gz", export, .cloudwatchExport),
            ("events.json", json, .logEventsJSON),
            ("console.txt", console, .raw),
        ]
        for form in forms {
            let path = try write(form.text, to: form.name)
            for options in [LineReaderOptions.standard, LineReaderOptions(blockSize: 7, inflateChunkSize: 5)] {
                let (parsed, outcome) = try model(of: path, options: options)
                XCTAssertEqual(outcome.shape, form.shape, form.name)
                XCTAssertEqual(outcome.completeness, .complete, form.name)
                XCTAssertEqual(parsed, expected, "\(form.name) block \(options.blockSize)")
            }
        }
    }
}
