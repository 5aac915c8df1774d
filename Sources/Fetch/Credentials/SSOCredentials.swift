import Crypto
import Foundation

/// IAM Identity Center (SSO) profiles: the access token `aws sso login` left in
/// `~/.aws/sso/cache/<sha1>.json`, exchanged at the SSO portal for role credentials.
///
/// The cache file name is the SHA-1 of the `sso_session` name (or, for legacy profiles, of
/// `sso_start_url`), as botocore computes it. cbtriage never logs in or refreshes the token
/// itself: an absent or expired token is an error telling the user to run `aws sso login`.
struct SSOCredentials {
    var profileName: String
    var startURL: String
    var ssoRegion: String
    var accountId: String
    var roleName: String
    var sessionName: String?
    var context: CredentialContext

    /// Nil when the profile names no SSO account or role (botocore's trigger).
    static func configured(profile: SharedConfig.Profile?, name: String, context: CredentialContext) throws -> SSOCredentials? {
        guard var settings = profile, settings["sso_account_id"] != nil || settings["sso_role_name"] != nil else { return nil }
        let sessionName = settings["sso_session"]
        if let sessionName {
            guard let session = context.config.ssoSessions[sessionName] else {
                throw CredentialsError.sso(profile: name, reason: "sso_session '\(sessionName)' has no [sso-session \(sessionName)] section")
            }
            for (key, value) in session.values {
                if let own = settings[key], own != value {
                    throw CredentialsError.sso(profile: name, reason: "\(key) differs between the profile and [sso-session \(sessionName)]")
                }
                settings.values[key] = value
            }
        }
        let required = ["sso_start_url", "sso_region", "sso_account_id", "sso_role_name"]
        let missing = required.filter { settings[$0] == nil }
        guard missing.isEmpty, let startURL = settings["sso_start_url"], let ssoRegion = settings["sso_region"],
              let accountId = settings["sso_account_id"], let roleName = settings["sso_role_name"] else {
            throw CredentialsError.sso(profile: name, reason: "missing \(missing.joined(separator: ", "))")
        }
        guard RegionResolver.isPlausibleRegion(ssoRegion) else {
            throw CredentialsError.sso(profile: name, reason: "sso_region '\(ssoRegion)' is not a region code")
        }
        return SSOCredentials(profileName: name, startURL: startURL, ssoRegion: ssoRegion, accountId: accountId,
                              roleName: roleName, sessionName: sessionName, context: context)
    }

    var cachePath: String {
        let key = sessionName ?? startURL
        let digest = Insecure.SHA1.hash(data: Array(key.utf8))
        let hex = digest.map { String(format: "%02x", $0) }.joined()
        return context.environment.homeDirectory + "/.aws/sso/cache/\(hex).json"
    }

    func load() throws -> AWSCredentials {
        let token = try cachedAccessToken()
        let query = "account_id=\(SigV4Encoding.uriEncode(accountId.utf8, keepSlash: false))"
            + "&role_name=\(SigV4Encoding.uriEncode(roleName.utf8, keepSlash: false))"
        let host = "portal.sso.\(ssoRegion).\(EndpointResolver.dnsSuffix(region: ssoRegion))"
        let request = HTTPRequest(method: "GET", url: "https://\(host)/federation/credentials?\(query)",
                                  headers: [HTTPHeader("x-amz-sso_bearer_token", token)],
                                  connectTimeout: 5, totalTimeout: 30)
        let response = try context.transport.send(request)
        if response.status == 401 || response.status == 403 {
            throw CredentialsError.sso(profile: profileName, reason: "the SSO session is no longer valid (HTTP \(response.status))")
        }
        guard response.status == 200 else {
            throw CredentialsError.sso(profile: profileName, reason: "GetRoleCredentials answered HTTP \(response.status)")
        }
        let provider = "IAM Identity Center GetRoleCredentials"
        guard let document = try? JSONDecoder().decode(RoleCredentialsResponse.self, from: Data(response.body)),
              let role = document.roleCredentials else {
            throw CredentialsError.badResponse(provider: provider, reason: "no roleCredentials in the response")
        }
        guard let accessKeyId = role.accessKeyId, let secret = role.secretAccessKey else {
            throw CredentialsError.badResponse(provider: provider, reason: "accessKeyId or secretAccessKey is missing")
        }
        let expiration = role.expiration.map { Date(timeIntervalSince1970: $0 / 1000) } // milliseconds
        return AWSCredentials(accessKeyId: accessKeyId, secretAccessKey: secret, sessionToken: role.sessionToken,
                              expiration: expiration, source: "profile \(profileName) (IAM Identity Center)")
    }

    private func cachedAccessToken() throws -> String {
        let path = cachePath
        guard let bytes = try? context.environment.readFile(path),
              let cached = try? JSONDecoder().decode(CachedToken.self, from: Data(bytes)),
              let token = cached.accessToken, let expiresAt = cached.expiresAt else {
            throw CredentialsError.sso(profile: profileName, reason: "no usable cached SSO token (\(path))")
        }
        // Old CLI versions wrote `2019-11-14T04:05:45UTC`.
        let normalized = expiresAt.hasSuffix("UTC") ? String(expiresAt.dropLast(3)) + "Z" : expiresAt
        guard let expiry = ISO8601Timestamp.parse(normalized), expiry > context.environment.now() else {
            throw CredentialsError.sso(profile: profileName, reason: "the cached SSO token has expired")
        }
        return token
    }

    private struct CachedToken: Decodable {
        var accessToken: String?
        var expiresAt: String?
    }

    private struct RoleCredentialsResponse: Decodable {
        struct Role: Decodable {
            var accessKeyId: String?
            var secretAccessKey: String?
            var sessionToken: String?
            var expiration: Double?
        }
        var roleCredentials: Role?
    }
}
