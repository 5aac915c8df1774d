import Foundation

/// The profile part of the chain, in botocore's order: assume role (`role_arn` with
/// `source_profile` or `credential_source`), web identity, SSO, the credentials file's keys,
/// `credential_process`, the config file's keys.
///
/// Returns a provider that has not fetched anything yet, or nil when the profile holds no
/// credential settings. Configuration mistakes (loops, missing source profiles, MFA, SSO settings) are
/// thrown here, before any network call.
struct ProfileCredentials {
    var context: CredentialContext

    /// - Parameter useEnvironmentWebIdentity: false when `--profile` was given, or for a source profile.
    func provider(profile name: String, useEnvironmentWebIdentity: Bool) throws -> CredentialsProvider? {
        let profile = context.config.profile(name)
        if let profile, profile["role_arn"] != nil, profile["web_identity_token_file"] == nil {
            return try assumeRole(profile: name, visited: [name])
        }
        return try nonRoleProvider(profile: name, useEnvironmentWebIdentity: useEnvironmentWebIdentity)
    }

    /// Steps after assume role; also how a source profile without its own role is read.
    private func nonRoleProvider(profile name: String, useEnvironmentWebIdentity: Bool) throws -> CredentialsProvider? {
        let profile = context.config.profile(name)
        if let webIdentity = try WebIdentityCredentials.configured(
            environment: useEnvironmentWebIdentity ? context.environment : nil, profile: profile,
            profileName: name, context: context) {
            return context.caching { try webIdentity.load() }
        }
        if let sso = try SSOCredentials.configured(profile: profile, name: name, context: context) {
            return context.caching { try sso.load() }
        }
        let credentialsFileProfile = context.config.credentialsFileProfiles[name]
        if StaticProfileCredentials.isConfigured(credentialsFileProfile), let credentialsFileProfile {
            let value = try StaticProfileCredentials.load(credentialsFileProfile, name: name, file: "credentials file")
            return StaticCredentialsProvider(value)
        }
        if let command = profile?["credential_process"] {
            let environment = context.environment
            return context.caching { try CredentialProcess.load(command: command, profile: name, environment: environment) }
        }
        let configFileProfile = context.config.configFileProfiles[name]
        if StaticProfileCredentials.isConfigured(configFileProfile), let configFileProfile {
            let value = try StaticProfileCredentials.load(configFileProfile, name: name, file: "config file")
            return StaticCredentialsProvider(value)
        }
        return nil
    }

    private func assumeRole(profile name: String, visited: [String]) throws -> CredentialsProvider {
        guard let profile = context.config.profile(name), let roleArn = profile["role_arn"] else {
            throw CredentialsError.invalidProfile(profile: name, reason: "role_arn is missing")
        }
        if profile["mfa_serial"] != nil { throw CredentialsError.mfaNotSupported(profile: name) }
        let source: CredentialsProvider
        switch (profile["source_profile"], profile["credential_source"]) {
        case (.some, .some):
            throw CredentialsError.invalidProfile(profile: name, reason: "has both source_profile and credential_source; keep one")
        case (nil, nil):
            throw CredentialsError.partialProfile(profile: name, missing: "source_profile or credential_source")
        case let (sourceProfile?, nil):
            source = try sourceProfileProvider(sourceProfile, parent: name, visited: visited)
        case let (nil, credentialSource?):
            source = try NamedCredentialSource.provider(named: credentialSource, profile: name, context: context)
        }
        var duration: Int?
        if let text = profile["duration_seconds"] {
            guard let value = Int(text), value > 0 else {
                throw CredentialsError.invalidProfile(profile: name, reason: "duration_seconds '\(text)' is not a whole number of seconds")
            }
            duration = value
        }
        let parameters = STSClient.AssumeRoleParameters(
            roleArn: roleArn, roleSessionName: profile["role_session_name"] ?? context.defaultSessionName(),
            externalId: profile["external_id"], durationSeconds: duration)
        let sts = context.sts
        let description = "profile \(name) (assume role \(roleArn))"
        return context.caching { try sts.assumeRole(parameters, source: source, description: description) }
    }

    private func sourceProfileProvider(_ sourceName: String, parent: String, visited: [String]) throws -> CredentialsProvider {
        guard let sourceProfile = context.config.profile(sourceName) else {
            throw CredentialsError.invalidProfile(profile: parent, reason: "source_profile '\(sourceName)' does not exist")
        }
        let hasStaticKeys = StaticProfileCredentials.isConfigured(sourceProfile)
        if visited.contains(sourceName) {
            // A profile may name itself to take its own static keys; anything else that comes back is a loop.
            guard sourceName == parent, hasStaticKeys else {
                throw CredentialsError.sourceProfileLoop(chain: visited + [sourceName])
            }
        }
        if hasStaticKeys || sourceProfile["role_arn"] == nil {
            guard let provider = try nonRoleProvider(profile: sourceName, useEnvironmentWebIdentity: false) else {
                throw CredentialsError.invalidProfile(profile: sourceName,
                                                      reason: "it is the source_profile of '\(parent)' but holds no credentials")
            }
            return provider
        }
        return try assumeRole(profile: sourceName, visited: visited + [sourceName])
    }
}

/// `credential_source = Environment | EcsContainer | Ec2InstanceMetadata`.
enum NamedCredentialSource {
    static func provider(named name: String, profile: String, context: CredentialContext) throws -> CredentialsProvider {
        let environment = context.environment
        switch name.lowercased() {
        case "environment":
            guard EnvironmentCredentials.isConfigured(environment) else {
                throw CredentialsError.invalidProfile(profile: profile, reason: "credential_source Environment, but AWS_ACCESS_KEY_ID is not set")
            }
            return context.caching { try EnvironmentCredentials.load(environment) }
        case "ecscontainer":
            guard ContainerCredentials.isConfigured(environment) else {
                throw CredentialsError.invalidProfile(profile: profile, reason: "credential_source EcsContainer, but AWS_CONTAINER_CREDENTIALS_RELATIVE_URI/FULL_URI is not set")
            }
            let container = ContainerCredentials(environment: environment, transport: context.transport)
            return context.caching { try container.load() }
        case "ec2instancemetadata":
            let metadata = InstanceMetadataCredentials(environment: environment, profile: context.config.profile(profile),
                                                       transport: context.transport)
            return context.caching {
                do { return try metadata.load() } catch is InstanceMetadataCredentials.Unreachable {
                    throw CredentialsError.instanceMetadataFailed(reason: "nothing answers at \(metadata.baseURL)")
                }
            }
        default:
            throw CredentialsError.invalidProfile(profile: profile,
                                                  reason: "credential_source '\(name)' is not one of Environment, EcsContainer, Ec2InstanceMetadata")
        }
    }
}
