import Foundation

/// A nightly digest over many builds: what failed, why, what is new, and which phases are slow.
/// Built by `SummaryBuilder` from finished diagnoses; every renderer works from this value alone.
struct Summary: Equatable {
    /// The window the builds were taken from (AWS), or nil for local logs.
    var windowStart: Date?
    var windowEnd: Date?
    var buildsAnalysed: Int
    var buildsFailed: Int
    /// Failed builds per project, most failures first.
    var projects: [ProjectCount]
    /// Failed builds grouped by their root cause's category, then by its rule; most frequent first.
    var categories: [FailureGroup]
    var rules: [FailureGroup]
    /// Rule ids that are root causes now but were not in the baseline; nil when there was no baseline.
    var newFailureKinds: [FailureGroup]?
    /// Durations per phase name, slowest median first.
    var phases: [PhaseTiming]
    /// Builds that could not be read at all (they count in no other figure) or were read only in part.
    var unreadable: [UnreadableInput]
    var partialInputs: [String]
    /// `--windows N`: counts per window and first-seen dates; nil without it.
    var trends: SummaryTrends? = nil
}

struct ProjectCount: Equatable {
    var project: String
    var analysed: Int
    var failed: Int
}

/// Failed builds that share a root cause category or rule.
struct FailureGroup: Equatable {
    /// The category name or rule id.
    var key: String
    /// A rule's title, or the category again.
    var title: String
    var count: Int
    /// `count` / failed builds.
    var share: Double
    /// Earliest and latest build start among them, when builds carry times.
    var firstSeen: Date?
    var lastSeen: Date?
    /// Up to `SummaryBuilder.examplesPerGroup` build ids (or input paths for local logs).
    var examples: [String]
}

struct PhaseTiming: Equatable {
    var phase: String
    var builds: Int
    var medianSeconds: Double
    var maxSeconds: Double
}
