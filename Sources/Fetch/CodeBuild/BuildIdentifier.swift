import Foundation

/// A build named on the command line: `PROJECT:UUID`, or a build ARN
/// `arn:PARTITION:codebuild:REGION:ACCOUNT:build/PROJECT:UUID` (which also names the region).
public struct BuildIdentifier: Equatable, Sendable {
    /// `PROJECT:UUID`, what `BatchGetBuilds` takes.
    public var id: String
    /// The region from an ARN; nil for `PROJECT:UUID`.
    public var region: String?

    public init(id: String, region: String? = nil) {
        self.id = id
        self.region = region
    }

    public var project: String { String(id.prefix { $0 != ":" }) }

    public init(parsing text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("arn:") {
            // arn : partition : codebuild : region : account : build/PROJECT : UUID
            let parts = trimmed.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
            guard parts.count == 6, parts[2] == "codebuild", !parts[3].isEmpty, parts[5].hasPrefix("build/") else {
                throw CodeBuildError.invalidBuildIdentifier(text)
            }
            let id = String(parts[5].dropFirst("build/".count))
            guard Self.isProjectColonUUID(id) else { throw CodeBuildError.invalidBuildIdentifier(text) }
            self.init(id: id, region: String(parts[3]))
            return
        }
        guard Self.isProjectColonUUID(trimmed) else { throw CodeBuildError.invalidBuildIdentifier(text) }
        self.init(id: trimmed)
    }

    /// Inside a CodeBuild build: `CODEBUILD_BUILD_ARN` (which carries the region), else `CODEBUILD_BUILD_ID`.
    public static func current(environment: [String: String]) throws -> BuildIdentifier? {
        if let arn = environment["CODEBUILD_BUILD_ARN"], !arn.isEmpty { return try BuildIdentifier(parsing: arn) }
        if let id = environment["CODEBUILD_BUILD_ID"], !id.isEmpty { return try BuildIdentifier(parsing: id) }
        return nil
    }

    private static func isProjectColonUUID(_ text: String) -> Bool {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && !parts[1].isEmpty
            && !parts[0].contains(where: \.isWhitespace) && !parts[1].contains(where: \.isWhitespace)
    }
}
