import Crypto
import Foundation

/// AWS Signature Version 4 for the requests cbtriage sends.
/// API CONTRACT (kept by the signing work): a pure value; `sign` adds `X-Amz-Date`,
/// `X-Amz-Security-Token` (when the credentials carry one) and `Authorization` to the request,
/// signing `host` (taken from the URL, with `:port` when not the scheme's default), every header already
/// on the request except those libcurl may add or change, and the SHA-256 of the exact body bytes.
/// For service `s3` the path is signed as sent and the payload hash is the request's `x-amz-content-sha256`.
///
/// The stages (canonical request in `SigV4Canonical`, then string to sign, signing key, signature,
/// authorization here) are separate static functions so tests check each against the shared vectors.
public struct SigV4Signer: Sendable {
    public static let algorithm = "AWS4-HMAC-SHA256"

    public var credentials: AWSCredentials
    public var region: String
    public var service: String

    public init(credentials: AWSCredentials, region: String, service: String) {
        self.credentials = credentials
        self.region = region
        self.service = service
    }

    public func sign(_ request: inout HTTPRequest, date: Date) {
        let amzDate = AmzDate.string(from: date)
        let parts = URLParts(request.url)
        // A request whose URL does not parse is still signed (from a `Host` header if the caller set
        // one); the transport then rejects the URL with a typed error before anything is sent.
        let hostHeader = parts?.hostHeader
            ?? request.headers.first { $0.name.lowercased() == "host" }?.value ?? ""

        // Replace anything a previous signing attempt (a retry) left behind.
        let replaced: Set<String> = ["host", "x-amz-date", "x-amz-security-token", "authorization"]
        request.headers.removeAll { replaced.contains($0.name.lowercased()) }
        request.headers.append(HTTPHeader("Host", hostHeader))
        request.headers.append(HTTPHeader("X-Amz-Date", amzDate))
        if let token = credentials.sessionToken, !token.isEmpty {
            request.headers.append(HTTPHeader("X-Amz-Security-Token", token))
        }

        let canonical = SigV4Canonical.canonicalRequest(
            method: request.method, path: parts?.path ?? "/", query: parts?.query ?? "",
            headers: request.headers, body: request.body, s3Rules: service == AWSService.s3.signingName)
        let scope = Self.credentialScope(amzDate: amzDate, region: region, service: service)
        let toSign = Self.stringToSign(canonicalRequest: canonical.text, amzDate: amzDate, scope: scope)
        let key = SigningKeyCache.shared.key(secret: credentials.secretAccessKey, date: String(amzDate.prefix(8)),
                                             region: region, service: service)
        let signature = Self.signature(signingKey: key, stringToSign: toSign)
        request.headers.append(HTTPHeader("Authorization", Self.authorization(
            accessKeyId: credentials.accessKeyId, scope: scope,
            signedHeaders: canonical.signedHeaders, signature: signature)))
    }

    // MARK: - Stages

    /// `YYYYMMDD/region/service/aws4_request`, the date being the first 8 characters of `X-Amz-Date`.
    public static func credentialScope(amzDate: String, region: String, service: String) -> String {
        "\(amzDate.prefix(8))/\(region)/\(service)/aws4_request"
    }

    /// Four lines: algorithm, `X-Amz-Date`, scope, hex SHA-256 of the canonical request.
    public static func stringToSign(canonicalRequest: String, amzDate: String, scope: String) -> String {
        let digest = SigV4Encoding.hex(SHA256.hash(data: Array(canonicalRequest.utf8)))
        return "\(algorithm)\n\(amzDate)\n\(scope)\n\(digest)"
    }

    /// kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request").
    public static func signingKey(secret: String, date: String, region: String, service: String) -> SymmetricKey {
        var key = SymmetricKey(data: Array(("AWS4" + secret).utf8))
        for part in [date, region, service, "aws4_request"] {
            key = SymmetricKey(data: Array(HMAC<SHA256>.authenticationCode(for: Array(part.utf8), using: key)))
        }
        return key
    }

    /// Lowercase hex HMAC-SHA256 of the string to sign.
    public static func signature(signingKey: SymmetricKey, stringToSign: String) -> String {
        SigV4Encoding.hex(HMAC<SHA256>.authenticationCode(for: Array(stringToSign.utf8), using: signingKey))
    }

    /// The `Authorization` value; the parts are separated by a comma and a space.
    public static func authorization(accessKeyId: String, scope: String, signedHeaders: String, signature: String) -> String {
        "\(algorithm) Credential=\(accessKeyId)/\(scope), SignedHeaders=\(signedHeaders), Signature=\(signature)"
    }
}
