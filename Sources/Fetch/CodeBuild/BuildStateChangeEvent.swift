import Foundation

/// An EventBridge "CodeBuild Build State Change" event (`source: aws.codebuild`), as EventBridge delivers it to
/// a rule's target: the build ARN, account, Region and status, and in `detail.additional-information` the
/// build's log location and phases. Read into `CodeBuildBuild` (BatchGetBuilds' shape) so the rest of the
/// pipeline does not care where a build's description came from.
///
/// The event's environment variables are plaintext values: only the values of those whose names look secret
/// are kept, so that a report can mask them; none is ever part of the build description.
public struct BuildStateChangeEvent: Sendable {
    public var account: String?
    public var region: String?
    /// `arn:aws:codebuild:REGION:ACCOUNT:build/PROJECT:UUID`.
    public var buildARN: String
    /// `FAILED`, `FAULT`, `TIMED_OUT`, `STOPPED`, `SUCCEEDED`, `IN_PROGRESS`.
    public var status: String
    /// What the event says of the build.
    public var build: CodeBuildBuild
    /// The event listed the build's phases (a completed build's event does).
    public var hasPhases: Bool
    /// The event named the log group and stream (an event for a build without CloudWatch Logs does not).
    public var hasLogLocation: Bool
    /// Values of the event's environment variables whose names say they are secrets, for masking.
    public var secretValues: [String]

    public static let detailType = "CodeBuild Build State Change"
    /// The statuses a diagnosis is for; the others are acknowledged and skipped.
    public static let diagnosedStatuses: Set<String> = ["FAILED", "FAULT", "TIMED_OUT"]

    public var isFailure: Bool { Self.diagnosedStatuses.contains(status) }

    public init(json bytes: Data) throws {
        let document: EventDocument
        do {
            document = try JSONDecoder().decode(EventDocument.self, from: bytes)
        } catch DecodingError.keyNotFound(let key, let context) {
            let path = (context.codingPath.map(\.stringValue) + [key.stringValue]).joined(separator: ".")
            throw BuildEventError.missingField(path)
        } catch DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context) {
            throw BuildEventError.wrongType(context.codingPath.map(\.stringValue).joined(separator: "."))
        } catch {
            throw BuildEventError.notJSON
        }
        guard document.source == "aws.codebuild", document.detailType == Self.detailType else {
            throw BuildEventError.notABuildStateChange(source: document.source ?? "none",
                                                       detailType: document.detailType ?? "none")
        }
        let detail = document.detail
        guard let identifier = try? BuildIdentifier(parsing: detail.buildId), identifier.region != nil else {
            throw BuildEventError.badBuildARN
        }
        let info = detail.additionalInformation
        account = document.account
        region = document.region ?? identifier.region
        buildARN = detail.buildId
        status = detail.buildStatus.uppercased()
        let phases = info?.phases?.map(\.codeBuildPhase)
        hasPhases = !(phases ?? []).isEmpty
        let logs = info?.logs
        let group = logs?.groupName.flatMap { $0.isEmpty || $0 == "null" ? nil : $0 }
        let stream = logs?.streamName.flatMap { $0.isEmpty || $0 == "null" ? nil : $0 }
        hasLogLocation = group != nil && stream != nil
        build = CodeBuildBuild(
            id: identifier.id, arn: detail.buildId, buildNumber: info?.buildNumber.map { Int($0) },
            startTime: info?.buildStartTime.flatMap(EventTime.parse), currentPhase: detail.currentPhase,
            buildStatus: status, sourceVersion: info?.sourceVersion, projectName: detail.projectName,
            phases: phases, logs: CodeBuildLogs(groupName: group, streamName: stream, deepLink: logs?.deepLink),
            timeoutInMinutes: info?.timeoutInMinutes.map { Int($0) }, buildComplete: info?.buildComplete,
            initiator: info?.initiator)
        build.endTime = phases?.compactMap(\.endTime).max()
        secretValues = (info?.environment?.environmentVariables ?? [])
            .filter { EventEnvironmentVariable.looksSecret($0.name) }
            .compactMap(\.value).filter { $0.count >= 6 }
    }
}

/// Why an event could not be used; one line each, naming the field.
public enum BuildEventError: Error, Equatable, UserFacingError {
    case notJSON
    case notABuildStateChange(source: String, detailType: String)
    case missingField(String)
    case wrongType(String)
    case badBuildARN

    public var userMessage: String {
        switch self {
        case .notJSON:
            return "the event is not JSON (expected an EventBridge \"CodeBuild Build State Change\" event)"
        case .notABuildStateChange(let source, let detailType):
            return "the event is not a CodeBuild build state change (source \(Self.clip(source)), detail-type "
                + "\(Self.clip(detailType))); expected source aws.codebuild, detail-type \"\(BuildStateChangeEvent.detailType)\""
        case .missingField(let path):
            return "the event has no \(Self.clip(path)) (an EventBridge \"CodeBuild Build State Change\" event has it)"
        case .wrongType(let path):
            return "the event's \(Self.clip(path)) has the wrong type"
        case .badBuildARN:
            return "the event's detail.build-id is not a build ARN (arn:aws:codebuild:REGION:ACCOUNT:build/PROJECT:UUID)"
        }
    }

