import Foundation
import XCTest

extension MotoIntegrationTestCase {
    /// The EventBridge "CodeBuild Build State Change" event CodeBuild would send for the seeded failing build,
    /// written by Tests/Support/moto/build_event.py from BatchGetBuilds (`extra`: its options, e.g. --status).
    func buildEvent(_ extra: [String]) throws -> Data {
        let failing = try moto.stream("failing")
        let script = EndToEnd.packageRoot.appendingPathComponent("Tests/Support/moto/build_event.py").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, "--endpoint", moto.server.endpoint,
                             "--key", moto.manifest.credentials.accessKeyId,
                             "--secret", moto.manifest.credentials.secretAccessKey, "--build", failing.buildId] + extra
        let out = Pipe(), errors = Pipe()
        process.standardOutput = out
        process.standardError = errors
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, String(decoding: message, as: UTF8.self))
        return data
    }

    /// The seeded failing build's ARN (moto's account, us-east-1).
    func failingBuildARN() throws -> String {
        "arn:aws:codebuild:us-east-1:123456789012:build/" + (try moto.stream("failing").buildId)
    }
}
