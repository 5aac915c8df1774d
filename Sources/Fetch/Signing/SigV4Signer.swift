import Foundation

/// AWS Signature Version 4 for the requests cbtriage sends.
/// API CONTRACT (kept by the signing work): a pure value; `sign` adds `X-Amz-Date`,
/// `X-Amz-Security-Token` (when the credentials carry one) and `Authorization` to the request,
/// signing `host` (taken from the URL, with `:port` when not the scheme's default), every header already
/// on the request except those libcurl may add or change, and the SHA-256 of the exact body bytes.
public struct SigV4Signer: Sendable {
    public var credentials: AWSCredentials
    public var region: String
    public var service: String

    public init(credentials: AWSCredentials, region: String, service: String) {
        self.credentials = credentials
        self.region = region
        self.service = service
    }

    public func sign(_ request: inout HTTPRequest, date: Date) {
        // PLACEHOLDER until the signing work lands.
    }
}
