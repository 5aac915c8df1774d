import Foundation

/// A CodeBuild build as `BatchGetBuilds` describes it: the part cbtriage uses. Field names are the
/// API's. Times are epoch seconds with fractions (JSON numbers), kept as sent; `Date`s are derived.
/// Fetch-level on purpose: Parse merges it into its own model, Fetch never sees Parse's types.
public struct CodeBuildBuild: Codable, Equatable, Sendable {
    /// `PROJECT:UUID`.
    public var id: String
    public var arn: String?
    public var buildNumber: Int?
    @AWSTimestamp public var startTime: Double?
    @AWSTimestamp public var endTime: Double?
    public var currentPhase: String?
    /// `SUCCEEDED`, `FAILED`, `FAULT`, `TIMED_OUT`, `IN_PROGRESS`, `STOPPED`.
    public var buildStatus: String?
    public var sourceVersion: String?
    public var resolvedSourceVersion: String?
    public var projectName: String?
    public var phases: [CodeBuildPhase]?
    public var logs: CodeBuildLogs?
    public var timeoutInMinutes: Int?
    public var queuedTimeoutInMinutes: Int?
    public var buildComplete: Bool?
    public var initiator: String?

    public init(id: String, arn: String? = nil, buildNumber: Int? = nil, startTime: Double? = nil,
                endTime: Double? = nil, currentPhase: String? = nil, buildStatus: String? = nil,
                sourceVersion: String? = nil, resolvedSourceVersion: String? = nil, projectName: String? = nil,
                phases: [CodeBuildPhase]? = nil, logs: CodeBuildLogs? = nil, timeoutInMinutes: Int? = nil,
                queuedTimeoutInMinutes: Int? = nil, buildComplete: Bool? = nil, initiator: String? = nil) {
        self.id = id
        self.arn = arn
        self.buildNumber = buildNumber
        self.startTime = startTime
        self.endTime = endTime
        self.currentPhase = currentPhase
        self.buildStatus = buildStatus
        self.sourceVersion = sourceVersion
        self.resolvedSourceVersion = resolvedSourceVersion
        self.projectName = projectName
        self.phases = phases
        self.logs = logs
        self.timeoutInMinutes = timeoutInMinutes
        self.queuedTimeoutInMinutes = queuedTimeoutInMinutes
        self.buildComplete = buildComplete
        self.initiator = initiator
    }

    public var startDate: Date? { startTime.map(Date.init(timeIntervalSince1970:)) }
    public var endDate: Date? { endTime.map(Date.init(timeIntervalSince1970:)) }

    /// The project, from `projectName` or else the part of the id before `:`.
    public var project: String {
        if let projectName, !projectName.isEmpty { return projectName }
        return id.split(separator: ":", maxSplits: 1).first.map(String.init) ?? id
    }

    /// The build's UUID: the part of the id after `PROJECT:`.
    public var uuid: String {
        guard let colon = id.firstIndex(of: ":") else { return id }
        return String(id[id.index(after: colon)...])
    }
}

public struct CodeBuildPhase: Codable, Equatable, Sendable {
    /// `SUBMITTED`, `QUEUED`, `PROVISIONING`, `DOWNLOAD_SOURCE`, … `COMPLETED`.
    public var phaseType: String
    /// Absent while the phase runs and for `COMPLETED`.
    public var phaseStatus: String?
    @AWSTimestamp public var startTime: Double?
    @AWSTimestamp public var endTime: Double?
    public var durationInSeconds: Int?
    public var contexts: [CodeBuildPhaseContext]?

    public init(phaseType: String, phaseStatus: String? = nil, startTime: Double? = nil, endTime: Double? = nil,
                durationInSeconds: Int? = nil, contexts: [CodeBuildPhaseContext]? = nil) {
        self.phaseType = phaseType
        self.phaseStatus = phaseStatus
        self.startTime = startTime
        self.endTime = endTime
        self.durationInSeconds = durationInSeconds
        self.contexts = contexts
    }

    public var startDate: Date? { startTime.map(Date.init(timeIntervalSince1970:)) }
    public var endDate: Date? { endTime.map(Date.init(timeIntervalSince1970:)) }
}

/// Why a phase ended as it did: `statusCode` (`CLIENT_ERROR`, `COMMAND_EXECUTION_ERROR`, …) and a message.
public struct CodeBuildPhaseContext: Codable, Equatable, Sendable {
    public var statusCode: String?
    public var message: String?

    public init(statusCode: String?, message: String?) {
        self.statusCode = statusCode
        self.message = message
    }
}

/// Where the build's logs went.
public struct CodeBuildLogs: Codable, Equatable, Sendable {
    public var groupName: String?
    public var streamName: String?
    public var deepLink: String?
    public var s3DeepLink: String?
    public var cloudWatchLogsArn: String?
    public var s3LogsArn: String?
    /// The project's logs configuration as the build used it (custom group / stream prefix, or disabled).
    public var cloudWatchLogs: CodeBuildCloudWatchLogsConfig?
    public var s3Logs: CodeBuildS3LogsConfig?

    public init(groupName: String? = nil, streamName: String? = nil, deepLink: String? = nil,
                s3DeepLink: String? = nil, cloudWatchLogsArn: String? = nil, s3LogsArn: String? = nil,
                cloudWatchLogs: CodeBuildCloudWatchLogsConfig? = nil, s3Logs: CodeBuildS3LogsConfig? = nil) {
        self.groupName = groupName
        self.streamName = streamName
        self.deepLink = deepLink
        self.s3DeepLink = s3DeepLink
        self.cloudWatchLogsArn = cloudWatchLogsArn
        self.s3LogsArn = s3LogsArn
        self.cloudWatchLogs = cloudWatchLogs
        self.s3Logs = s3Logs
    }
}

public struct CodeBuildCloudWatchLogsConfig: Codable, Equatable, Sendable {
    /// `ENABLED` or `DISABLED`.
    public var status: String?
    public var groupName: String?
    /// A prefix: CodeBuild writes to `<streamName>/<build-uuid>`.
    public var streamName: String?

    public init(status: String?, groupName: String? = nil, streamName: String? = nil) {
        self.status = status
        self.groupName = groupName
        self.streamName = streamName
    }
}

public struct CodeBuildS3LogsConfig: Codable, Equatable, Sendable {
    public var status: String?
    /// `bucket/prefix`.
    public var location: String?

    public init(status: String?, location: String? = nil) {
        self.status = status
        self.location = location
    }
}

struct BatchGetBuildsRequest: Codable {
    var ids: [String]
}

public struct BatchGetBuildsResponse: Codable, Equatable, Sendable {
    public var builds: [CodeBuildBuild]?
    public var buildsNotFound: [String]?

    public init(builds: [CodeBuildBuild]?, buildsNotFound: [String]? = nil) {
        self.builds = builds
        self.buildsNotFound = buildsNotFound
    }
}

struct ListBuildsForProjectRequest: Codable {
    var projectName: String
    var sortOrder: String?
    var nextToken: String?
}

struct ListBuildsForProjectResponse: Codable {
    var ids: [String]?
    var nextToken: String?
}

struct ListProjectsRequest: Codable {
    var sortBy: String?
    var sortOrder: String?
    var nextToken: String?
}

struct ListProjectsResponse: Codable {
    var projects: [String]?
    var nextToken: String?
}
