import Fetch
import Foundation

/// The CodeBuild phase names, in the order the agent runs them.
public enum PhaseName {
    public static let ordered = [
        "SUBMITTED", "QUEUED", "PROVISIONING", "DOWNLOAD_SOURCE", "INSTALL", "PRE_BUILD",
        "BUILD", "POST_BUILD", "UPLOAD_ARTIFACTS", "FINALIZING", "COMPLETED",
    ]
}

/// A phase's or a build's status, with CodeBuild's own spellings.
public enum PhaseStatus: String, Codable, Sendable {
    case succeeded = "SUCCEEDED"
    case failed = "FAILED"
    case fault = "FAULT"
    case timedOut = "TIMED_OUT"
    case inProgress = "IN_PROGRESS"
    case stopped = "STOPPED"
    case clientError = "CLIENT_ERROR"
    /// The log does not say (it starts or ends mid-phase); never guessed.
    case unknown = "UNKNOWN"

    /// A build or phase that failed. `STOPPED` is not one: a person or a batch build stopped it.
    public var isFailure: Bool { CodeBuildStatus.failing.contains(rawValue) }
}

/// One command a phase ran (`Running command …`).
public struct Command: Codable, Equatable, Sendable {
    /// The command text as the agent printed it; several lines for a YAML block scalar.
    public var text: String
    /// Line of `Running command …`.
    public var line: Int
    /// Lines of the command's own output (between its start and the next agent line that ends it);
    /// nil when it printed nothing.
    public var outputFirstLine: Int?
    public var outputLastLine: Int?
    /// Exit status from `Command did not exit successfully … exit status N`; 0 when the phase went on
    /// to another command or completed successfully; nil when unknown.
    public var exitStatus: Int?
    public var startTime: Date?

    public init(text: String, line: Int, outputFirstLine: Int? = nil, outputLastLine: Int? = nil,
                exitStatus: Int? = nil, startTime: Date? = nil) {
        self.text = text
        self.line = line
        self.outputFirstLine = outputFirstLine
        self.outputLastLine = outputLastLine
        self.exitStatus = exitStatus
        self.startTime = startTime
    }

    public var failed: Bool { (exitStatus ?? 0) != 0 }
}

/// One phase of the build.
public struct Phase: Codable, Equatable, Sendable {
    public var name: String
    public var status: PhaseStatus
    public var startTime: Date?
    public var endTime: Date?
    /// `Phase context status code: CODE Message: M`.
    public var contextCode: String?
    public var contextMessage: String?
    /// Lines of the log that belong to this phase; nil when the phase is known only from the API.
    public var firstLine: Int?
    public var lastLine: Int?
    /// The commands kept (`CommandRetention`): every one, unless the phase ran very many.
    public var commands: [Command]
    /// The commands left out to keep memory bounded; nil when every command is in `commands`.
    public var omittedCommands: OmittedCommands?

    public init(name: String, status: PhaseStatus = .unknown, startTime: Date? = nil, endTime: Date? = nil,
                contextCode: String? = nil, contextMessage: String? = nil, firstLine: Int? = nil,
                lastLine: Int? = nil, commands: [Command] = []) {
        self.name = name
        self.status = status
        self.startTime = startTime
        self.endTime = endTime
        self.contextCode = contextCode
        self.contextMessage = contextMessage
        self.firstLine = firstLine
        self.lastLine = lastLine
        self.commands = commands
    }

    /// Seconds from start to end, when both are known.
    public var duration: TimeInterval? {
        guard let startTime, let endTime else { return nil }
        return endTime.timeIntervalSince(startTime)
    }
}

/// Facts about the build that do not come from its log lines (CodeBuild's API, or the user).
public struct BuildMetadata: Codable, Equatable, Sendable {
    public var project: String?
    public var buildId: String?
    public var buildNumber: Int?
    public var status: PhaseStatus?
    public var sourceVersion: String?
    public var startTime: Date?
    public var endTime: Date?
    public var initiator: String?
    public var logGroup: String?
    public var logStream: String?
    public var consoleURL: String?

    public init(project: String? = nil, buildId: String? = nil, buildNumber: Int? = nil, status: PhaseStatus? = nil,
                sourceVersion: String? = nil, startTime: Date? = nil, endTime: Date? = nil, initiator: String? = nil,
                logGroup: String? = nil, logStream: String? = nil, consoleURL: String? = nil) {
        self.project = project
        self.buildId = buildId
        self.buildNumber = buildNumber
        self.status = status
        self.sourceVersion = sourceVersion
        self.startTime = startTime
        self.endTime = endTime
        self.initiator = initiator
        self.logGroup = logGroup
        self.logStream = logStream
        self.consoleURL = consoleURL
    }
}

/// Where a command sits: phase `phase`, the `command`-th command it ran (its ordinal, which is its index in
/// `phases[phase].commands` unless the phase omitted some: `Phase.commandIndex(ofOrdinal:)`).
public struct CommandPosition: Codable, Equatable, Hashable, Sendable {
    public var phase: Int
    public var command: Int
    public init(phase: Int, command: Int) {
        self.phase = phase
        self.command = command
    }
}

/// The build as the parser (and, for AWS builds, CodeBuild's API) saw it.
public struct BuildModel: Codable, Equatable, Sendable {
    public var metadata: BuildMetadata
    public var phases: [Phase]
    /// Overall status: from the API when known, else derived from the phases (`unknown` if unfinished).
    public var status: PhaseStatus
    /// Index into `phases` of the first phase that did not succeed.
    public var firstFailingPhase: Int?
    /// The first command that exited non-zero.
    public var firstFailingCommand: CommandPosition?
    public var totalLines: Int
    /// The log does not begin at the build's start / stops before the build's end.
    public var startsMidBuild: Bool
    public var endsAbruptly: Bool

    public init(metadata: BuildMetadata = BuildMetadata(), phases: [Phase] = [], status: PhaseStatus = .unknown,
                firstFailingPhase: Int? = nil, firstFailingCommand: CommandPosition? = nil, totalLines: Int = 0,
                startsMidBuild: Bool = false, endsAbruptly: Bool = false) {
        self.metadata = metadata
        self.phases = phases
        self.status = status
        self.firstFailingPhase = firstFailingPhase
        self.firstFailingCommand = firstFailingCommand
        self.totalLines = totalLines
        self.startsMidBuild = startsMidBuild
        self.endsAbruptly = endsAbruptly
    }

    public func command(at position: CommandPosition) -> Command? {
        guard phases.indices.contains(position.phase),
              let index = phases[position.phase].commandIndex(ofOrdinal: position.command) else { return nil }
        return phases[position.phase].commands[index]
    }
}
