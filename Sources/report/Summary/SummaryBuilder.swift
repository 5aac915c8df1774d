import Analyze
import Foundation
import Parse

/// Folds diagnoses into a `Summary`. Pure: the same diagnoses give the same summary.
enum SummaryBuilder {
    static let examplesPerGroup = 3

    static func build(_ diagnoses: [Diagnosis], unreadable: [UnreadableInput] = [], baseline: [Diagnosis]? = nil,
                      windowStart: Date? = nil, windowEnd: Date? = nil) -> Summary {
        build(records: diagnoses.map(SummaryRecord.init), unreadable: unreadable,
              baselineRuleKeys: baseline.map(failureRuleKeys), windowStart: windowStart, windowEnd: windowEnd)
    }

    /// The summary of builds already folded into records; `baselineRuleKeys` are the baseline's failure kinds
    /// (`failureRuleKeys`), nil when there is no baseline.
    static func build(records: [SummaryRecord], unreadable: [UnreadableInput] = [], baselineRuleKeys: Set<String>? = nil,
                      windowStart: Date? = nil, windowEnd: Date? = nil) -> Summary {
        let failed = records.filter(\.failed)
        let categories = group(failed, key: \.categoryKey)
        let rules = group(failed, key: \.ruleKey)
        var newKinds: [FailureGroup]?
        if let known = baselineRuleKeys {
            newKinds = rules.filter { !known.contains($0.key) }
        }
        return Summary(windowStart: windowStart, windowEnd: windowEnd,
                       buildsAnalysed: records.count, buildsFailed: failed.count,
                       projects: projects(records), categories: categories, rules: rules,
                       newFailureKinds: newKinds, phases: phaseTimings(records),
                       unreadable: unreadable,
                       partialInputs: records.filter(\.partial).map(\.sourceName))
    }

    /// The failure kinds (root-cause rule ids, `unclassified`) among some builds: all a baseline contributes.
    static func failureRuleKeys(_ diagnoses: [Diagnosis]) -> Set<String> {
        Set(diagnoses.map(SummaryRecord.init).filter(\.failed).map(\.ruleKey))
    }

    static func isFailure(_ diagnosis: Diagnosis) -> Bool {
        BuildHeadline(diagnosis).status.isFailure || diagnosis.rootCause != nil
    }

    /// The project from CodeBuild's metadata, else the directory the log sits in.
    static func project(of diagnosis: Diagnosis) -> String {
        project(named: diagnosis.build.metadata.project, sourceName: diagnosis.source.name)
    }

    /// `project(of:)` from the two fields it reads (a stored diagnosis has them as JSON).
    static func project(named project: String?, sourceName name: String) -> String {
        if let project { return project }
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

    private static func projects(_ records: [SummaryRecord]) -> [ProjectCount] {
        var counts: [String: ProjectCount] = [:]
        for record in records {
            var entry = counts[record.project] ?? ProjectCount(project: record.project, analysed: 0, failed: 0)
            entry.analysed += 1
            if record.failed { entry.failed += 1 }
            counts[record.project] = entry
        }
        return counts.values.sorted { ($0.failed, $1.project) > ($1.failed, $0.project) }
    }

    private static func group(_ failed: [SummaryRecord], key: (SummaryRecord) -> String) -> [FailureGroup] {
        var order: [String] = []
        var members: [String: [SummaryRecord]] = [:]
        for record in failed {
            let name = key(record)
            if members[name] == nil { order.append(name) }
            members[name, default: []].append(record)
        }
        let groups = order.map { name -> FailureGroup in
            let builds = members[name] ?? []
            let times = builds.compactMap(\.startTime)
            let title = builds.first?.rootCause.map { $0.ruleId == name ? $0.title : $0.category } ?? name
            return FailureGroup(key: name, title: title, count: builds.count,
                                share: failed.isEmpty ? 0 : Double(builds.count) / Double(failed.count),
                                firstSeen: times.min(), lastSeen: times.max(),
                                examples: builds.prefix(examplesPerGroup).map(\.label))
        }
        return groups.sorted { ($0.count, $1.key) > ($1.count, $0.key) }
    }

    private static func phaseTimings(_ records: [SummaryRecord]) -> [PhaseTiming] {
        var durations: [String: [Double]] = [:]
        for record in records {
            for phase in record.phaseDurations { durations[phase.name, default: []].append(phase.seconds) }
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
