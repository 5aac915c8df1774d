import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The tests' one `moto_server` launcher (FetchTests, IntegrationTests): a server on a free local port, started,
/// probed until `/moto-api/` answers, and killed when the tests end (also when they fail).
///
/// A missing `moto_server` is a failure, never a skip: `make test` installs it.
public final class MotoServer {
    public let port: Int
    public var endpoint: String { "http://127.0.0.1:\(port)" }
    private let process: Process
    private let logPath: String

    public struct StartError: Error, CustomStringConvertible {
        public var description: String
    }

    static let readinessTimeout: TimeInterval = 30

    /// `environment` is added to the server's (e.g. `INITIAL_NO_AUTH_ACTION_COUNT`).
    public init(environment extra: [String: String] = [:]) throws {
        guard let executable = Self.findExecutable("moto_server") else {
            throw StartError(description: "moto_server not found on PATH: run make test (it installs moto)")
        }
        port = try Self.freePort()
        logPath = NSTemporaryDirectory() + "moto-\(port).log"
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-H", "127.0.0.1", "-p", String(port)]
        if !extra.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(extra) { $1 }
        }
        let log = FileHandle(forWritingAtPath: logPath)
        process.standardOutput = log
        process.standardError = log
        try process.run()
        try waitUntilReady()
    }

    public func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }

    deinit { stop() }

    private func waitUntilReady() throws {
        let deadline = Date().addingTimeInterval(Self.readinessTimeout)
        while Date() < deadline {
            guard process.isRunning else {
                let log = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
                throw StartError(description: "moto_server exited at start (status \(process.terminationStatus)): \(log.suffix(500))")
            }
            if Self.httpStatus(port: port, path: "/moto-api/") == 200 { return }
            usleep(100_000)
        }
        stop()
        throw StartError(description: "moto_server did not answer /moto-api/ on port \(port) within \(Int(Self.readinessTimeout)) s")
    }

    public static func findExecutable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Binds port 0 and reads back the port the kernel chose.
    public static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw StartError(description: "socket() failed") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(fd, socketAddress, length) == 0 && getsockname(fd, socketAddress, &length) == 0
            }
        }
        guard bound else { throw StartError(description: "could not bind a free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// The status code of `GET path` on 127.0.0.1:port, or nil when nothing answers.
    public static func httpStatus(port: Int, path: String) -> Int? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
        guard connected else { return nil }
        let request = Array("GET \(path) HTTP/1.0\r\nHost: 127.0.0.1:\(port)\r\n\r\n".utf8)
        guard send(fd, request, request.count, 0) == request.count else { return nil }
        var buffer = [UInt8](repeating: 0, count: 64)
        let received = recv(fd, &buffer, buffer.count, 0)
        guard received > 12 else { return nil }
        // "HTTP/1.0 200 OK"
        let statusLine = String(decoding: buffer[0..<received], as: UTF8.self)
        let parts = statusLine.split(separator: " ")
        return parts.count > 1 ? Int(parts[1]) : nil
    }
}
