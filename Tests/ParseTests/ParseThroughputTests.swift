import Fetch
import Foundation
import Parse
import XCTest

/// Reads a whole log through `LocalLogSource` and `PhaseParser` and prints the rate.
///
/// Run it in release on a generated multi-GB log with `CBT_BENCH_LOG=path` (`make bench` measures the binary end to end).
/// Without that variable it reads a small synthetic log, so it still checks that nothing is lost.
/// It prints figures and never asserts on time: the machine is shared.
final class ParseThroughputTests: XCTestCase {
    func testThroughputOfReadingAndParsing() throws {
        var path = ProcessInfo.processInfo.environment["CBT_BENCH_LOG"] ?? ""
        var expectedLines: Int?
        var scratch: String?
        if path.isEmpty {
            let directory = NSTemporaryDirectory() + "cbtriage-throughput-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            scratch = directory
            path = directory + "/synthetic.log"
            expectedLines = try writeSyntheticLog(to: path, outputLinesPerPhase: 20_000)
        }
        defer { if let scratch { try? FileManager.default.removeItem(atPath: scratch) } }

        let parser = PhaseParser(sink: nil)
        let start = Date()
        let outcome = try LocalLogSource(path: path).readLines { parser.consume($0) }
        let model = parser.finish()
        let seconds = Date().timeIntervalSince(start)

        let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.doubleValue ?? 0
        let megabytes = size / 1_048_576
        print(String(format: "throughput: %@ %.1f MiB (%@) in %.3f s = %.0f MiB/s of input, %d lines, peak RSS %@",
                     (path as NSString).lastPathComponent, megabytes, outcome.shape.rawValue, seconds,
                     megabytes / max(seconds, 1e-9), outcome.linesRead, peakResidentSet()))

        XCTAssertEqual(outcome.linesRead, model.totalLines)
        XCTAssertEqual(outcome.completeness, .complete)
        if let expectedLines {
            XCTAssertEqual(outcome.linesRead, expectedLines)
            XCTAssertEqual(model.phases.map(\.name), ["INSTALL", "BUILD"])
            XCTAssertEqual(model.phases.map(\.commands.count), [1, 1])
        }
    }

    /// Two phases of noise-like output; returns the number of lines written.
    private func writeSyntheticLog(to path: String, outputLinesPerPhase: Int) throws -> Int {
        var text = ""
        var lines = 0
        func add(_ line: String) {
            text += line + "\n"
            lines += 1
        }
        for (index, phase) in ["INSTALL", "BUILD"].enumerated() {
            add("[Container] 2024/03/06 10:0\(index):00.000000 Entering phase \(phase)")
            add("[Container] 2024/03/06 10:0\(index):00.100000 Running command ./ci/\(phase.lowercased()).sh")
            for line in 0..<outputLinesPerPhase {
                add("#\(line % 40) [\(line % 40)/40] COPY . /app sha256:\(String(line, radix: 16)) \(line)B / 90000B 0.\(line % 1000)s")
            }
            add("[Container] 2024/03/06 10:0\(index):59.000000 Phase complete: \(phase) State: SUCCEEDED")
        }
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        return lines
    }

    private func peakResidentSet() -> String {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return "unknown" }
        return line.dropFirst("VmHWM:".count).trimmingCharacters(in: .whitespaces)
    }
}
