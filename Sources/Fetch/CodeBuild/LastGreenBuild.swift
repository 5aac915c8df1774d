import Foundation

/// The baseline `build --baseline last-green` compares with: the newest SUCCEEDED build of the failed build's
/// project that started before it, on the same source version when the failed build names a branch.
public struct LastGreenBuild: Equatable, Sendable {
    public var build: CodeBuildBuild
    /// The failed build names a branch but no green build of that branch was found: the newest green build of any
    /// branch was taken.
    public var otherBranch: Bool
}

extension CodeBuildClient {
    /// `ListBuildsForProject` pages examined at most (100 builds each) before giving up.
    public static let lastGreenMaxPages = 10

    /// Looks back from `failed` page by page (newest first) and stops as soon as a page reaches back past the best
    /// match; nil when no SUCCEEDED build started before it among the builds examined.
    public func lastGreenBuild(before failed: CodeBuildBuild) throws -> LastGreenBuild? {
        guard let project = failed.projectName ?? failed.id.split(separator: ":").first.map(String.init) else { return nil }
        let branch = Self.branch(of: failed.sourceVersion)
        let failedStart = failed.startTime ?? .infinity
        var sameBranch: CodeBuildBuild?
        var anyBranch: CodeBuildBuild?
        var pages = 0
        try forEachBuildIdPage(project: project) { ids in
            pages += 1
            let candidates = ids.filter { $0 != failed.id }
            guard !candidates.isEmpty else { return pages < Self.lastGreenMaxPages }
            let builds = try batchGetBuilds(ids: candidates).builds ?? []
            for build in builds where build.buildStatus?.uppercased() == "SUCCEEDED" {
                guard let start = build.startTime, start < failedStart else { continue }
                if start > anyBranch?.startTime ?? -.infinity { anyBranch = build }
                if let branch, build.sourceVersion == branch, start > sameBranch?.startTime ?? -.infinity { sameBranch = build }
            }
            // Newest first: once this page reaches back past the best match, no later page holds a newer one.
            let best = branch == nil ? anyBranch : sameBranch
            if let best, let oldest = builds.compactMap(\.startTime).min(), let bestStart = best.startTime, oldest <= bestStart {
                return false
            }
            return pages < Self.lastGreenMaxPages
        }
        if let sameBranch { return LastGreenBuild(build: sameBranch, otherBranch: false) }
        return anyBranch.map { LastGreenBuild(build: $0, otherBranch: branch != nil) }
    }

    /// The branch a source version names (`refs/heads/main`, `main`, `pr/12`); nil for none or a commit id, which
    /// says nothing about the branch.
    static func branch(of sourceVersion: String?) -> String? {
        guard let version = sourceVersion?.trimmingCharacters(in: .whitespaces), !version.isEmpty else { return nil }
        let isCommit = (7...40).contains(version.count) && version.allSatisfy(\.isHexDigit)
        return isCommit ? nil : version
    }
}
