import Crypto

/// The canonical-request stage of SigV4 (the general rules, and S3's where they differ), as pure functions.
///
/// Each stage is separately callable so a failing vector names the stage that went wrong.
public enum SigV4Canonical {
    /// Headers never signed: libcurl adds or may change them after signing (`Content-Length`,
    /// `Expect: 100-continue`, `Accept-Encoding` from CURLOPT_ACCEPT_ENCODING, `Transfer-Encoding`),
    /// proxies may rewrite them (`Connection`), or they are the signature itself.
    /// botocore leaves `expect`, `user-agent` and `x-amzn-trace-id` out for the same reason.
    public static let unsignedHeaderNames: Set<String> = [
        "authorization", "content-length", "user-agent", "expect", "transfer-encoding",
        "connection", "accept-encoding", "x-amzn-trace-id",
    ]

    /// Canonical URI for every service except S3: remove `.` and `..` segments, collapse `//`,
    /// keep a trailing `/`, then URI-encode each byte except `/`.
    ///
    /// A path taken from a real URL is already encoded on the wire, so its `%` become `%25`:
    /// non-S3 paths are URI-encoded twice, which is what AWS computes on its side.
    public static func canonicalURI(path: String) -> String {
        var segments: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            if segment == "." { continue }
            if segment == ".." {
                if !segments.isEmpty { segments.removeLast() }
                continue
            }
            segments.append(segment)
        }
        var normalized = "/" + segments.joined(separator: "/")
        if !segments.isEmpty && path.hasSuffix("/") {
            normalized += "/"
        }
        return SigV4Encoding.uriEncode(normalized.utf8, keepSlash: true)
    }

    /// Canonical query string: decode each name and value once, re-encode (space → `%20`,
    /// `/` → `%2F`), sort by encoded name then value, keep repeated names and `=` for empty values.
    public static func canonicalQuery(_ rawQuery: String) -> String {
        if rawQuery.isEmpty { return "" }
        var pairs: [(name: String, value: String)] = []
        for item in rawQuery.utf8.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let name: ArraySlice<UInt8>
            let value: ArraySlice<UInt8>
            let bytes = ArraySlice(item)
            if let equals = bytes.firstIndex(of: UInt8(ascii: "=")) {
                name = bytes[..<equals]
                value = bytes[(equals + 1)...]
            } else {
                name = bytes
                value = []
            }
            pairs.append((
                SigV4Encoding.uriEncode(SigV4Encoding.percentDecode(name), keepSlash: false),
                SigV4Encoding.uriEncode(SigV4Encoding.percentDecode(value), keepSlash: false)
            ))
        }
        // Encoded text is ASCII, so comparing UTF-8 bytes is the byte order the spec asks for.
        pairs.sort { lhs, rhs in
            if lhs.name != rhs.name { return lhs.name.utf8.lexicographicallyPrecedes(rhs.name.utf8) }
            return lhs.value.utf8.lexicographicallyPrecedes(rhs.value.utf8)
        }
        return pairs.map { "\($0.name)=\($0.value)" }.joined(separator: "&")
    }

    /// The canonical header block (`name:value\n` per header, sorted by lowercase name) and the
    /// signed-header list (`a;b;c`). Values are Trimall'd; repeated names are joined with `,` in the
    /// order sent. Names in `unsignedHeaderNames` are left out.
    public static func canonicalHeaders(_ headers: [HTTPHeader]) -> (block: String, signedHeaders: String) {
        var order: [String] = []
        var values: [String: [String]] = [:]
        for header in headers {
            let name = header.name.lowercased()
            if unsignedHeaderNames.contains(name) { continue }
            if values[name] == nil { order.append(name) }
            values[name, default: []].append(SigV4Encoding.trimAll(header.value))
        }
        let names = order.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var block = ""
        for name in names {
            block += name + ":" + (values[name] ?? []).joined(separator: ",") + "\n"
        }
        return (block, names.joined(separator: ";"))
    }

    /// Lowercase hex SHA-256 of the exact body bytes.
    public static func payloadHash(_ body: [UInt8]) -> String {
        SigV4Encoding.hex(SHA256.hash(data: body))
    }

    /// S3's canonical URI: the path exactly as sent (each key segment already URI-encoded once, `/` kept),
    /// neither normalised nor encoded again: `a/../b` and `a//b` are distinct keys in S3.
    public static func s3CanonicalURI(path: String) -> String {
        path.isEmpty ? "/" : path
    }

    /// The six canonical-request parts joined by `\n`: method, URI, query, header block (which ends in
    /// `\n`, so an empty line follows it), signed headers, payload hash.
    /// `s3Rules`: S3's URI rule (`s3CanonicalURI`), and the payload hash is the `x-amz-content-sha256` header's
    /// value when the request carries one (`UNSIGNED-PAYLOAD` included), as S3 computes it.
    public static func canonicalRequest(method: String, path: String, query: String,
                                        headers: [HTTPHeader], body: [UInt8],
                                        s3Rules: Bool = false) -> (text: String, signedHeaders: String) {
        let canonical = canonicalHeaders(headers)
        let declaredHash = s3Rules ? headers.first { $0.name.lowercased() == "x-amz-content-sha256" }?.value : nil
        let text = [
            method.uppercased(),
            s3Rules ? s3CanonicalURI(path: path) : canonicalURI(path: path),
            canonicalQuery(query),
            canonical.block,
            canonical.signedHeaders,
            declaredHash ?? payloadHash(body),
        ].joined(separator: "\n")
        return (text, canonical.signedHeaders)
    }
}
