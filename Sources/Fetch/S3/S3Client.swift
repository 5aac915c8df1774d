/// The three S3 operations cbtriage needs, over the shared signed caller: GetObject (a build's log),
/// PutObject (a stored diagnosis) and ListObjectsV2 (stored diagnoses to summarise).
public final class S3Client {
    private let caller: AWSRESTCalling
    private let endpoint: String
    private let virtualHosted: Bool

    /// `virtualHosted`: AWS's own endpoint (`bucket.s3.REGION.amazonaws.com`); false for a custom endpoint,
    /// which is addressed path-style. See `S3ObjectAddress.url`.
    public init(caller: AWSRESTCalling, endpoint: String, virtualHosted: Bool) {
        self.caller = caller
        self.endpoint = endpoint
        self.virtualHosted = virtualHosted
    }

    /// The object's bytes as stored (libcurl undoes a `Content-Encoding`, not the `.gz` of the object itself).
    /// The body is held in memory, up to the transport's response cap.
    public func getObject(_ address: S3ObjectAddress) throws -> [UInt8] {
        // UNSIGNED-PAYLOAD: S3 accepts it on any request; a GET has no body to hash anyway.
        try caller.callREST(AWSRESTRequest(
            service: .s3, operation: "GetObject", method: "GET",
            url: address.url(endpoint: endpoint, virtualHosted: virtualHosted),
            headers: [HTTPHeader("x-amz-content-sha256", "UNSIGNED-PAYLOAD")])).body
    }

    /// Stores `body` at the address, replacing any object of that key (S3 has no "create only" here).
    public func putObject(_ address: S3ObjectAddress, body: [UInt8], contentType: String) throws {
        // The real SHA-256 for a PUT: S3 then rejects a body changed on the way.
        let hash = SigV4Canonical.payloadHash(body)
        _ = try caller.callREST(AWSRESTRequest(
            service: .s3, operation: "PutObject", method: "PUT",
            url: address.url(endpoint: endpoint, virtualHosted: virtualHosted),
            headers: [HTTPHeader("Content-Type", contentType), HTTPHeader("x-amz-content-sha256", hash)],
            body: body))
    }

    /// Every key under the prefix, in S3's order (UTF-8 binary), following continuation tokens until S3
    /// says the listing is complete. A token S3 repeats would loop forever, so it stops the listing.
    public func listKeys(bucket: String, prefix: String) throws -> [String] {
        var keys: [String] = []
        var token: String?
        var seenTokens: Set<String> = []
        repeat {
            var query = [("list-type", "2"), ("prefix", prefix)]
            if let token { query.append(("continuation-token", token)) }
            let encoded = query.sorted { $0.0 < $1.0 }
                .map { "\($0.0)=\(SigV4Encoding.uriEncode($0.1.utf8, keepSlash: false))" }.joined(separator: "&")
            let bucketAddress = S3ObjectAddress(bucket: bucket, key: "")
            let answer = try caller.callREST(AWSRESTRequest(
                service: .s3, operation: "ListObjectsV2", method: "GET",
                url: bucketAddress.url(endpoint: endpoint, virtualHosted: virtualHosted, query: encoded),
                headers: [HTTPHeader("x-amz-content-sha256", "UNSIGNED-PAYLOAD")], xmlAnswer: true))
            let page = try S3ListingPage(xml: String(decoding: answer.body, as: UTF8.self), bucket: bucket)
            keys += page.keys
            token = page.isTruncated ? page.nextToken : nil
            if let next = token {
                guard seenTokens.insert(next).inserted else {
                    throw S3Error.unreadableListing(bucket: bucket, reason: "it repeated a continuation token")
                }
            }
        } while token != nil
        return keys
    }
}

/// One ListObjectsV2 page: `<Contents><Key>…</Key>…</Contents>`, `<IsTruncated>`, `<NextContinuationToken>`.
struct S3ListingPage: Equatable {
    var keys: [String]
    var isTruncated: Bool
    var nextToken: String?

    init(xml: String, bucket: String) throws {
        guard xml.contains("<ListBucketResult") else {
            throw S3Error.unreadableListing(bucket: bucket, reason: "no ListBucketResult element")
        }
        var keys: [String] = []
        var rest = xml[...]
        while let open = rest.range(of: "<Contents>"), let close = rest.range(of: "</Contents>", range: open.upperBound..<rest.endIndex) {
            let entry = String(rest[open.upperBound..<close.lowerBound])
            if let key = AWSErrorDecoder.xmlElement("Key", in: entry) { keys.append(key) }
            rest = rest[close.upperBound...]
        }
        self.keys = keys
        isTruncated = AWSErrorDecoder.xmlElement("IsTruncated", in: xml)?.lowercased() == "true"
        nextToken = AWSErrorDecoder.xmlElement("NextContinuationToken", in: xml)
        if isTruncated && (nextToken ?? "").isEmpty {
            throw S3Error.unreadableListing(bucket: bucket, reason: "truncated without a NextContinuationToken")
        }
    }
}
