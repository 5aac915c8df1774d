import Analyze
import Fetch
import Foundation
import Parse

/// Reads back a document `--out` stored (or any `--format json` output of `build` / `analyze`): the few
/// fields a summary needs, the way `SummaryRecord.init(Diagnosis)` takes them from a live diagnosis.
enum StoredDiagnosis {
    /// One record per entry of the document's `builds`.
    static func records(in data: Data, name: String) throws -> [SummaryRecord] {
        try builds(in: data, name: name).map { try record($0, name: name) }
    }

    /// What identifies the build a document is about: `build.buildId`, else `input.name`; one per build.
    static func identities(in data: Data) throws -> [String] {
        try builds(in: data, name: "").map { build in
            let metadata = build["build"] as? [String: Any]
            let input = build["input"] as? [String: Any]
            return (metadata?["buildId"] as? String) ?? (input?["name"] as? String) ?? ""
        }
    }

    static func identity(of diagnosis: Diagnosis) -> String {
        diagnosis.build.metadata.buildId ?? diagnosis.source.name
    }

    private static func builds(in data: Data, name: String) throws -> [[String: Any]] {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw StoredDiagnosisError.notADiagnosis(name: name, reason: "not a JSON object")
        }
        guard let version = object["schemaVersion"] as? Int, version == Int(JSONRenderer.schemaVersion) else {
            throw StoredDiagnosisError.notADiagnosis(
                name: name, reason: "schemaVersion is not \(JSONRenderer.schemaVersion) (a diagnosis document)")
        }
        guard let builds = object["builds"] as? [[String: Any]] else {
            throw StoredDiagnosisError.notADiagnosis(name: name, reason: "no builds array")
        }
        return builds
    }

    private static func record(_ build: [String: Any], name: String) throws -> SummaryRecord {
        guard let input = build["input"] as? [String: Any], let sourceName = input["name"] as? String,
              let metadata = build["build"] as? [String: Any], let statusText = metadata["status"] as? String else {
            throw StoredDiagnosisError.notADiagnosis(name: name, reason: "a build without input.name or build.status")
        }
        let phases = build["phases"] as? [[String: Any]] ?? []
        let cause = (build["rootCause"] as? [String: Any]).flatMap { cause -> SummaryRecord.Cause? in
            guard let ruleId = cause["ruleId"] as? String, let title = cause["title"] as? String,
                  let category = cause["category"] as? String else { return nil }
            return SummaryRecord.Cause(ruleId: ruleId, title: title, category: category)
        }
        let project = metadata["project"] as? String
        let buildId = metadata["buildId"] as? String
        let status = PhaseStatus(rawValue: statusText)
        let start = date(metadata["startTime"]) ?? phases.compactMap { date($0["startTime"]) }.min()
        return SummaryRecord(
            failed: (status?.isFailure ?? false) || cause != nil,
            project: SummaryBuilder.project(named: project, sourceName: sourceName),
            label: buildId ?? sourceName, buildId: buildId, startTime: start, rootCause: cause,
            sourceName: sourceName, partial: input["partial"] as? Bool ?? false,
            phaseDurations: phases.compactMap { phase in
                guard let phaseName = phase["name"] as? String,
                      let seconds = (phase["durationSeconds"] as? NSNumber)?.doubleValue, seconds >= 0 else { return nil }
                return SummaryRecord.PhaseDuration(name: phaseName, seconds: seconds)
            })
    }

    /// `2024-03-06T10:00:03.123Z`, as `ISOTime` writes it (fractional seconds optional).
    static func date(_ value: Any?) -> Date? {
        guard let text = value as? String else { return nil }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }
}

enum StoredDiagnosisError: UserFacingError, Equatable {
    case notADiagnosis(name: String, reason: String)

    var userMessage: String {
        switch self {
        case .notADiagnosis(let name, let reason):
            return "\(name): not a stored cbtriage diagnosis (\(reason))"
        }
    }
}

extension SummaryRecord {
    /// A record read back from a stored document rather than made from a live diagnosis.
    init(failed: Bool, project: String, label: String, buildId: String?, startTime: Date?, rootCause: Cause?,
         sourceName: String, partial: Bool, phaseDurations: [PhaseDuration]) {
        self.failed = failed
        self.project = project
        self.label = label
        self.buildId = buildId
        self.startTime = startTime
        self.rootCause = rootCause
        self.sourceName = sourceName
        self.partial = partial
        self.phaseDurations = phaseDurations
    }
}
