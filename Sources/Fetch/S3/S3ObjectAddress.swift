/// A bucket and a key (or a key prefix), and how each becomes a request URL.
public struct S3ObjectAddress: Equatable, Sendable {
    public var bucket: String
    /// The object key, or a prefix when listing; no leading `/`.
    public var key: String

    public init(bucket: String, key: String) {
        self.bucket = bucket
        self.key = key
    }

    /// `s3://bucket/key`, as the AWS CLI names it.
    public var uri: String { "s3://\(bucket)/\(key)" }

    /// `s3://bucket/prefix`, `bucket/prefix` (CodeBuild's `s3Logs.location`) or `arn:aws:s3:::bucket/prefix`;
    /// nil when there is no bucket.
    public init?(parsing text: String) {
        var rest = Substring(text)
        if rest.hasPrefix("s3://") {
            rest = rest.dropFirst(5)
        } else if rest.hasPrefix("arn:"), let range = rest.range(of: ":::") {
            rest = rest[range.upperBound...]
        }
        let slash = rest.firstIndex(of: "/") ?? rest.endIndex
        let bucket = rest[..<slash]
        guard !bucket.isEmpty, !bucket.contains(":") else { return nil }
        self.bucket = String(bucket)
        self.key = slash == rest.endIndex ? "" : String(rest[rest.index(after: slash)...])
    }

    /// The URL of this object, with `query` (already encoded) appended.
    ///
    /// A custom endpoint (`--endpoint-url`, moto, MinIO) gets a path-style URL, `http://host:port/bucket/key`:
    /// such servers rarely resolve bucket host names. AWS's own endpoint gets a virtual-hosted URL,
    /// `https://bucket.s3.REGION.amazonaws.com/key`, which is what S3 wants (path-style is deprecated for new
    /// buckets) — except for a bucket whose name has a dot, whose host name the wildcard TLS certificate
    /// does not cover; that one stays path-style.
    /// Each key segment is URI-encoded (RFC 3986 unreserved kept), `/` kept: S3 signs the path as sent.
    public func url(endpoint: String, virtualHosted: Bool, query: String = "") -> String {
        let base = endpoint.hasSuffix("/") ? String(endpoint.dropLast()) : endpoint
        let encodedKey = SigV4Encoding.uriEncode(key.utf8, keepSlash: true)
        let suffix = query.isEmpty ? "" : "?" + query
        if virtualHosted, !bucket.contains("."), let schemeEnd = base.range(of: "://") {
            let host = base[schemeEnd.upperBound...]
            return "\(base[..<schemeEnd.upperBound])\(bucket).\(host)/\(encodedKey)\(suffix)"
        }
        return "\(base)/\(SigV4Encoding.uriEncode(bucket.utf8, keepSlash: false))/\(encodedKey)\(suffix)"
    }
}
