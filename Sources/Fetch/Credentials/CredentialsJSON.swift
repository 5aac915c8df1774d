import Foundation

/// The JSON credential documents of the container endpoint, IMDS and `credential_process`.
///
/// They agree on `AccessKeyId`, `SecretAccessKey` and `Expiration`; the session token is `Token`
/// (container, IMDS) or `SessionToken` (process). Messages about a bad document never quote it.
struct CredentialsDocument: Decodable {
    var version: Int?
    var code: String?
    var accessKeyId: String?
    var secretAccessKey: String?
    var token: String?
    var sessionToken: String?
    var expiration: String?

    enum CodingKeys: String, CodingKey {
        case version = "Version", code = "Code", accessKeyId = "AccessKeyId"
        case secretAccessKey = "SecretAccessKey", token = "Token", sessionToken = "SessionToken"
        case expiration = "Expiration"
    }

    static func decode(_ bytes: [UInt8], provider: String) throws -> CredentialsDocument {
        do {
            return try JSONDecoder().decode(CredentialsDocument.self, from: Data(bytes))
        } catch {
            throw CredentialsError.badResponse(provider: provider, reason: "not a JSON credentials document")
        }
    }

    /// - Parameter requireExpiration: temporary-credential endpoints must say when they end.
    func credentials(provider: String, source: String, requireExpiration: Bool) throws -> AWSCredentials {
        guard let accessKeyId, !accessKeyId.isEmpty else {
            throw CredentialsError.badResponse(provider: provider, reason: "AccessKeyId is missing")
        }
        guard let secretAccessKey, !secretAccessKey.isEmpty else {
            throw CredentialsError.badResponse(provider: provider, reason: "SecretAccessKey is missing")
        }
        var expirationDate: Date?
        if let expiration, !expiration.isEmpty {
            guard let parsed = ISO8601Timestamp.parse(expiration) else {
                throw CredentialsError.badResponse(provider: provider,
                                                   reason: "Expiration '\(expiration)' is not an ISO 8601 time")
            }
            expirationDate = parsed
        } else if requireExpiration {
            throw CredentialsError.badResponse(provider: provider, reason: "Expiration is missing")
        }
        let session = (token?.isEmpty == false ? token : nil) ?? (sessionToken?.isEmpty == false ? sessionToken : nil)
        return AWSCredentials(accessKeyId: accessKeyId, secretAccessKey: secretAccessKey,
                              sessionToken: session, expiration: expirationDate, source: source)
    }
}

/// ISO 8601 times as AWS writes them: `2026-11-25T16:00:00Z`, with fractional seconds, or an offset.
enum ISO8601Timestamp {
    static func parse(_ text: String) -> Date? {
        let plain = ISO8601DateFormatter()
        plain.formatOptions = [.withInternetDateTime]
        if let date = plain.date(from: text) { return date }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return fractional.date(from: text)
    }
}
