import CCurl
import CCurlShim
import Foundation

// The only Swift file that talks to libcurl.

/// libcurl loaded (`cbt_curl_load`, on first use: commands without a request never load it) and
/// `curl_global_init` called, exactly once, before the first handle; Swift initialises globals lazily and
/// thread-safely, which is the "once" we need. nil when ready, else what went wrong.
private let curlReadiness: String? = {
    if let reason = cbt_curl_load() { return "libcurl could not be loaded (\(String(cString: reason)))" }
    let result = cbt_curl_global_init(Int(CURL_GLOBAL_DEFAULT))
    return result == CURLE_OK ? nil : "libcurl did not initialise (error \(result.rawValue))"
}()

/// `HTTPTransport` over one reused libcurl easy handle.
///
/// - Connection reuse: the handle keeps its connection cache between calls (`curl_easy_reset` keeps
///   live connections), so successive calls to one host share a TLS connection.
/// - Threads: a lock serialises `send`; share one transport and calls queue up, or make one per
///   thread for parallel requests.
/// - TLS: peer and host verification always on, system CA bundle, or `AWS_CA_BUNDLE` when set.
/// - Proxies: `CURLOPT_PROXY` is never set, so libcurl reads `https_proxy`/`HTTPS_PROXY`,
///   `http_proxy` (lowercase only), `ALL_PROXY` and `NO_PROXY`/`no_proxy` itself on each connection.
/// - Never blocks forever: connect and total timeouts come from the request (1 ms minimum; a
///   non-positive value means the default), `CURLOPT_NOSIGNAL` keeps DNS timeouts signal-free.
/// - `cancel()` aborts the transfer in progress (from the progress callback, which libcurl calls at
///   least once a second) and every later one.
public final class CurlTransport: HTTPTransport, @unchecked Sendable {
    /// Default cap on a decoded response body.
    public static let defaultMaxResponseBytes = 64 << 20
    /// Cap on the response header block; real AWS headers are a few hundred bytes.
    static let maxHeaderBytes = 256 << 10

    public let maxResponseBytes: Int
    /// CA bundle file passed as `CURLOPT_CAINFO`; nil means the system bundle.
    public let caBundlePath: String?
    public let userAgent: String

    private let lock = NSLock()
    private var handle: UnsafeMutableRawPointer?
    private let cancellation = CancellationFlag()

    /// `environment` is read once for `AWS_CA_BUNDLE` (an empty value counts as unset).
    public init(maxResponseBytes: Int = CurlTransport.defaultMaxResponseBytes,
                environment: [String: String] = ProcessInfo.processInfo.environment,
                userAgent: String = "cbtriage") {
        self.maxResponseBytes = max(1, maxResponseBytes)
        if let bundle = environment["AWS_CA_BUNDLE"], !bundle.isEmpty {
            self.caBundlePath = bundle
        } else {
            self.caBundlePath = nil
        }
        self.userAgent = userAgent
    }

    deinit {
        if let handle { cbt_curl_easy_cleanup(handle) }
    }

    /// Aborts the transfer in progress and makes every later `send` fail with `HTTPError.cancelled`.
    public func cancel() {
        cancellation.set()
    }

    public var isCancelled: Bool { cancellation.isSet }

    public func send(_ request: HTTPRequest) throws -> HTTPResponse {
        guard let parts = URLParts(request.url) else { throw HTTPError.invalidURL }
        let host = parts.host
        if cancellation.isSet { throw HTTPError.cancelled(host: host) }

        lock.lock()
        defer { lock.unlock() }
        if let curlReadiness {
            throw HTTPError.libcurlUnavailable(reason: curlReadiness)
        }
        if handle == nil { handle = cbt_curl_easy_init() }
        guard let handle else {
            throw HTTPError.transferFailed(host: host, code: -1, detail: "libcurl could not create a handle")
        }
        // Defaults again for every call; connections and the DNS cache survive the reset.
        cbt_curl_easy_reset(handle)

        let state = TransferState(maxBodyBytes: maxResponseBytes, cancellation: cancellation,
                                  readTimeout: request.readTimeout.isFinite ? max(0, request.readTimeout) : 0)
        state.isConnected = {
            var connectTime = 0.0
            _ = cbt_curl_getinfo_double(handle, CURLINFO_CONNECT_TIME, &connectTime)
            return connectTime > 0
        }
        var headerList: UnsafeMutablePointer<curl_slist>?
        defer { cbt_curl_slist_free_all(headerList) }
        for header in request.headers {
            // `Name;` is libcurl's spelling of a header with an empty value.
            let line = header.value.isEmpty ? "\(header.name);" : "\(header.name): \(header.value)"
            headerList = cbt_curl_slist_append(headerList, line)
        }
        // No `Expect: 100-continue` round trip for larger bodies.
        headerList = cbt_curl_slist_append(headerList, "Expect:")

        let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        defer { errorBuffer.deallocate() }

        let code: CURLcode = request.body.withUnsafeBufferPointer { body in
            withExtendedLifetime(state) {
                let statePointer = Unmanaged.passUnretained(state).toOpaque()
                configure(handle, request: request, headerList: headerList, errorBuffer: errorBuffer, state: statePointer)
                // POSTFIELDS is not copied: the body buffer lives until perform returns.
                if request.method.uppercased() != "GET" {
                    _ = cbt_curl_setopt_ptr(handle, CURLOPT_POSTFIELDS, body.baseAddress.map(UnsafeRawPointer.init) ?? emptyBody)
                    _ = cbt_curl_setopt_off(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count))
                }
                return cbt_curl_easy_perform(handle)
            }
        }

