import Foundation
import TestSupport

/// One moto_server per test run, seeded through the AWS API by `Tests/Support/moto/seed.py`, with
/// signature checking switched on afterwards. Shared by the integration tests, which only read.
final class SeededMoto {
    struct Stream: Decodable {
        var buildId: String
        var group: String
        var stream: String
        var events: Int
    }

    struct Credentials: Decodable {
        var accessKeyId: String
        var secretAccessKey: String
    }

    /// A build seeded for `summary --project`: its log is `Fixtures/logs/<fixture>.log`, or none at all.
    struct SummaryBuild: Decodable {
        var buildId: String
        var fixture: String?
    }

    struct SummarySeed: Decodable {
        var projects: [String: [SummaryBuild]]
        var missingLogBuildId: String
    }

    /// One project whose many builds all have failing logs: `summary --jobs` under throttling.
    struct ScaleSeed: Decodable {
        var project: String
        var buildIds: [String]
    }

    /// `build --baseline`: build ids by role (`failed`, `green`, `olderGreen`, `otherBranchGreen`, `laterGreen`, `lonely`).
    typealias BaselineSeed = [String: String]
    /// A project whose builds log only to S3 (moto's BatchGetBuilds does not say so: the tests' proxy does).
    struct S3LogsSeed: Decodable {
        var project: String
        var bucket: String
        /// `s3Logs.location`, `bucket/prefix`.
        var location: String
        var buildId: String
        var key: String
        var fixture: String
        /// A build of that project whose log object was never written.
        var missingBuildId: String
        /// An empty bucket for `--out s3://…`.
        var resultsBucket: String
    }

    struct Manifest: Decodable {
        var project: String
        var streams: [String: Stream]
        var credentials: Credentials
        var summary: SummarySeed
        var scale: ScaleSeed
        var baseline: BaselineSeed
        var s3Logs: S3LogsSeed
    }

    struct SetupError: Error, CustomStringConvertible {
        var description: String
    }

    let server: MotoServer
    let manifest: Manifest
    let seedDirectory: URL

    /// Events in the failing build's log: enough that a page size of 100 crosses 50 pages.
    static let failingEvents = 5_000

    private static var shared: Result<SeededMoto, Error>?

    /// Starts and seeds the server the first time; later calls get the same one (or the same failure).
    static func instance() throws -> SeededMoto {
        if let shared { return try shared.get() }
        let result = Result { try SeededMoto() }
        shared = result
        return try result.get()
    }

    static func shutDown() {
        if case .success(let moto)? = shared {
            moto.server.stop()
            try? FileManager.default.removeItem(at: moto.seedDirectory)
        }
        shared = nil
    }

    private init() throws {
        server = try MotoServer()
        do {
            seedDirectory = FileManager.default.temporaryDirectory
                .appendingPathComponent("cbtriage-seed-\(UUID().uuidString)")
            try Self.runSeed(endpoint: server.endpoint, out: seedDirectory)
            let data = try Data(contentsOf: seedDirectory.appendingPathComponent("manifest.json"))
            manifest = try JSONDecoder().decode(Manifest.self, from: data)
        } catch {
            server.stop()
            throw error
        }
    }

    func expectedLog(_ name: String) throws -> String {
        try String(contentsOf: seedDirectory.appendingPathComponent("\(name).expected"), encoding: .utf8)
    }

    func stream(_ name: String) throws -> Stream {
        guard let stream = manifest.streams[name] else { throw SetupError(description: "seed made no \(name) stream") }
        return stream
    }

    private static func runSeed(endpoint: String, out: URL) throws {
        guard let python = MotoServer.findExecutable("python3") else {
            throw SetupError(description: "python3 not found: run make test (it installs moto and boto3)")
        }
        let script = EndToEnd.packageRoot.appendingPathComponent("Tests/Support/moto/seed.py").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script, "--endpoint", endpoint, "--out", out.path,
                             "--events", String(failingEvents), "--enable-auth"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw SetupError(description: "seed.py failed (run make test to install moto and boto3): "
                + String(decoding: message, as: UTF8.self).suffix(800))
        }
    }
}
