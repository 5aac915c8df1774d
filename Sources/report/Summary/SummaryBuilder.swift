import Analyze
import Foundation
import Parse

/// Folds diagnoses into a `Summary`. Pure: the same diagnoses give the same summary.
enum SummaryBuilder {
    static let examplesPerGroup = 3

    static func build(_ diagnoses: [Diagnosis], unreadable: [UnreadableInput] = [], baseline: [Diagnosis]? = nil,
                      windowStart: Date? = nil, windowEnd: Date? = nil) -> Summary {
        let failed = diagnoses.filter(isFailure)
        let categories = group(failed) { $0.rootCause?.category.rawValue ?? Category.unclassified.rawValue }
        let rules = group(failed) { $0.rootCause?.ruleId ?? Category.unclassified.rawValue }
        var newKinds: [FailureGroup]?
        if let baseline {
            let known = Set(baseline.filter(isFailure).map { $0.rootCause?.ruleId ?? Category.unclassified.rawValue })
            newKinds = rules.filter { !known.contains($0.key) }
        }
        return Summary(windowStart: windowStart, windowEnd: windowEnd,
                       buildsAnalysed: diagnoses.count, buildsFailed: failed.count,
                       projects: projects(diagnoses), categories: categories, rules: rules,
                       newFailureKinds: newKinds, phases: phaseTimings(diagnoses),
                       unreadable: unreadable,
                       partialInputs: diagnoses.filter(\.source.partial).map(\.source.name))
    }

    static func isFailure(_ diagnosis: Diagnosis) -> Bool {
        BuildHeadline(diagnosis).status.isFailure || diagnosis.rootCause != nil
    }

    /// The project from CodeBuild's metadata, else the directory the log sits in.
    static func project(of diagnosis: Diagnosis) -> String {
        if let project = diagnosis.build.metadata.project { return project }
        let name = diagnosis.source.name
        guard name != "-" else { return "(stdin)" }
        let directory = (name as NSString).deletingLastPathComponent
        let last = (directory as NSString).lastPathComponent
        return last.isEmpty || last == "." ? "(current directory)" : last
    }

    static func label(of diagnosis: Diagnosis) -> String {
        diagnosis.build.metadata.buildId ?? diagnosis.source.name
    }

    static func startTime(of diagnosis: Diagnosis) -> Date? {
        diagnosis.build.metadata.startTime ?? diagnosis.build.phases.compactMap(\.startTime).min()
    }

    private static func projects(_ diagnoses: [Diagnosis]) -> [ProjectCount] {
        var counts: [String: ProjectCount] = [:]
        for diagnosis in diagnoses {
            let name = project(of: diagnosis)
            var entry = counts[name] ?? ProjectCount(project: name, analysed: 0, failed: 0)
            entry.analysed += 1
            if isFailure(diagnosis) { entry.failed += 1 }
            counts[name] = entry
        }
        return counts.values.sorted { ($0.failed, $1.project) > ($1.failed, $0.project) }
    }

    private static func group(_ failed: [Diagnosis], key: (Diagnosis) -> String) -> [FailureGroup] {
        var order: [String] = []
        var members: [String: [Diagnosis]] = [:]
        for diagnosis in failed {
            let name = key(diagnosis)
            if members[name] == nil { order.append(name) }
            members[name, default: []].append(diagnosis)
        }
        let groups = order.map { name -> FailureGroup in
            let builds = members[name] ?? []
            let times = builds.compactMap(startTime)
            let title = builds.first?.rootCause.map { $0.ruleId == name ? $0.title : $0.category.rawValue } ?? name
            return FailureGroup(key: name, title: title, count: builds.count,
                                share: failed.isEmpty ? 0 : Double(builds.count) / Double(failed.count),
                                firstSeen: times.min(), lastSeen: times.max(),
                                examples: builds.prefix(examplesPerGroup).map(label))
        }
        return groups.sorted { ($0.count, $1.key) > ($1.count, $0.key) }
    }

    private static func phaseTimings(_ diagnoses: [Diagnosis]) -> [PhaseTiming] {
        var durations: [String: [Double]] = [:]
        for diagnosis in diagnoses {
            for phase in diagnosis.build.phases {
                if let duration = phase.duration, duration >= 0 { durations[phase.name, default: []].append(duration) }
            }
        }
        let timings = durations.map { name, values -> PhaseTiming in
            let sorted = values.sorted()
            // Nearest-rank median: an observed value, never an interpolation.
            let median = sorted[(sorted.count - 1) / 2]
            return PhaseTiming(phase: name, builds: sorted.count, medianSeconds: median, maxSeconds: sorted.last ?? median)
        }
        return timings.sorted { ($0.medianSeconds, $0.maxSeconds, $1.phase) > ($1.medianSeconds, $1.maxSeconds, $0.phase) }
    }
}
