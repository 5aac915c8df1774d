import Foundation

/// What every provider in the chain may use, passed in once.
struct CredentialContext {
    var environment: AWSEnvironment
    var config: SharedConfig
    var transport: HTTPTransport
    /// Region and endpoint for STS calls (AssumeRole, AssumeRoleWithWebIdentity).
    var region: String
    var stsEndpoint: String

    var sts: STSClient {
        STSClient(transport: transport, endpoint: stsEndpoint, region: region, now: environment.now)
    }

    /// Cached-and-refreshed wrapper around one way of fetching credentials.
    func caching(_ fetch: @escaping () throws -> AWSCredentials) -> CachingCredentialsProvider {
        CachingCredentialsProvider(now: environment.now, fetch: fetch)
    }

    /// `cbtriage-<unix seconds>`, like botocore's `botocore-session-<unix seconds>`.
    func defaultSessionName() -> String {
        "cbtriage-\(Int(environment.now().timeIntervalSince1970))"
    }
}
