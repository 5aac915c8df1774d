import Foundation
import XCTest

/// The shared set-up of the tests that drive the built binary against the seeded moto_server: the server
/// (started once, shut down after the class), the binary, and a scratch directory per test.
class MotoIntegrationTestCase: XCTestCase {
    var moto: SeededMoto!
    /// Scratch directory: HOME (no ~/.aws of the machine leaks in) and output files.
    var work: URL!

    override class func tearDown() {
        SeededMoto.shutDown()
        super.tearDown()
    }

    override func setUpWithError() throws {
        // Thrown here, these are recorded as failures, never skips.
        _ = try EndToEnd.requireBinary()
        moto = try SeededMoto.instance()
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("cbtriage-it-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: work) }
        self.work = work
    }

    var endpointArguments: [String] { ["--endpoint-url", moto.server.endpoint, "--region", "us-east-1"] }

    /// The seeded IAM user's key pair (signature checking is on).
    var goodKeys: [String: String] {
        ["AWS_ACCESS_KEY_ID": moto.manifest.credentials.accessKeyId,
         "AWS_SECRET_ACCESS_KEY": moto.manifest.credentials.secretAccessKey]
    }

    /// The binary in the scratch directory, HOME there, instance metadata off, 120 columns.
    func run(_ arguments: [String], stdin: Data? = nil, environment extra: [String: String]) throws -> CBTriageRun {
        var environment = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": work.path, "COLUMNS": "120", "AWS_EC2_METADATA_DISABLED": "true",
        ]
        environment.merge(extra) { $1 }
        return try EndToEnd.run(arguments, stdin: stdin, environment: environment, in: work)
    }
}
