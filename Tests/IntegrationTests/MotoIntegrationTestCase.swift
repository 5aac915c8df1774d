import Foundation
import XCTest

/// The shared set-up of the tests that drive the built binary against the seeded moto_server: the server
/// (started once, shut down after the class), the binary, and a scratch directory per test.
class MotoIntegrationTestCase: XCTestCase {
    var moto: SeededMoto!
    var runner: CommandRunner!

    override class func tearDown() {
        SeededMoto.shutDown()
        super.tearDown()
    }

    override func setUpWithError() throws {
        // Thrown here, these are recorded as failures, never skips.
        guard let binary = CommandRunner.binaryPath() else {
            throw SeededMoto.SetupError(description:
                "no .build/debug/cbtriage: build it first (swift build --product cbtriage), or set CBTRIAGE_BINARY")
        }
        moto = try SeededMoto.instance()
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("cbtriage-it-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: work) }
        runner = CommandRunner(binary: binary, workDirectory: work)
    }
}
