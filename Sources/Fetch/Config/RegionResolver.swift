/// Picks the AWS region as the AWS CLI does: `--region`, (for cbtriage) the region of a build ARN,
/// `AWS_REGION`, `AWS_DEFAULT_REGION`, then the profile's `region`. A missing or implausible region is an error that says how to fix it.
public enum RegionResolver {
    public struct Resolved: Equatable, Sendable {
        public var region: String
        /// Where it came from (`--region`, `AWS_REGION`, `profile dev`), for messages and `--verbose`.
        public var source: String
    }

    /// - Parameter buildARNRegion: the region of a build ARN the user named; it comes right after `--region`.
    public static func resolve(flag: String?, buildARNRegion: String? = nil, environment: AWSEnvironment,
                               profileName: String, profile: SharedConfig.Profile?) throws -> Resolved {
        let candidates: [(String?, String)] = [
            (flag, "--region"),
            (buildARNRegion, "the build ARN"),
            (environment.value("AWS_REGION"), "AWS_REGION"),
            (environment.value("AWS_DEFAULT_REGION"), "AWS_DEFAULT_REGION"),
            (profile?["region"], "profile \(profileName)"),
        ]
        for (value, source) in candidates {
            guard let value = value?.trimmingAll(of: " \t") , !value.isEmpty else { continue }
            guard isPlausibleRegion(value) else { throw ConfigError.invalidRegion(value: value, source: source) }
            return Resolved(region: value, source: source)
        }
        throw ConfigError.noRegion(profile: profileName)
    }

    /// `us-east-1`, `us-gov-west-1`, `cn-north-1`, `us-isob-east-1`, `ap-southeast-5`: lower-case
    /// letter groups joined by `-`, the first of two letters, ending in a number.
    public static func isPlausibleRegion(_ value: String) -> Bool {
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count >= 3, value.count <= 32,
              let first = parts.first, first.count == 2, first.allSatisfy(isLowercaseLetter),
              let last = parts.last, !last.isEmpty, last.count <= 2, last.allSatisfy(isDigit)
        else { return false }
        return parts.dropFirst().dropLast().allSatisfy { !$0.isEmpty && $0.allSatisfy(isLowercaseLetter) }
    }

    private static func isLowercaseLetter(_ character: Character) -> Bool {
        character >= "a" && character <= "z"
    }

    private static func isDigit(_ character: Character) -> Bool {
        character >= "0" && character <= "9"
    }
}