    private static func clip(_ text: String) -> String {
        let printable = text.filter { !$0.isNewline && $0.asciiValue.map { $0 >= 0x20 } ?? true }
        return printable.count > 80 ? String(printable.prefix(80)) + "…" : printable
    }
}

/// The event's times: `Sep 1, 2017 4:12:29 PM`, in UTC.
enum EventTime {
    static func parse(_ text: String) -> Double? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "MMM d, yyyy h:mm:ss a"
        return formatter.date(from: text)?.timeIntervalSince1970
    }
}

private struct EventDocument: Decodable {
    var source: String?
    var detailType: String?
    var account: String?
    var region: String?
    var detail: EventDetail

    enum CodingKeys: String, CodingKey {
        case source, account, region, detail
        case detailType = "detail-type"
    }
}

private struct EventDetail: Decodable {
    var buildStatus: String
    var projectName: String?
    var buildId: String
    var currentPhase: String?
    var additionalInformation: EventInformation?

    enum CodingKeys: String, CodingKey {
        case buildStatus = "build-status", projectName = "project-name", buildId = "build-id"
        case currentPhase = "current-phase", additionalInformation = "additional-information"
    }
}

private struct EventInformation: Decodable {
    var buildComplete: Bool?
    var buildNumber: Double?
    var initiator: String?
    var buildStartTime: String?
    var sourceVersion: String?
    var timeoutInMinutes: Double?
    var logs: EventLogs?
    var phases: [EventPhase]?
    var environment: EventEnvironment?

    enum CodingKeys: String, CodingKey {
        case initiator, logs, phases, environment
        case buildComplete = "build-complete", buildNumber = "build-number", buildStartTime = "build-start-time"
        case sourceVersion = "source-version", timeoutInMinutes = "timeout-in-minutes"
    }
}

private struct EventLogs: Decodable {
    var groupName: String?
    var streamName: String?
    var deepLink: String?

    enum CodingKeys: String, CodingKey {
        case groupName = "group-name", streamName = "stream-name", deepLink = "deep-link"
    }
}

private struct EventPhase: Decodable {
    var phaseType: String
    var phaseStatus: String?
    var startTime: String?
    var endTime: String?
    var durationInSeconds: Double?
    var phaseContext: [String]?

    enum CodingKeys: String, CodingKey {
        case phaseType = "phase-type", phaseStatus = "phase-status", startTime = "start-time", endTime = "end-time"
        case durationInSeconds = "duration-in-seconds", phaseContext = "phase-context"
    }

    /// `phase-context` entries read `STATUS_CODE: message` (`": "` when there is neither).
    var codeBuildPhase: CodeBuildPhase {
        let contexts = (phaseContext ?? []).compactMap { entry -> CodeBuildPhaseContext? in
            guard !entry.trimmingCharacters(in: CharacterSet(charactersIn: ": ")).isEmpty else { return nil }
            let parts = entry.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            let code = parts.first ?? ""
            let looksLikeCode = !code.isEmpty && code.allSatisfy { $0.isUppercase || $0 == "_" || $0.isNumber }
            let message = looksLikeCode ? (parts.count > 1 ? parts[1] : "") : entry.trimmingCharacters(in: .whitespaces)
            if !looksLikeCode && message.isEmpty { return nil }
            return CodeBuildPhaseContext(statusCode: looksLikeCode ? code : nil, message: message.isEmpty ? nil : message)
        }
        return CodeBuildPhase(phaseType: phaseType, phaseStatus: phaseStatus,
                              startTime: startTime.flatMap(EventTime.parse), endTime: endTime.flatMap(EventTime.parse),
                              durationInSeconds: durationInSeconds.map { Int($0) },
                              contexts: contexts.isEmpty ? nil : contexts)
    }
}

private struct EventEnvironment: Decodable {
    var environmentVariables: [EventEnvironmentVariable]?

    enum CodingKeys: String, CodingKey { case environmentVariables = "environment-variables" }
}

struct EventEnvironmentVariable: Decodable {
    var name: String
    var type: String?
    var value: String?

    /// `GITHUB_TOKEN`, `DB_PASSWORD`, `API_KEY`, `NPM_AUTH`, `SECRET`: a name that says its value is a secret.
    static func looksSecret(_ name: String) -> Bool {
        let upper = name.uppercased()
        return ["TOKEN", "SECRET", "PASSWORD", "PASSWD", "PASS", "KEY", "AUTH", "CREDENTIAL"].contains { upper.contains($0) }
    }
}
