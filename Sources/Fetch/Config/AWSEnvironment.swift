import Foundation

/// Everything credential, region and endpoint resolution reads from the outside world, passed in.
///
/// Providers never read `ProcessInfo`, the real clock or the real home directory themselves, so
/// tests build one of these with their own values and run in parallel. `current()` is the only
/// place that looks at the process, and only the CLI calls it.
public struct AWSEnvironment: Sendable {
    /// Environment variables as the process saw them.
    public var variables: [String: String]
    /// The user's home directory, for `~` and the default `~/.aws/*` files.
    public var homeDirectory: String
    /// The clock; credential caches compare expirations against it.
    public var now: @Sendable () -> Date
    /// Reads a whole file; returns nil when it does not exist, throws when it exists but cannot be read.
    public var readFile: @Sendable (String) throws -> [UInt8]?
    /// Where `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` is appended (CodeBuild's and ECS's agent);
    /// tests point it at a local server.
    public var containerCredentialsBaseURL: String
    /// Seconds a `credential_process` command may run before it is stopped.
    public var credentialProcessTimeout: Double

    public init(variables: [String: String],
                homeDirectory: String,
                now: @escaping @Sendable () -> Date = { Date() },
                readFile: @escaping @Sendable (String) throws -> [UInt8]? = AWSEnvironment.readLocalFile,
                containerCredentialsBaseURL: String = "http://169.254.170.2",
                credentialProcessTimeout: Double = 60) {
        self.variables = variables
        self.homeDirectory = homeDirectory
        self.now = now
        self.readFile = readFile
        self.containerCredentialsBaseURL = containerCredentialsBaseURL
        self.credentialProcessTimeout = credentialProcessTimeout
    }

    /// This process's environment, home directory and clock.
    public static func current() -> AWSEnvironment {
        let variables = ProcessInfo.processInfo.environment
        let home = variables["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return AWSEnvironment(variables: variables, homeDirectory: home)
    }

    /// The variable's value, treating an empty value as unset (as the AWS CLI does).
    public func value(_ name: String) -> String? {
        guard let value = variables[name], !value.isEmpty else { return nil }
        return value
    }

    /// True when the variable is set to `true` in any letter case.
    public func flag(_ name: String) -> Bool {
        value(name)?.lowercased() == "true"
    }

    /// `~` and `~/…` expanded against `homeDirectory`; other paths unchanged.
    public func expandingTilde(_ path: String) -> String {
        if path == "~" { return homeDirectory }
        if path.hasPrefix("~/") { return homeDirectory + String(path.dropFirst(1)) }
        return path
    }

    /// Reads a file from the local file system: nil when missing, an error when unreadable.
    @Sendable public static func readLocalFile(_ path: String) throws -> [UInt8]? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
        if isDirectory.boolValue { throw ConfigError.unreadableFile(path: path, reason: "it is a directory") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError.unreadableFile(path: path, reason: "permission denied or I/O error")
        }
        return [UInt8](data)
    }
}