        if code != CURLE_OK {
            throw failure(code, handle: handle, parts: parts, request: request, state: state,
                          detail: String(cString: errorBuffer))
        }
        var status = 0
        _ = cbt_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return HTTPResponse(status: status, headers: state.headers, body: state.body)
    }

    private func configure(_ handle: UnsafeMutableRawPointer, request: HTTPRequest,
                           headerList: UnsafeMutablePointer<curl_slist>?,
                           errorBuffer: UnsafeMutablePointer<CChar>, state: UnsafeMutableRawPointer) {
        _ = request.url.withCString { cbt_curl_setopt_ptr(handle, CURLOPT_URL, $0) }
        _ = "http,https".withCString { cbt_curl_setopt_ptr(handle, CURLOPT_PROTOCOLS_STR, $0) }
        _ = cbt_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        _ = cbt_curl_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 0)
        _ = cbt_curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(request.connectTimeout, default: 10))
        _ = cbt_curl_setopt_long(handle, CURLOPT_TIMEOUT_MS, Self.milliseconds(request.totalTimeout, default: 60))
        _ = cbt_curl_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, 1)
        _ = cbt_curl_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, 2)
        if let caBundlePath {
            _ = caBundlePath.withCString { cbt_curl_setopt_ptr(handle, CURLOPT_CAINFO, $0) }
        }
        // "" = every encoding this libcurl can decode (gzip, deflate, br, zstd); bodies arrive decoded.
        _ = "".withCString { cbt_curl_setopt_ptr(handle, CURLOPT_ACCEPT_ENCODING, $0) }
        _ = userAgent.withCString { cbt_curl_setopt_ptr(handle, CURLOPT_USERAGENT, $0) }
        _ = cbt_curl_setopt_ptr(handle, CURLOPT_HTTPHEADER, headerList.map { UnsafeRawPointer($0) })
        _ = cbt_curl_setopt_ptr(handle, CURLOPT_ERRORBUFFER, errorBuffer)

        switch request.method.uppercased() {
        case "GET": _ = cbt_curl_setopt_long(handle, CURLOPT_HTTPGET, 1)
        case "POST": _ = cbt_curl_setopt_long(handle, CURLOPT_POST, 1)
        default:
            _ = cbt_curl_setopt_long(handle, CURLOPT_POST, 1)
            _ = request.method.withCString { cbt_curl_setopt_ptr(handle, CURLOPT_CUSTOMREQUEST, $0) }
        }

        _ = cbt_curl_setopt_data_callback(handle, CURLOPT_WRITEFUNCTION, curlWriteBody)
        _ = cbt_curl_setopt_ptr(handle, CURLOPT_WRITEDATA, state)
        _ = cbt_curl_setopt_data_callback(handle, CURLOPT_HEADERFUNCTION, curlWriteHeader)
        _ = cbt_curl_setopt_ptr(handle, CURLOPT_HEADERDATA, state)
        _ = cbt_curl_setopt_long(handle, CURLOPT_NOPROGRESS, 0)
        _ = cbt_curl_setopt_xferinfo_callback(handle, curlProgress)
        _ = cbt_curl_setopt_ptr(handle, CURLOPT_XFERINFODATA, state)
    }

    /// Whole milliseconds, at least 1 (0 would mean "no timeout" to libcurl).
    static func milliseconds(_ seconds: Double, default fallback: Double) -> Int {
        let value = seconds.isFinite && seconds > 0 ? seconds : fallback
        return max(1, Int(min(value, 86_400) * 1000))
    }

    private func failure(_ code: CURLcode, handle: UnsafeMutableRawPointer, parts: URLParts,
                         request: HTTPRequest, state: TransferState, detail rawDetail: String) -> HTTPError {
        let host = parts.host
        let detail = Self.sanitized(rawDetail.isEmpty ? String(cString: cbt_curl_easy_strerror(code)) : rawDetail)
        switch code {
        case CURLE_COULDNT_RESOLVE_HOST:
            return .hostNotFound(host: host)
        case CURLE_COULDNT_RESOLVE_PROXY:
            return .proxyNotFound
        case CURLE_COULDNT_CONNECT:
            return .connectFailed(host: host, port: parts.port ?? parts.defaultPort)
        case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CONNECT_ERROR, CURLE_SSL_CERTPROBLEM,
             CURLE_SSL_CIPHER, CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH:
            return .tlsFailed(host: host, detail: detail)
        case CURLE_OPERATION_TIMEDOUT:
            var connectTime = 0.0
            _ = cbt_curl_getinfo_double(handle, CURLINFO_CONNECT_TIME, &connectTime)
            let whileConnecting = connectTime == 0
            let limitMilliseconds = whileConnecting
                ? Self.milliseconds(request.connectTimeout, default: 10)
                : Self.milliseconds(request.totalTimeout, default: 60)
            return .timedOut(host: host, seconds: Double(limitMilliseconds) / 1000, whileConnecting: whileConnecting)
        case CURLE_ABORTED_BY_CALLBACK where state.silenceExceeded:
            return .timedOut(host: host, seconds: state.readTimeout, whileConnecting: false)
        case CURLE_WRITE_ERROR where state.exceededLimit:
            return .responseTooLarge(host: host, limitBytes: maxResponseBytes)
        case CURLE_ABORTED_BY_CALLBACK:
            return .cancelled(host: host)
        case CURLE_WRITE_ERROR where state.cancelled:
            return .cancelled(host: host)
        case CURLE_GOT_NOTHING, CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_PARTIAL_FILE:
            return .connectionLost(host: host, detail: detail)
        default:
            return .transferFailed(host: host, code: Int(code.rawValue), detail: detail)
        }
    }

    /// libcurl's messages name hosts and ports, not URLs; drop anything that looks like a query or
    /// userinfo anyway, and keep it to one short line.
    static func sanitized(_ detail: String) -> String {
        var words: [Substring] = []
        for word in detail.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r" }) {
            if let question = word.firstIndex(of: "?") {
                words.append(word[..<question])
            } else if let at = word.lastIndex(of: "@"), word.contains("://") {
                words.append(word[word.index(after: at)...])
            } else {
                words.append(word)
            }
        }
        return String(words.joined(separator: " ").prefix(200))
    }
}

