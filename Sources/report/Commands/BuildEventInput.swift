import Fetch
import Foundation

/// `build --event FILE|-`: reading the event, and what is said about one that is not diagnosed.
enum BuildEventInput {
    /// EventBridge caps an event at 256 KB; anything much larger is not one.
    static let maxBytes = 1 << 20

    static func read(_ path: String) throws -> BuildStateChangeEvent {
        let descriptor = path == "-" ? FileHandle.standardInput.fileDescriptor : open(path, O_RDONLY)
        guard descriptor >= 0 else { throw LocalInputError.fromOpen(errno: errno, path: path) }
        defer { if path != "-" { close(descriptor) } }
        var bytes = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while bytes.count <= maxBytes {
            let count = Glibc.read(descriptor, &buffer, buffer.count)
            if count < 0 {
                if errno == EINTR { continue }
                throw LocalInputError.readFailed(path: path, reason: String(cString: strerror(errno)))
            }
            if count == 0 { break }
            bytes.append(contentsOf: buffer[0..<count])
        }
        guard bytes.count <= maxBytes else {
            throw LocalInputError.readFailed(path: path, reason: "larger than 1 MiB, so not an EventBridge event")
        }
        return try BuildStateChangeEvent(json: bytes)
    }

    static func skippedMessage(_ event: BuildStateChangeEvent) -> String {
        "skipped \(event.build.id): its status is \(event.status); only FAILED, FAULT and TIMED_OUT builds are diagnosed"
    }

    /// The event's secret-looking environment variable values, wherever a report would show them.
    static func mask(_ text: String, secrets: [String]) -> String {
        secrets.reduce(text) { $0.replacingOccurrences(of: $1, with: "[REDACTED]") }
    }
}

extension BuildEventInput {
    static func mask(_ body: [UInt8], secrets: [String]) -> [UInt8] {
        guard !secrets.isEmpty else { return body }
        return Array(mask(String(decoding: body, as: UTF8.self), secrets: secrets).utf8)
    }
}
