import Analyze
import Fetch
import Foundation
@testable import report
import TestSupport
import XCTest

/// `summary --jobs N`'s collector with several connections at once against moto_server (seeded by
/// `Tests/Support/moto/seed.py`): every build's outcome lands at its own index, whichever thread ran it.
/// `make test-sanitize` runs this class under ThreadSanitizer: the threads share the compiled catalog,
/// `RetryQuota.shared`, `SigningKeyCache.shared` and the warning sink, each through its own libcurl handle.
final class SummaryAWSCollectorConcurrencyTests: XCTestCase {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    private struct SeededBuild {
        var id: String
        var fixture: String?
    }

    func testFourConnectionsDiagnoseEveryBuildIntoItsOwnSlot() throws {
        let server = try MotoServer()
        defer { server.stop() }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("cbtriage-collector-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let seeded = try seed(endpoint: server.endpoint, out: work)
        XCTAssertEqual(seeded.filter { $0.fixture == nil }.count, 1, "seed changed: one build has no log")

        let environment = AWSEnvironment(variables: ["AWS_ACCESS_KEY_ID": "AKIDCOLLECTORTEST",
                                                     "AWS_SECRET_ACCESS_KEY": "collector-test-secret",
                                                     "AWS_EC2_METADATA_DISABLED": "true"],
                                         homeDirectory: work.path)
        let settings = try AWSSettings.resolve(profile: nil, region: "us-east-1", endpointURL: server.endpoint,
                                               environment: environment)
        let connections = (0..<4).map { _ in AWSConnection(settings: settings, timeouts: .standard, log: nil) }
        let warnings = LockedLines()
        let collector = AWSSummaryCollector(connections: connections,
                                            catalog: try CatalogLoader.compiled(userRuleFiles: []),
                                            warn: warnings.append)
        // Each build three times: more jobs than threads, so every thread runs several and they overlap.
        let jobs = seeded + seeded + seeded
        let finished = LockedLines()
        let outcomes = collector.diagnose(jobs.map { CodeBuildBuild(id: $0.id) },
                                          progress: { finished.append(String($0)) })

        XCTAssertEqual(outcomes.count, jobs.count)
        XCTAssertEqual(Set(finished.lines), Set((1...jobs.count).map(String.init)), "progress counts every job once")
        var seen: [String: SummaryRecord] = [:]
        for (job, outcome) in zip(jobs, outcomes) {
            switch (job.fixture, outcome) {
            case (let fixture?, .diagnosed(let record)):
                XCTAssertEqual(record.rootCause?.category, try expectedCategory(fixture), fixture)
                XCTAssertFalse(record.partial, fixture)
                // The same build read on another thread gives the same record.
                if let earlier = seen[job.id] {
                    XCTAssertEqual(earlier.rootCause?.ruleId, record.rootCause?.ruleId, fixture)
                    XCTAssertEqual(earlier.phaseDurations.map(\.name), record.phaseDurations.map(\.name), fixture)
                }
                seen[job.id] = record
            case (nil, .unreadable(let entry, _)):
                XCTAssertEqual(entry.name, job.id)
            default:
                XCTFail("\(job.id) (\(job.fixture ?? "no log")): unexpected \(outcome)")
            }
        }
        XCTAssertEqual(warnings.lines, [], "moto's builds all succeeded: a missing log is unreadable, not a warning")
    }

    /// The fixture's known root cause category (`Fixtures/logs/<name>.expected.json`), nil for a success.
    private func expectedCategory(_ fixture: String) throws -> String? {
        let url = Self.root.appendingPathComponent("Fixtures/logs/\(fixture).expected.json")
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
        return object?["rootCause"] as? String
    }

    /// Runs seed.py (signature checks stay off: any key works) and returns the summary projects' builds.
    private func seed(endpoint: String, out: URL) throws -> [SeededBuild] {
        let python = try XCTUnwrap(MotoServer.findExecutable("python3"), "python3 not found: run make test")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [Self.root.appendingPathComponent("Tests/Support/moto/seed.py").path,
                             "--endpoint", endpoint, "--out", out.path, "--events", "20"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, String(decoding: message, as: UTF8.self))
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("manifest.json")))
        let projects = try XCTUnwrap(((manifest as? [String: Any])?["summary"] as? [String: Any])?["projects"]
            as? [String: [[String: Any]]])
        return projects.keys.sorted().flatMap { project in
            projects[project]!.map { SeededBuild(id: $0["buildId"] as? String ?? "?", fixture: $0["fixture"] as? String) }
        }
    }
}

/// Lines appended from any thread.
private final class LockedLines: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []

    func append(_ line: String) {
        lock.lock()
        stored.append(line)
        lock.unlock()
    }

    var lines: [String] {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
}
