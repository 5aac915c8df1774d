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
    /// Seconds without a byte either way, once the request has started going out, before giving up; 0: never.
    let readTimeout: Double
    private(set) var silenceExceeded = false
    private var bytesSeen: Int64 = 0
    private var lastByteAt: UInt64 = 0
    /// Whether the connection is up (asked of libcurl by the transport); silence counts from then on.
    var isConnected: () -> Bool = { false }

    init(maxBodyBytes: Int, cancellation: CancellationFlag, readTimeout: Double = 0) {
        self.maxBodyBytes = maxBodyBytes
        self.cancellation = cancellation
        self.readTimeout = readTimeout
    }

    /// From the progress callback: whether the connection has been silent for the read timeout. The clock
    /// starts once connected (connecting has its own timeout) and restarts with every byte moved.
    /// libcurl's own low-speed limit averages over several seconds, so it notices a hang only ~5 s late.
    func checkSilence(bytesSoFar: Int64, at now: UInt64) -> Bool {
        guard readTimeout > 0, bytesSoFar > 0 || lastByteAt != 0 || isConnected() else { return false }
        if bytesSoFar != bytesSeen || lastByteAt == 0 {
            bytesSeen = bytesSoFar
            lastByteAt = now
            return false
        }
        if Double(now &- lastByteAt) / 1e9 >= readTimeout {
            silenceExceeded = true
        }
        return silenceExceeded
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
