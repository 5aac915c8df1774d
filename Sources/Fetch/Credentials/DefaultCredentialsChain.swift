import Foundation

/// The AWS CLI's credential provider chain, resolved on the first `credentials()` call.
///
/// Order (botocore's `create_credential_resolver`): environment keys (skipped when `--profile` was
/// given); the profile (assume role, web identity — also from `AWS_WEB_IDENTITY_TOKEN_FILE` —,
/// SSO, credentials file, `credential_process`, config file); the container endpoint; EC2 IMDSv2.
/// The first provider that is configured is used, and its errors are final: a broken profile
/// does not silently fall through to the instance role. The chosen provider is kept, so
/// temporary credentials are cached and refreshed by it.
public final class DefaultCredentialsChain: CredentialsProvider, @unchecked Sendable {
    private let context: CredentialContext
    private let profileName: String
    private let profileIsExplicit: Bool
    private let lock = NSLock()
    private var selected: CredentialsProvider?

    init(context: CredentialContext, profileName: String, profileIsExplicit: Bool) {
        self.context = context
        self.profileName = profileName
        self.profileIsExplicit = profileIsExplicit
    }

    public func credentials() throws -> AWSCredentials {
        try selectedProvider().credentials()
    }

    private func selectedProvider() throws -> CredentialsProvider {
        lock.lock()
        defer { lock.unlock() }
        if let selected { return selected }
        let provider = try select()
        selected = provider
        return provider
    }

    private func select() throws -> CredentialsProvider {
        let environment = context.environment
        var tried: [String] = []

        if profileIsExplicit {
            tried.append("environment variables (ignored: --profile given)")
        } else {
            if EnvironmentCredentials.isConfigured(environment) {
                let credentials = try EnvironmentCredentials.load(environment)
                if credentials.expiration == nil { return StaticCredentialsProvider(credentials) }
                return context.caching { try EnvironmentCredentials.load(environment) }
            }
            tried.append("environment variables")
        }

        if let provider = try ProfileCredentials(context: context)
            .provider(profile: profileName, useEnvironmentWebIdentity: !profileIsExplicit) {
            return provider
        }
        tried.append("profile \(profileName) (\(context.config.credentialsPath), \(context.config.configPath))")
        if !profileIsExplicit { tried.append("web identity (AWS_WEB_IDENTITY_TOKEN_FILE)") }

        if ContainerCredentials.isConfigured(environment) {
            let container = ContainerCredentials(environment: environment, transport: context.transport)
            return context.caching { try container.load() }
        }
        tried.append("container endpoint (AWS_CONTAINER_CREDENTIALS_RELATIVE_URI/FULL_URI not set)")

        if InstanceMetadataCredentials.isDisabled(environment) {
            tried.append("EC2 instance metadata (disabled by AWS_EC2_METADATA_DISABLED)")
            throw CredentialsError.noCredentials(tried: tried)
        }
        let metadata = InstanceMetadataCredentials(environment: environment,
                                                   profile: context.config.profile(profileName),
                                                   transport: context.transport)
        let triedWithMetadata = tried + ["EC2 instance metadata (no answer at \(metadata.baseURL))"]
        return context.caching {
            do { return try metadata.load() } catch is InstanceMetadataCredentials.Unreachable {
                throw CredentialsError.noCredentials(tried: triedWithMetadata)
            }
        }
    }
}
