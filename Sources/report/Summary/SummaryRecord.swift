import Analyze
import Foundation
import Parse

/// What a summary keeps of one build once it is diagnosed: a few names, times and phase durations.
///
/// A summary over thousands of builds folds each diagnosis into one of these as soon as it is ready and lets
/// the diagnosis go (its evidence, phases and commands), so memory grows by this small value per build, never
/// with the size of any build's log.
struct SummaryRecord: Equatable {
    /// The root cause's rule id, title and category: the summary groups by them.
    struct Cause: Equatable {
        var ruleId: String
        var title: String
        var category: String
    }

    var failed: Bool
    var project: String
    /// The build id, else the input path: what a group lists as its examples.
    var label: String
    var buildId: String?
    var startTime: Date?
    var rootCause: Cause?
    var sourceName: String
    var partial: Bool
    /// Duration of each timed phase, in the build's order (a phase with no or a negative duration is left out).
    var phaseDurations: [PhaseDuration]

    struct PhaseDuration: Equatable {
        var name: String
        var seconds: Double
    }

    init(_ diagnosis: Diagnosis) {
        failed = SummaryBuilder.isFailure(diagnosis)
        project = SummaryBuilder.project(of: diagnosis)
        label = SummaryBuilder.label(of: diagnosis)
        buildId = diagnosis.build.metadata.buildId
        startTime = SummaryBuilder.startTime(of: diagnosis)
        rootCause = diagnosis.rootCause.map { Cause(ruleId: $0.ruleId, title: $0.title, category: $0.category.rawValue) }
        sourceName = diagnosis.source.name
        partial = diagnosis.source.partial
        phaseDurations = diagnosis.build.phases.compactMap { phase in
            guard let duration = phase.duration, duration >= 0 else { return nil }
            // To the JSON document's precision (0.1 ms): a summary made from stored diagnoses is then the same.
            return PhaseDuration(name: phase.name, seconds: Double(JSONWriter.format(duration)) ?? duration)
        }
    }

    /// The root cause's rule id, or `unclassified` for a failure nothing explains.
    var ruleKey: String { rootCause?.ruleId ?? Category.unclassified.rawValue }
    var categoryKey: String { rootCause?.category ?? Category.unclassified.rawValue }
}
