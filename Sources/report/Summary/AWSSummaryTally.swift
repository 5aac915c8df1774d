import Analyze
import Fetch
import Foundation

/// Builds run and failed per project for an AWS summary. Unlike a local summary, which counts the
/// logs it read, these come from CodeBuild's statuses for every build in the window, plus the builds
/// CodeBuild called SUCCEEDED whose log showed a failure (with `--include-succeeded`).
enum AWSSummaryTally {
    static func projects(_ requested: [String], builds: [CodeBuildBuild], records: [SummaryRecord]) -> [ProjectCount] {
        let failedInLog = Set(records.filter(\.failed).compactMap(\.buildId))
        var counts: [String: ProjectCount] = [:]
        for project in requested { counts[project] = ProjectCount(project: project, analysed: 0, failed: 0) }
        for build in builds {
            var entry = counts[build.project] ?? ProjectCount(project: build.project, analysed: 0, failed: 0)
            entry.analysed += 1
            if AWSBuildWindow.isFailed(build) || failedInLog.contains(build.id) { entry.failed += 1 }
            counts[build.project] = entry
        }
        return counts.values.sorted { ($0.failed, $1.project) > ($1.failed, $0.project) }
    }

    /// The summary of the diagnosed builds, with the run/failed figures replaced by CodeBuild's.
    static func summary(projects requested: [String], window: TimeWindow, builds: [CodeBuildBuild],
                        records: [SummaryRecord], unreadable: [UnreadableInput],
                        baseline: [SummaryRecord]) -> Summary {
        var summary = SummaryBuilder.build(records: records, unreadable: unreadable,
                                           baselineRuleKeys: Set(baseline.filter(\.failed).map(\.ruleKey)),
                                           windowStart: window.start, windowEnd: window.end)
        summary.projects = projects(requested, builds: builds, records: records)
        summary.buildsAnalysed = summary.projects.reduce(0) { $0 + $1.analysed }
        summary.buildsFailed = summary.projects.reduce(0) { $0 + $1.failed }
        return summary
    }
}
