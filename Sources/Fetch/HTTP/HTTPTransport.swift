/// One HTTP header; a list of these keeps order and repeated names, which a dictionary would lose.
public struct HTTPHeader: Equatable, Sendable {
    public var name: String
    public var value: String
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

public struct HTTPRequest: Sendable {
    public var method: String
    /// Absolute URL, e.g. `https://logs.us-east-1.amazonaws.com/`.
    public var url: String
    public var headers: [HTTPHeader]
    /// The exact bytes sent; a signer hashes these, not a re-encoding.
    public var body: [UInt8]
    /// Seconds allowed to connect, and for the whole exchange.
    public var connectTimeout: Double
    public var totalTimeout: Double
    /// Seconds the connection may stay silent (no byte either way) before the request is given up, as the AWS
    /// CLI's `--cli-read-timeout`; 0 leaves only `totalTimeout`. Whole seconds (libcurl's low-speed limit).
    public var readTimeout: Double

    public init(method: String, url: String, headers: [HTTPHeader] = [], body: [UInt8] = [],
                connectTimeout: Double = 10, totalTimeout: Double = 60, readTimeout: Double = 0) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
        self.readTimeout = readTimeout
    }
}

public struct HTTPResponse: Sendable {
    public var status: Int
    public var headers: [HTTPHeader]
    public var body: [UInt8]

    public init(status: Int, headers: [HTTPHeader] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The first header of that name, compared case-insensitively.
    public func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name.lowercased() == wanted }?.value
    }
}

/// Sends one request and waits for its whole response.
///
/// The real implementation is libcurl's easy interface (`CurlTransport`); unit tests swap in a fake
/// that records requests and returns scripted responses. Implementations never block forever:
/// they honour the request's timeouts and throw a `UserFacingError` that says what failed
/// (DNS, connect, TLS, timeout, response too large).
public protocol HTTPTransport: AnyObject {
    func send(_ request: HTTPRequest) throws -> HTTPResponse
}
