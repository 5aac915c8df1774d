import Foundation
import XCTest

/// The diagnosis on the public real-log corpus (`Fixtures/real`), scored by `scripts/accuracy.py` against the
/// labels that come from what each thread says fixed the build. Fails when the overall top-1 score drops
/// below the floor recorded in `Fixtures/real/accuracy-floor` (a ratchet), when a near-miss raises a false
/// alarm or a failed excerpt gets no root cause beyond the recorded maximum, or when the manifest is
/// inconsistent (a file not labelled, evidence not in its file, an unknown category).
final class RealCorpusAccuracyTests: XCTestCase {
    func testTheRealLogCorpusScoresAtLeastItsFloor() throws {
        let binary = try EndToEnd.requireBinary()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "scripts/accuracy.py", "--check", "--binary", binary.path]
        process.currentDirectoryURL = EndToEnd.packageRoot
        process.environment = ProcessInfo.processInfo.environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        print(text)
        XCTAssertEqual(process.terminationStatus, 0, text)
        XCTAssertTrue(text.contains("accuracy check passed"), text)
    }
}
