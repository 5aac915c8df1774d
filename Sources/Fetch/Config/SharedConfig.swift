/// The profiles of `~/.aws/config` and `~/.aws/credentials`, read as the AWS CLI reads them.
///
/// In the config file a profile is `[profile name]` (or `[default]`); in the credentials file it is
/// `[name]`. Other config sections (`[sso-session x]`, `[services x]`) are kept by kind. A profile's
/// merged view takes the credentials file's value over the config file's, key by key, like botocore.
public struct SharedConfig: Equatable, Sendable {
    public struct Profile: Equatable, Sendable {
        public var values: [String: String]
        public var nested: [String: [String: String]]
        public init(values: [String: String] = [:], nested: [String: [String: String]] = [:]) {
            self.values = values
            self.nested = nested
        }
        public subscript(key: String) -> String? {
            guard let value = values[key], !value.isEmpty else { return nil }
            return value
        }
    }

    public var configFileProfiles: [String: Profile]
    public var credentialsFileProfiles: [String: Profile]
    public var ssoSessions: [String: Profile]
    /// `[services name]` sections: per-service settings such as `endpoint_url`, keyed by service id.
    public var services: [String: Profile]
    /// The two paths read, for messages.
    public var configPath: String
    public var credentialsPath: String

    public init(configFileProfiles: [String: Profile] = [:], credentialsFileProfiles: [String: Profile] = [:],
                ssoSessions: [String: Profile] = [:], services: [String: Profile] = [:],
                configPath: String = "~/.aws/config", credentialsPath: String = "~/.aws/credentials") {
        self.configFileProfiles = configFileProfiles
        self.credentialsFileProfiles = credentialsFileProfiles
        self.ssoSessions = ssoSessions
        self.services = services
        self.configPath = configPath
        self.credentialsPath = credentialsPath
    }

    /// Reads both files (missing files are empty) from `AWS_CONFIG_FILE` / `AWS_SHARED_CREDENTIALS_FILE`
    /// or the defaults under the home directory.
    public static func load(environment: AWSEnvironment) throws -> SharedConfig {
        let configPath = environment.expandingTilde(environment.value("AWS_CONFIG_FILE") ?? "~/.aws/config")
        let credentialsPath = environment.expandingTilde(
            environment.value("AWS_SHARED_CREDENTIALS_FILE") ?? "~/.aws/credentials")
        let configText = try readText(configPath, environment: environment)
        let credentialsText = try readText(credentialsPath, environment: environment)
        return try parse(configText: configText, configPath: configPath,
                         credentialsText: credentialsText, credentialsPath: credentialsPath)
    }

    public static func parse(configText: String, configPath: String = "~/.aws/config",
                             credentialsText: String, credentialsPath: String = "~/.aws/credentials") throws -> SharedConfig {
        var result = SharedConfig(configPath: configPath, credentialsPath: credentialsPath)
        for section in try INIParser.parse(configText, path: configPath).sections {
            let profile = Profile(values: section.values, nested: section.nested)
            let words = section.name.split(whereSeparator: { $0 == " " || $0 == "\t" })
            if section.name == "default" {
                result.configFileProfiles["default", default: Profile()].merge(profile)
            } else if words.count == 2 {
                let name = String(words[1])
                switch words[0] {
                case "profile": result.configFileProfiles[name, default: Profile()].merge(profile)
                case "sso-session": result.ssoSessions[name, default: Profile()].merge(profile)
                case "services": result.services[name, default: Profile()].merge(profile)
                default: break // unknown kinds are ignored, as botocore does
                }
            }
            // A bare `[name]` in the config file is not a profile for the AWS CLI; ignored likewise.
        }
        for section in try INIParser.parse(credentialsText, path: credentialsPath).sections {
            result.credentialsFileProfiles[section.name, default: Profile()]
                .merge(Profile(values: section.values, nested: section.nested))
        }
        return result
    }

    public func hasProfile(_ name: String) -> Bool {
        configFileProfiles[name] != nil || credentialsFileProfiles[name] != nil
    }

    /// The profile as the credential providers see it: credentials file values over config file values.
    public func profile(_ name: String) -> Profile? {
        guard hasProfile(name) else { return nil }
        var merged = configFileProfiles[name] ?? Profile()
        if let credentials = credentialsFileProfiles[name] { merged.merge(credentials) }
        return merged
    }

    private static func readText(_ path: String, environment: AWSEnvironment) throws -> String {
        guard let bytes = try environment.readFile(path) else { return "" }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ConfigError.unreadableFile(path: path, reason: "not UTF-8 text")
        }
        return text
    }
}

extension SharedConfig.Profile {
    mutating func merge(_ other: SharedConfig.Profile) {
        values.merge(other.values) { _, new in new }
        nested.merge(other.nested) { _, new in new }
    }
}