/// Non-null pointer for an empty POST body (a null POSTFIELDS would make libcurl read stdin).
private let emptyBody: UnsafeRawPointer = {
    let pointer = UnsafeMutableRawPointer.allocate(byteCount: 1, alignment: 1)
    pointer.storeBytes(of: 0, as: UInt8.self)
    return UnsafeRawPointer(pointer)
}()

private let curlWriteBody: cbt_curl_data_callback = { pointer, size, count, userdata in
    guard let userdata else { return 0 }
    let state = Unmanaged<TransferState>.fromOpaque(userdata).takeUnretainedValue()
    let length = size * count
    if state.cancellation.isSet {
        state.cancelled = true
        return 0
    }
    guard state.body.count + length <= state.maxBodyBytes else {
        state.exceededLimit = true
        return 0 // anything but `length` aborts the transfer with CURLE_WRITE_ERROR
    }
    if let pointer, length > 0 {
        pointer.withMemoryRebound(to: UInt8.self, capacity: length) {
            state.body.append(contentsOf: UnsafeBufferPointer(start: $0, count: length))
        }
    }
    return length
}

private let curlWriteHeader: cbt_curl_data_callback = { pointer, size, count, userdata in
    guard let userdata else { return 0 }
    let state = Unmanaged<TransferState>.fromOpaque(userdata).takeUnretainedValue()
    let length = size * count
    state.headerBytes += length
    guard state.headerBytes <= CurlTransport.maxHeaderBytes else {
        state.exceededLimit = true
        return 0
    }
    if let pointer, length > 0 {
        pointer.withMemoryRebound(to: UInt8.self, capacity: length) {
            state.addHeaderLine(UnsafeBufferPointer(start: $0, count: length))
        }
    }
    return length
}

private let curlProgress: cbt_curl_xferinfo_callback = { userdata, _, downloaded, _, uploaded in
    guard let userdata else { return 0 }
    let state = Unmanaged<TransferState>.fromOpaque(userdata).takeUnretainedValue()
    if state.cancellation.isSet {
        state.cancelled = true
        return 1 // non-zero aborts with CURLE_ABORTED_BY_CALLBACK
    }
    if state.checkSilence(bytesSoFar: Int64(downloaded) + Int64(uploaded), at: DispatchTime.now().uptimeNanoseconds) {
        return 1
    }
    return 0
}
