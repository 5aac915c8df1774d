import Fetch
import Foundation

/// Merges what CodeBuild's API knows about a build (`BatchGetBuilds`) into the model parsed from
/// its log. The log is the evidence; the API fills what the log cannot know:
/// - phases the log lacks (SUBMITTED, QUEUED, PROVISIONING — or all of them when the build died in
///   PROVISIONING before writing much) are added in CodeBuild's phase order, with no lines;
/// - a phase's status, times and context (`contexts[].statusCode/message`) fill what the log left unknown;
///   the context message lands in `Phase.contextMessage`, where the engine can use it as evidence;
/// - the build's status (`status` and `metadata.status`) is the API's, except that an API "SUCCEEDED"
///   never hides a failure the log shows (moto reports every build as succeeded; an API record read
///   mid-build can lag the log);
/// - metadata (project, id, number, source version, initiator, log group/stream, console link) is the API's.
///
/// Returns where each of the model's phases went, for whoever holds indices into them (the analyzer).
public enum APIBuildMerge {
    @discardableResult
    public static func merge(_ build: CodeBuildBuild, into model: inout BuildModel) -> PhaseRenumbering {
        let renumbering = mergePhases(uniquePhases(of: build), into: &model)
        mergeStatus(build, into: &model)
        mergeMetadata(build, into: &model)
        return renumbering
    }

    /// API phases worth merging: one per type (moto repeats them), without the `COMPLETED` marker,
    /// which has no status and only says when the build ended.
    private static func uniquePhases(of build: CodeBuildBuild) -> [CodeBuildPhase] {
        var seen = Set<String>()
        return (build.phases ?? []).filter { phase in
            phase.phaseType != "COMPLETED" && seen.insert(phase.phaseType).inserted
        }
    }

    private static func mergePhases(_ apiPhases: [CodeBuildPhase], into model: inout BuildModel) -> PhaseRenumbering {
        // Where each of the log's phases ends up, so indices into `phases` stay right.
        var phases = model.phases
        var newIndexOfOld = Array(phases.indices)
        for apiPhase in apiPhases {
            if let index = phases.firstIndex(where: { $0.name == apiPhase.phaseType }) {
                fill(&phases[index], from: apiPhase)
                continue
            }
            var added = Phase(name: apiPhase.phaseType)
            fill(&added, from: apiPhase)
            let rank = order(of: apiPhase.phaseType)
            let position = phases.firstIndex { order(of: $0.name) > rank } ?? phases.endIndex
            phases.insert(added, at: position)
            for old in newIndexOfOld.indices where newIndexOfOld[old] >= position { newIndexOfOld[old] += 1 }
        }
        model.phases = phases
        if let failing = model.firstFailingCommand, newIndexOfOld.indices.contains(failing.phase) {
            model.firstFailingCommand = CommandPosition(phase: newIndexOfOld[failing.phase], command: failing.command)
        }
        let remapped = model.firstFailingPhase.flatMap { newIndexOfOld.indices.contains($0) ? newIndexOfOld[$0] : nil }
        let firstByStatus = phases.firstIndex { $0.status.isFailure }
        model.firstFailingPhase = [remapped, firstByStatus].compactMap { $0 }.min()
        return PhaseRenumbering(newIndex: newIndexOfOld)
    }

    private static func fill(_ phase: inout Phase, from apiPhase: CodeBuildPhase) {
        if phase.status == .unknown, let status = apiPhase.phaseStatus.flatMap(PhaseStatus.init(rawValue:)) {
            phase.status = status
        }
        if phase.startTime == nil { phase.startTime = apiPhase.startDate }
        if phase.endTime == nil { phase.endTime = apiPhase.endDate }
        // Successful phases carry a context of empty strings; only a real one counts.
        let context = apiPhase.meaningfulContext
        if phase.contextCode == nil, let code = context?.statusCode, !code.isEmpty {
            phase.contextCode = code
        }
        if phase.contextMessage == nil, let message = context?.message, !message.isEmpty {
            phase.contextMessage = message.trimmingCharacters(in: .whitespaces)
        }
    }

    /// Position in CodeBuild's phase order; unknown names sort after every known one.
    private static func order(of name: String) -> Int {
        PhaseName.ordered.firstIndex(of: name) ?? PhaseName.ordered.count
    }

    private static func mergeStatus(_ build: CodeBuildBuild, into model: inout BuildModel) {
        guard let apiStatus = build.buildStatus.flatMap(PhaseStatus.init(rawValue:)) else { return }
        let logShowsFailure = model.status.isFailure || model.firstFailingPhase != nil
            || model.firstFailingCommand != nil
        if apiStatus == .succeeded && logShowsFailure {
            if !model.status.isFailure {
                let phaseStatus = model.firstFailingPhase.map { model.phases[$0].status }
                model.status = phaseStatus.flatMap { $0.isFailure ? $0 : nil } ?? .failed
            }
        } else {
            model.status = apiStatus
        }
        // Renderers show the metadata's status as the build's: it must be the reconciled one.
        model.metadata.status = model.status
    }

    private static func mergeMetadata(_ build: CodeBuildBuild, into model: inout BuildModel) {
        var metadata = model.metadata
        metadata.project = build.project
        metadata.buildId = build.id
        metadata.buildNumber = build.buildNumber ?? metadata.buildNumber
        metadata.sourceVersion = build.sourceVersion ?? build.resolvedSourceVersion ?? metadata.sourceVersion
        metadata.startTime = build.startDate ?? metadata.startTime
        metadata.endTime = build.endDate ?? metadata.endTime
        metadata.initiator = build.initiator ?? metadata.initiator
        if let location = try? BuildLogLocation(for: build) {
            metadata.logGroup = location.group
            metadata.logStream = location.stream
        }
        // The build's page in the CodeBuild console; the CloudWatch Logs deep link only when there is no ARN.
        metadata.consoleURL = consoleURL(for: build) ?? nonEmpty(build.logs?.deepLink) ?? metadata.consoleURL
        model.metadata = metadata
    }

    /// The CodeBuild console page of the build, from its ARN's region and account.
    static func consoleURL(for build: CodeBuildBuild) -> String? {
        guard let arn = build.arn else { return nil }
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[1] == "aws", !parts[3].isEmpty, !parts[4].isEmpty else { return nil }
        let region = parts[3]
        let encodedId = build.id.replacingOccurrences(of: ":", with: "%3A")
        return "https://\(region).console.aws.amazon.com/codesuite/codebuild/\(parts[4])/projects/"
            + "\(build.project)/build/\(encodedId)/?region=\(region)"
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }
}
