import Foundation

/// Runs a program to completion with a deadline, collecting stdout and stderr.
///
/// Both pipes are drained on their own threads while the program runs, so a chatty program cannot
/// block on a full pipe. Past the deadline the program gets SIGTERM, then SIGKILL a second later.
enum ProcessRunner {
    struct Result {
        var status: Int32
        var stdout: [UInt8]
        var stderr: [UInt8]
    }

    struct Failure: Error {
        var reason: String
    }

    static func run(executable: String, arguments: [String], environment: [String: String],
                    timeout: Double) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        let stdoutPipe = Pipe(), stderrPipe = Pipe()
        process.standardOutput = stdoutPipe
        process.standardError = stderrPipe
        process.standardInput = FileHandle.nullDevice

        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            throw Failure(reason: "could not start '\(executable)': \(error.localizedDescription)")
        }

        let output = PipeCollector(stdoutPipe.fileHandleForReading)
        let errors = PipeCollector(stderrPipe.fileHandleForReading)
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            if finished.wait(timeout: .now() + 1) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                finished.wait()
            }
            // Not waiting for the pipes: a grandchild may still hold them open.
            throw Failure(reason: "timed out after \(String(format: "%g", timeout)) s")
        }
        return Result(status: process.terminationStatus, stdout: output.bytes(), stderr: errors.bytes())
    }
}

/// Reads a pipe to its end on a background thread.
private final class PipeCollector: @unchecked Sendable {
    private var collected: [UInt8] = []
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        DispatchQueue.global().async {
            self.collected = [UInt8](handle.readDataToEndOfFile())
            self.done.signal()
        }
    }

    func bytes() -> [UInt8] {
        done.wait()
        return collected
    }
}
