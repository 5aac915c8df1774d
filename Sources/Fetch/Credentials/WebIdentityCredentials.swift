import Foundation

/// `AssumeRoleWithWebIdentity` with a token read from a file (EKS IRSA, GitHub/GitLab OIDC).
///
/// Settings come from `AWS_WEB_IDENTITY_TOKEN_FILE` / `AWS_ROLE_ARN` / `AWS_ROLE_SESSION_NAME`,
/// each falling back to the profile's `web_identity_token_file` / `role_arn` / `role_session_name`.
/// The token file is read on every refresh because its issuer rotates it.
struct WebIdentityCredentials {
    var tokenFile: String
    var roleArn: String
    var sessionName: String
    var context: CredentialContext

    /// Nil when no token file is configured. - Parameter environment: nil to ignore the variables.
    static func configured(environment: AWSEnvironment?, profile: SharedConfig.Profile?, profileName: String,
                           context: CredentialContext) throws -> WebIdentityCredentials? {
        guard let tokenFile = environment?.value("AWS_WEB_IDENTITY_TOKEN_FILE") ?? profile?["web_identity_token_file"] else {
            return nil
        }
        guard let roleArn = environment?.value("AWS_ROLE_ARN") ?? profile?["role_arn"] else {
            throw CredentialsError.webIdentity(reason: "a token file is set but no role: set AWS_ROLE_ARN or role_arn in profile '\(profileName)'")
        }
        let sessionName = environment?.value("AWS_ROLE_SESSION_NAME") ?? profile?["role_session_name"]
            ?? context.defaultSessionName()
        return WebIdentityCredentials(tokenFile: context.environment.expandingTilde(tokenFile), roleArn: roleArn,
                                      sessionName: sessionName, context: context)
    }

    func load() throws -> AWSCredentials {
        let bytes: [UInt8]?
        do { bytes = try context.environment.readFile(tokenFile) } catch {
            throw CredentialsError.webIdentity(reason: "cannot read token file \(tokenFile)")
        }
        guard let bytes else { throw CredentialsError.webIdentity(reason: "token file \(tokenFile) does not exist") }
        let token = String(decoding: bytes, as: UTF8.self).trimmingAll(of: " \t\r\n")
        guard !token.isEmpty else { throw CredentialsError.webIdentity(reason: "token file \(tokenFile) is empty") }
        return try context.sts.assumeRoleWithWebIdentity(roleArn: roleArn, roleSessionName: sessionName, token: token,
                                                         source: "web identity (assume role \(roleArn))")
    }
}
