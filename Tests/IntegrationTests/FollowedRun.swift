import Foundation
import XCTest

/// The binary started in the background (`build --follow`), its stderr collected as it comes, so a test can wait
/// for a live event, act (append log events, change the build's status, send Ctrl-C) and then collect the result.
final class FollowedRun {
    private let process = Process()
    private let stdout = Pipe()
    private let stderr = Pipe()
    private let lock = NSLock()
    private var errText = ""
    private var outData = Data()
    private let drained = DispatchGroup()

    /// `executable`: the binary unless given (a wrapper such as `Tests/Support/on_tty.py`).
    init(_ arguments: [String], environment: [String: String], in directory: URL, executable: URL? = nil) throws {
        process.executableURL = try executable ?? EndToEnd.requireBinary()
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = EndToEnd.pinnedEnvironment.merging(environment) { $1 }
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice
        try process.run()
        drained.enter()
        DispatchQueue.global().async { [self] in
            while true {
                let chunk = stderr.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                lock.lock()
                errText += String(decoding: chunk, as: UTF8.self)
                lock.unlock()
            }
            drained.leave()
        }
        drained.enter()
        DispatchQueue.global().async { [self] in
            let data = stdout.fileHandleForReading.readDataToEndOfFile()
            lock.lock()
            outData = data
            lock.unlock()
            drained.leave()
        }
    }

    var stderrSoFar: String {
        lock.lock()
        defer { lock.unlock() }
        return errText
    }

    /// Waits (polling, up to `timeout` seconds) until stderr holds `text`; false if it never did or the run ended.
    func waitForStderr(_ text: String, timeout: Double = 30) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if stderrSoFar.contains(text) { return true }
            if !process.isRunning { return stderrSoFar.contains(text) }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return false
    }

    /// Ctrl-C, as a terminal sends it.
    func interrupt() { process.interrupt() }

    /// Waits for the run to end (killing it after `timeout` seconds, which fails the test's status checks).
    func finish(timeout: Double = 60) -> CBTriageRun {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        drained.wait()
        lock.lock()
        defer { lock.unlock() }
        return CBTriageRun(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                           stderr: errText)
    }
}
