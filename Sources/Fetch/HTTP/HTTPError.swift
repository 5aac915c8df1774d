/// Why an HTTP exchange failed before a complete response arrived.
///
/// Messages name the host (and port when it matters), never the path, query string or any header
/// value: queries and headers can carry tokens and signatures.
public enum HTTPError: UserFacingError, Equatable {
    /// The URL is not an absolute http(s) URL with a host.
    case invalidURL
    /// DNS could not resolve the host (`CURLE_COULDNT_RESOLVE_HOST`).
    case hostNotFound(host: String)
    /// The proxy named by `HTTPS_PROXY`/`https_proxy`/`http_proxy` could not be resolved.
    case proxyNotFound
    /// The TCP connection was refused or could not be made (`CURLE_COULDNT_CONNECT`).
    case connectFailed(host: String, port: Int)
    /// TLS handshake or certificate verification failed; `detail` is libcurl's reason.
    case tlsFailed(host: String, detail: String)
    /// No connection within the connect timeout, or no complete response within the total timeout.
    case timedOut(host: String, seconds: Double, whileConnecting: Bool)
    /// The response body (after gzip decoding) or its headers passed the configured cap.
    case responseTooLarge(host: String, limitBytes: Int)
    /// `cancel()` was called on the transport.
    case cancelled(host: String)
    /// The connection broke mid-exchange (reset, empty reply, send/receive error).
    case connectionLost(host: String, detail: String)
    /// Any other libcurl failure, with its code and reason.
    case transferFailed(host: String, code: Int, detail: String)
    /// libcurl itself could not be loaded or initialised (it is loaded when the first request is made).
    case libcurlUnavailable(reason: String)

    public var userMessage: String {
        switch self {
        case .invalidURL:
            return "invalid request URL (expected http:// or https:// with a host); check the endpoint setting"
        case .hostNotFound(let host):
            return "could not resolve host \(host) (DNS lookup failed); check the region, the endpoint and your network"
        case .proxyNotFound:
            return "could not resolve the proxy host from HTTPS_PROXY/https_proxy; check the proxy setting"
        case .connectFailed(let host, let port):
            return "could not connect to \(host) port \(port) (connection refused or unreachable)"
        case .tlsFailed(let host, let detail):
            return "TLS connection to \(host) failed: \(detail); set AWS_CA_BUNDLE if a proxy re-signs TLS"
        case .timedOut(let host, let seconds, let whileConnecting):
            let what = whileConnecting ? "connecting to" : "waiting for a response from"
            return "timed out after \(Self.format(seconds)) s \(what) \(host)"
        case .responseTooLarge(let host, let limit):
            return "response from \(host) exceeded the \(limit)-byte limit; aborted"
        case .cancelled(let host):
            return "request to \(host) was cancelled"
        case .connectionLost(let host, let detail):
            return "connection to \(host) failed mid-request: \(detail)"
        case .transferFailed(let host, let code, let detail):
            return "request to \(host) failed (libcurl error \(code)): \(detail)"
        case .libcurlUnavailable(let reason):
            return "\(reason); cbtriage needs libcurl 4 for AWS and webhook requests (Debian/Ubuntu: libcurl4, Amazon Linux: libcurl)"
        }
    }

    /// True for failures a retry may fix: timeouts, refused or dropped connections. DNS, TLS, size
    /// and cancellation failures repeat identically, so they fail at once.
    /// A timed-out attempt, which costs the retry quota double.
    public var isTimeout: Bool {
        if case .timedOut = self { return true }
        return false
    }

    public var isTransient: Bool {
        switch self {
        case .connectFailed, .timedOut, .connectionLost: return true
        case .invalidURL, .hostNotFound, .proxyNotFound, .tlsFailed, .responseTooLarge, .cancelled, .transferFailed,
             .libcurlUnavailable:
            return false
        }
    }

    /// `2`, `0.5`, `1.25`: seconds without trailing zeros.
    private static func format(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0, seconds < 1e9 else { return "\(seconds)" }
        let milliseconds = Int((seconds * 1000).rounded())
        if milliseconds % 1000 == 0 { return String(milliseconds / 1000) }
        var fraction = String(milliseconds % 1000)
        fraction = String(repeating: "0", count: 3 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return "\(milliseconds / 1000).\(fraction)"
    }
}
