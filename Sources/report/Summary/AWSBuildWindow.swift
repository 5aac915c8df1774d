import Fetch
import Foundation

/// Which CodeBuild builds an AWS summary looks at, from `ListBuildsForProject` + `BatchGetBuilds`.
enum AWSBuildWindow {
    /// Builds of `project` that started inside `window`, newest first. Pages are read newest first and
    /// reading stops at the first page whose builds all started before the window: older pages hold
    /// older builds still, so a nightly run over a busy project costs a few calls, not its whole history.
    static func builds(project: String, in window: TimeWindow, client: CodeBuildClient) throws -> [CodeBuildBuild] {
        var found: [CodeBuildBuild] = []
        try client.forEachBuildIdPage(project: project) { ids in
            let builds = try client.batchGetBuilds(ids: ids).builds ?? []
            found += builds.filter { $0.startDate.map(window.contains) ?? false }
            let allOlder = !builds.isEmpty && builds.allSatisfy { ($0.startDate ?? .distantPast) < window.start }
            return !allOlder
        }
        return found
    }

    static func isFailed(_ build: CodeBuildBuild) -> Bool {
        // `IN_PROGRESS` is still running; `STOPPED` was stopped by a person or a batch build: not failures.
        CodeBuildStatus.isFailing(build.buildStatus)
    }

    /// The builds worth diagnosing: every failed one, and with `includeSucceeded` the succeeded ones too
    /// (a log can show a failure CodeBuild did not count, e.g. a step whose exit status was swallowed).
    static func toDiagnose(_ builds: [CodeBuildBuild], includeSucceeded: Bool) -> [CodeBuildBuild] {
        builds.filter { build in
            isFailed(build) || (includeSucceeded && build.buildStatus?.uppercased() == "SUCCEEDED")
        }
    }
}
