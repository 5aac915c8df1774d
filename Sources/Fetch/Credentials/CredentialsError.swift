/// Why credentials could not be had. Messages name the provider, profile, file or variable,
/// and never contain a key, secret, session token, authorization token or process output.
public enum CredentialsError: UserFacingError, Equatable {
    case partialEnvironment(missing: String)
    case partialProfile(profile: String, missing: String)
    case invalidProfile(profile: String, reason: String)
    case sourceProfileLoop(chain: [String])
    case mfaNotSupported(profile: String)
    case sso(profile: String, reason: String)
    case processFailed(profile: String, reason: String)
    case webIdentity(reason: String)
    case containerFailed(reason: String)
    case instanceMetadataFailed(reason: String)
    case badResponse(provider: String, reason: String)
    case expired(source: String)
    case noCredentials(tried: [String])

    public var userMessage: String {
        switch self {
        case let .partialEnvironment(missing):
            return "AWS credentials in the environment are incomplete: \(missing) is not set"
        case let .partialProfile(profile, missing):
            return "AWS profile '\(profile)' has incomplete credentials: \(missing) is missing"
        case let .invalidProfile(profile, reason):
            return "AWS profile '\(profile)': \(reason)"
        case let .sourceProfileLoop(chain):
            return "AWS profiles form a source_profile loop: \(chain.joined(separator: " -> "))"
        case let .mfaNotSupported(profile):
            return "AWS profile '\(profile)' needs an MFA code (mfa_serial); cbtriage cannot prompt for one: "
                + "use a profile without mfa_serial, or export temporary credentials (aws sts assume-role ...)"
        case let .sso(profile, reason):
            return "AWS profile '\(profile)' (IAM Identity Center): \(reason); run `aws sso login --profile \(profile)`"
        case let .processFailed(profile, reason):
            return "credential_process of AWS profile '\(profile)' failed: \(reason)"
        case let .webIdentity(reason):
            return "web identity credentials: \(reason)"
        case let .containerFailed(reason):
            return "container credentials: \(reason)"
        case let .instanceMetadataFailed(reason):
            return "EC2 instance metadata credentials: \(reason)"
        case let .badResponse(provider, reason):
            return "\(provider) returned unusable credentials: \(reason)"
        case let .expired(source):
            return "AWS credentials from \(source) have expired"
        case let .noCredentials(tried):
            return "no AWS credentials found; tried: \(tried.joined(separator: ", ")). "
                + "Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or pass --profile"
        }
    }
}
