import Foundation

/// Runs python3 with `arguments`, feeding `input` on stdin (from another thread, so a large input cannot fill the
/// pipe while python3's own output waits to be read), and returns its exit status, stdout and stderr.
public enum PythonRun {
    public struct Result {
        public var status: Int32
        public var output: Data
        public var errors: Data
    }

    /// `mergeErrors`: stderr goes to `output` too (one report, in order). `environment` is added to this process's.
    public static func run(_ arguments: [String], input: Data, mergeErrors: Bool = false,
                           environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: MotoServer.findExecutable("python3") ?? "/usr/bin/python3")
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = mergeErrors ? stdout : stderr
        try process.run()
        let writer = Thread {
            stdin.fileHandleForWriting.write(input)
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = mergeErrors ? Data() : stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: output, errors: errors)
    }
}
