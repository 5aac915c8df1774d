import Foundation

/// AWS credentials. Their descriptions never show the secret key or the session token.
public struct AWSCredentials: Equatable, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    public var accessKeyId: String
    public var secretAccessKey: String
    public var sessionToken: String?
    /// When temporary credentials stop working; nil for long-term keys.
    public var expiration: Date?
    /// Which provider in the chain produced them (`environment`, `profile dev`, `container`, …), for `--verbose`.
    public var source: String

    public init(accessKeyId: String, secretAccessKey: String, sessionToken: String? = nil,
                expiration: Date? = nil, source: String = "static") {
        self.accessKeyId = accessKeyId
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
        self.expiration = expiration
        self.source = source
    }

    public var description: String {
        "AWSCredentials(accessKeyId: \(accessKeyId), secretAccessKey: <redacted>, sessionToken: \(sessionToken == nil ? "none" : "<redacted>"), source: \(source))"
    }

    public var debugDescription: String { description }
}

/// Produces credentials on demand; implementations cache and refresh temporary credentials
/// before they expire, and throw a `UserFacingError` that names the provider when they cannot.
public protocol CredentialsProvider: AnyObject {
    func credentials() throws -> AWSCredentials
}

/// Fixed credentials: tests, and the leaf of a chain once resolved.
public final class StaticCredentialsProvider: CredentialsProvider {
    private let value: AWSCredentials
    public init(_ value: AWSCredentials) { self.value = value }
    public func credentials() throws -> AWSCredentials { value }
}
