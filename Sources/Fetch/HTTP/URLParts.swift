/// The pieces of an absolute `http(s)://host[:port]/path?query` URL, split without Foundation.
///
/// The signer needs the path and query exactly as given (already encoded on the wire, or raw in the
/// SigV4 suite), which `URL` would reject or re-encode; the transport needs the host for error
/// messages (never the query, which may carry tokens).
public struct URLParts: Equatable, Sendable {
    /// Lowercase `http` or `https`.
    public var scheme: String
    /// Lowercase host name or address, without brackets for IPv6.
    public var host: String
    /// The explicit port, nil when the URL names none.
    public var port: Int?
    /// Starts with `/`; `/` when the URL has no path.
    public var path: String
    /// Everything after the first `?`, without it; empty when absent.
    public var query: String

    /// Parses `url`; nil when it is not an absolute http(s) URL with a host.
    public init?(_ url: String) {
        guard let schemeEnd = url.range(of: "://") else { return nil }
        let scheme = url[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "http" || scheme == "https" else { return nil }
        let rest = url[schemeEnd.upperBound...]
        // The authority ends at the first `/`, `?` or `#`.
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        var authority = rest[..<authorityEnd]
        if let at = authority.lastIndex(of: "@") {
            authority = authority[authority.index(after: at)...]
        }
        var hostPart = Substring(authority)
        var port: Int?
        if hostPart.hasPrefix("[") {
            guard let close = hostPart.firstIndex(of: "]") else { return nil }
            let afterClose = hostPart[hostPart.index(after: close)...]
            if afterClose.hasPrefix(":") {
                guard let value = Int(afterClose.dropFirst()), (0...65535).contains(value) else { return nil }
                port = value
            } else if !afterClose.isEmpty {
                return nil
            }
            hostPart = hostPart[hostPart.index(after: hostPart.startIndex)..<close]
        } else if let colon = hostPart.lastIndex(of: ":") {
            let portText = hostPart[hostPart.index(after: colon)...]
            if !portText.isEmpty {
                guard let value = Int(portText), (0...65535).contains(value) else { return nil }
                port = value
            }
            hostPart = hostPart[..<colon]
        }
        guard !hostPart.isEmpty else { return nil }

        var pathAndQuery = rest[authorityEnd...]
        if let hash = pathAndQuery.firstIndex(of: "#") {
            pathAndQuery = pathAndQuery[..<hash]
        }
        let path: Substring
        let query: Substring
        if let question = pathAndQuery.firstIndex(of: "?") {
            path = pathAndQuery[..<question]
            query = pathAndQuery[pathAndQuery.index(after: question)...]
        } else {
            path = pathAndQuery
            query = ""
        }
        self.scheme = scheme
        self.host = hostPart.lowercased()
        self.port = port
        self.path = path.isEmpty ? "/" : String(path)
        self.query = String(query)
    }

    /// 443 for https, 80 for http.
    public var defaultPort: Int { scheme == "https" ? 443 : 80 }

    /// The `Host` header value: the host, with `:port` only when it is not the scheme's default.
    /// libcurl builds its Host header by the same rule, and the signature must cover exactly that string.
    public var hostHeader: String {
        let name = host.contains(":") ? "[\(host)]" : host
        if let port, port != defaultPort { return "\(name):\(port)" }
        return name
    }
}
