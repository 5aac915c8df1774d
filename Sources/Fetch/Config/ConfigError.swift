/// Problems with the shared config files, the region or an endpoint. Messages name the file,
/// line, profile or variable at fault and never include a credential value.
public enum ConfigError: UserFacingError, Equatable {
    case syntax(path: String, line: Int, reason: String)
    case unreadableFile(path: String, reason: String)
    case profileNotFound(profile: String, searched: [String])
    case noRegion(profile: String)
    case invalidRegion(value: String, source: String)
    case invalidEndpoint(value: String, source: String, reason: String)
    case missingServicesSection(profile: String, name: String)
    case invalidBoolean(name: String, value: String, source: String)
    case endpointVariantWithCustomEndpoint(variant: String, source: String)

    public var userMessage: String {
        switch self {
        case let .syntax(path, line, reason):
            return "\(path):\(line): \(reason)"
        case let .unreadableFile(path, reason):
            return "cannot read AWS config file \(path): \(reason)"
        case let .profileNotFound(profile, searched):
            return "AWS profile '\(profile)' not found in \(searched.joined(separator: " or "))"
        case let .noRegion(profile):
            return "no AWS region set: pass --region, set AWS_REGION, or add 'region = …' to profile '\(profile)' in ~/.aws/config"
        case let .invalidRegion(value, source):
            return "'\(value)' (from \(source)) is not an AWS region code like us-east-1"
        case let .invalidEndpoint(value, source, reason):
            return "endpoint URL '\(value)' (from \(source)) is not usable: \(reason)"
        case let .missingServicesSection(profile, name):
            return "profile '\(profile)' says 'services = \(name)' but ~/.aws/config has no [services \(name)] section"
        case let .invalidBoolean(name, value, source):
            return "\(name) = '\(value)' (from \(source)) must be true or false"
        case let .endpointVariantWithCustomEndpoint(variant, source):
            return "\(variant) endpoints cannot be combined with a custom endpoint URL (from \(source)); unset one of them"
        }
    }
}
