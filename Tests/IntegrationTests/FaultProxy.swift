import Foundation
import TestSupport

/// `Tests/Support/fault_proxy.py` in front of the seeded moto_server: faults planned per AWS operation, and the
/// time of every request it saw, so a test can count attempts and measure their spacing.
final class FaultProxy {
    struct Request: Decodable {
        var t: Double
        var target: String
        var fault: String?
    }

    struct StartError: Error, CustomStringConvertible {
        var description: String
    }

    let port: Int
    var endpoint: String { "http://127.0.0.1:\(port)" }
    private let process: Process
    private let input: Pipe

    init(upstream: String) throws {
        guard let python = MotoServer.findExecutable("python3") else { throw StartError(description: "python3 not found") }
        process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [EndToEnd.packageRoot.appendingPathComponent("Tests/Support/fault_proxy.py").path,
                             "--upstream", upstream]
        input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while true {
            let byte = output.fileHandleForReading.readData(ofLength: 1)
            if byte.isEmpty || byte == Data("\n".utf8) { break }
            line += byte
        }
        struct Ready: Decodable { var port: Int }
        guard let ready = try? JSONDecoder().decode(Ready.self, from: line) else {
            process.terminate()
            throw StartError(description: "fault_proxy.py did not start: \(String(decoding: line, as: UTF8.self))")
        }
        port = ready.port
    }

    deinit { stop() }

    func stop() {
        try? input.fileHandleForWriting.close()
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }

    /// The first `skip` requests for `target` pass; the next `times` get `fault`. Clears the request log.
    func plan(_ fault: String, target: String, skip: Int = 0, times: Int) throws {
        let body = try JSONSerialization.data(withJSONObject: ["fault": fault, "target": target, "skip": skip, "times": times])
        _ = try call("POST", "/__plan", body: body)
    }

    /// From now on every API is throttled like AWS's per-account quota: `perSecond` requests a second for each
    /// X-Amz-Target (a token bucket holding as many), the rest answered 400 ThrottlingException. Clears the request log.
    func throttle(perSecond: Double) throws {
        _ = try call("POST", "/__rate", body: try JSONSerialization.data(withJSONObject: ["perSecond": perSecond]))
    }

    /// From now on `BatchGetBuilds` answers show build `id` with `fields` in place of moto's (`NSNull()` removes one).
    /// `lateEvents` (the proxy's `/__build` control) are put into moto just before the first such answer is sent.
    func overrideBuild(_ id: String, fields: [String: Any], lateEvents: [String: Any]? = nil) throws {
        var body: [String: Any] = ["id": id, "fields": fields]
        if let lateEvents { body["lateEvents"] = lateEvents }
        _ = try call("POST", "/__build", body: try JSONSerialization.data(withJSONObject: body))
    }

    /// Requests seen since the last plan, in order.
    func requests() throws -> [Request] {
        try JSONDecoder().decode([Request].self, from: call("GET", "/__log", body: nil))
    }

    /// A blocking loopback HTTP call through python3's urllib: the tests' own plumbing, not cbtriage's.
    private func call(_ method: String, _ path: String, body: Data?) throws -> Data {
        let client = Process()
        client.executableURL = URL(fileURLWithPath: MotoServer.findExecutable("python3") ?? "/usr/bin/python3")
        client.arguments = ["-c", """
            import sys, urllib.request
            data = sys.stdin.buffer.read() if sys.argv[2] == "POST" else None
            request = urllib.request.Request(sys.argv[1], data=data, method=sys.argv[2])
            sys.stdout.buffer.write(urllib.request.urlopen(request, timeout=10).read())
            """, endpoint + path, method]
        let input = Pipe()
        let output = Pipe()
        client.standardInput = input
        client.standardOutput = output
        try client.run()
        try input.fileHandleForWriting.write(contentsOf: body ?? Data())
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        client.waitUntilExit()
        guard client.terminationStatus == 0 else { throw StartError(description: "proxy control \(method) \(path) failed") }
        return data
    }
}
