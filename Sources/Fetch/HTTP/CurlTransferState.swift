import Foundation

// Plain-Swift state shared between `CurlTransport` and its libcurl callbacks; no libcurl here.

/// A flag set from any thread and read from libcurl's progress callback.
final class CancellationFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    func set() {
        lock.lock()
        value = true
        lock.unlock()
    }

    var isSet: Bool {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}

/// What the callbacks of one transfer write into; passed to libcurl as an unretained pointer that
/// lives until `curl_easy_perform` returns.
final class TransferState {
    let maxBodyBytes: Int
    let cancellation: CancellationFlag
    var body: [UInt8] = []
    var headers: [HTTPHeader] = []
    var headerBytes = 0
    var exceededLimit = false
    var cancelled = false

    init(maxBodyBytes: Int, cancellation: CancellationFlag) {
        self.maxBodyBytes = maxBodyBytes
        self.cancellation = cancellation
    }

    /// One header line as libcurl delivers it, CRLF included. A status line starts a new block
    /// (after `100 Continue` or a proxy's `200 Connection established`), so only the final
    /// response's headers are kept.
    func addHeaderLine(_ line: UnsafeBufferPointer<UInt8>) {
        var bytes = line[...]
        while let last = bytes.last, last == 0x0A || last == 0x0D { bytes = bytes.dropLast() }
        if bytes.starts(with: Array("HTTP/".utf8)) {
            headers.removeAll()
            return
        }
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return }
        let name = String(decoding: bytes[..<colon], as: UTF8.self)
        let value = String(decoding: bytes[(colon + 1)...], as: UTF8.self).trimmingCharacters(in: .whitespaces)
        headers.append(HTTPHeader(name, value))
    }
}
