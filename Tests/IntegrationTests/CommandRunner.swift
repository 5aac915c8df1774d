import Foundation

/// Runs the built `cbtriage` binary as a user would, with a clean environment, and captures everything.
struct CommandRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var everything: String { stdout + "\n" + stderr }
    }

    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    /// `.build/debug/cbtriage` (the test target must not depend on `report`; build it first:
    /// `swift build --product cbtriage`), or `CBTRIAGE_BINARY`.
    static func binaryPath() -> String? {
        if let explicit = ProcessInfo.processInfo.environment["CBTRIAGE_BINARY"] { return explicit }
        let path = repositoryRoot.appendingPathComponent(".build/debug/cbtriage").path
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }

    let binary: String
    /// Scratch directory: HOME (no ~/.aws of the machine leaks in) and output files.
    let workDirectory: URL

    func run(_ arguments: [String], environment extra: [String: String]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = workDirectory
        var environment = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": workDirectory.path, "TZ": "UTC", "NO_COLOR": "1", "COLUMNS": "120",
            "AWS_EC2_METADATA_DISABLED": "true",
        ]
        environment.merge(extra) { _, new in new }
        process.environment = environment
        // Files, not pipes: a 5,000-line log would fill a pipe and deadlock a synchronous read.
        let stamp = UUID().uuidString
        let outPath = workDirectory.appendingPathComponent("stdout-\(stamp)")
        let errPath = workDirectory.appendingPathComponent("stderr-\(stamp)")
        _ = FileManager.default.createFile(atPath: outPath.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: outPath)
        process.standardError = try FileHandle(forWritingTo: errPath)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let result = Result(status: process.terminationStatus,
                            stdout: (try? String(contentsOf: outPath, encoding: .utf8)) ?? "",
                            stderr: (try? String(contentsOf: errPath, encoding: .utf8)) ?? "")
        try? FileManager.default.removeItem(at: outPath)
        try? FileManager.default.removeItem(at: errPath)
        return result
    }
}
