// Types that hold environment variables or config file values can hold secrets
// (AWS_SECRET_ACCESS_KEY, aws_session_token, ...). Their descriptions and mirrors show names
// and counts only, so `print`, string interpolation, `dump` and `--verbose` cannot leak them.

extension AWSEnvironment: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String {
        "AWSEnvironment(homeDirectory: \(homeDirectory), variables: \(variables.count) set, values redacted)"
    }
    public var debugDescription: String { description }
    public var customMirror: Mirror {
        Mirror(self, children: ["homeDirectory": homeDirectory, "variableNames": variables.keys.sorted()], displayStyle: .struct)
    }
}

extension SharedConfig.Profile: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String {
        "Profile(keys: \(values.keys.sorted()), sub-sections: \(nested.keys.sorted()), values redacted)"
    }
    public var debugDescription: String { description }
    public var customMirror: Mirror {
        Mirror(self, children: ["keys": values.keys.sorted(), "subSections": nested.keys.sorted()], displayStyle: .struct)
    }
}

extension SharedConfig: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String {
        "SharedConfig(config: \(configPath) \(configFileProfiles.keys.sorted()), "
            + "credentials: \(credentialsPath) \(credentialsFileProfiles.keys.sorted()), values redacted)"
    }
    public var debugDescription: String { description }
    public var customMirror: Mirror {
        Mirror(self, children: ["configPath": configPath, "credentialsPath": credentialsPath,
                                "configProfiles": configFileProfiles.keys.sorted(),
                                "credentialsProfiles": credentialsFileProfiles.keys.sorted()], displayStyle: .struct)
    }
}

extension INIDocument.Section: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String { "Section([\(name)] line \(line), keys: \(values.keys.sorted()), values redacted)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror {
        Mirror(self, children: ["name": name, "line": line, "keys": values.keys.sorted()], displayStyle: .struct)
    }
}

extension AWSSettings: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String {
        let endpoints = AWSService.allCases.map { "\($0.rawValue): \(endpoint(for: $0))" }.joined(separator: ", ")
        return "AWSSettings(profile: \(profile), region: \(region) (\(regionSource)), endpoints: [\(endpoints)])"
    }
    public var debugDescription: String { description }
    public var customMirror: Mirror {
        Mirror(self, children: ["profile": profile, "region": region, "regionSource": regionSource], displayStyle: .struct)
    }
}

extension AWSCredentials: CustomReflectable {
    /// `dump(credentials)` shows what `description` shows.
    public var customMirror: Mirror {
        Mirror(self, children: ["accessKeyId": accessKeyId, "secretAccessKey": "<redacted>",
                                "sessionToken": sessionToken == nil ? "none" : "<redacted>",
                                "expiration": expiration as Any, "source": source], displayStyle: .struct)
    }
}
