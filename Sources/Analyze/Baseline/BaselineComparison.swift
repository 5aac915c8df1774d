import Foundation
import Parse

/// What a failed build does differently from a baseline that went well: the lines it printed that the baseline
/// never did (ranked and grouped with their context), the commands that are new or changed, and the phases that
/// took much longer. Everything shown is redacted.
public struct BaselineComparison: Codable, Equatable, Sendable {
    public var baseline: BaselineReference
    /// Every new line of the failed build's output (agent lines and blank lines are never counted).
    public var newLineCount: Int
    /// Groups found in all; `groups` holds the best `BaselineComparer.maxGroupsReported` of those kept.
    public var groupCount: Int
    /// Ranked: the failing command's output first, then the rest of the failing phase, then elsewhere.
    public var groups: [NewLineGroup]
    public var commands: [CommandChange]
    public var slowerPhases: [PhaseSlowdown]

    public init(baseline: BaselineReference, newLineCount: Int, groupCount: Int, groups: [NewLineGroup],
                commands: [CommandChange], slowerPhases: [PhaseSlowdown]) {
        self.baseline = baseline
        self.newLineCount = newLineCount
        self.groupCount = groupCount
        self.groups = groups
        self.commands = commands
        self.slowerPhases = slowerPhases
    }
}

/// Which baseline was compared, and what it cost to get it.
public struct BaselineReference: Codable, Equatable, Sendable {
    public var name: String
    public var buildId: String?
    public var status: PhaseStatus
    public var sourceVersion: String?
    public var linesRead: Int
    public var bytesRead: Int64
    public var distinctLines: Int
    public var linesNotIndexed: Int
    public var partial: Bool
    /// How it was chosen: `file`, `build-id` or `last-green`.
    public var selection: String
    /// Extra AWS calls the baseline took (0 for a file or a cached index), and bytes downloaded for it.
    public var apiCalls: Int
    public var bytesFetched: Int64
    public var fromCache: Bool

    /// How reports name it: the build id when it is a CodeBuild build, else its path.
    public var label: String { buildId ?? name }

    public init(index: BaselineIndex, selection: String, apiCalls: Int = 0, bytesFetched: Int64 = 0, fromCache: Bool = false) {
        name = index.name
        buildId = index.buildId
        status = index.status
        sourceVersion = index.sourceVersion
        linesRead = index.linesRead
        bytesRead = index.bytesRead
        distinctLines = index.lineHashes.count
        linesNotIndexed = index.linesNotIndexed
        partial = index.partial
        self.selection = selection
        self.apiCalls = apiCalls
        self.bytesFetched = bytesFetched
        self.fromCache = fromCache
    }
}

/// Where a group of new lines sits, most telling first.
public enum NewLineRegion: String, Codable, Sendable, Comparable {
    case failingCommand = "failing-command"
    case failingPhase = "failing-phase"
    case elsewhere

    private var rank: Int {
        switch self {
        case .failingCommand: return 0
        case .failingPhase: return 1
        case .elsewhere: return 2
        }
    }

    public static func < (lhs: NewLineRegion, rhs: NewLineRegion) -> Bool { lhs.rank < rhs.rank }
}

/// A line shown in a group: new in this build, or context around the new ones.
public struct DiffLine: Codable, Equatable, Sendable {
    public var number: Int
    public var text: String
    public var new: Bool

    public init(number: Int, text: String, new: Bool) {
        self.number = number
        self.text = text
        self.new = new
    }
}

/// New lines close together (at most `NewLineCollector.joinGap` lines apart), with context before and after.
public struct NewLineGroup: Codable, Equatable, Sendable {
    public var region: NewLineRegion
    public var phase: String?
    public var command: String?
    public var lines: [DiffLine]
    /// New lines in the group, shown or not; `lines` shows at most `NewLineCollector.maxLinesPerGroup` of them.
    public var newLines: Int
    public var firstNewLine: Int

    public init(region: NewLineRegion, phase: String?, command: String?, lines: [DiffLine], newLines: Int, firstNewLine: Int) {
        self.region = region
        self.phase = phase
        self.command = command
        self.lines = lines
        self.newLines = newLines
        self.firstNewLine = firstNewLine
    }
}

/// A command of the failed build that the baseline did not run as such.
public struct CommandChange: Codable, Equatable, Sendable {
    public enum Kind: String, Codable, Sendable {
        /// Not in the baseline's phase at all.
        case new
        /// In the place (phase, position) of a different baseline command that this build did not run.
        case changed
    }

    public var kind: Kind
    public var phase: String
    public var text: String
    public var line: Int
    public var baselineText: String?
    /// It is the command the build failed at.
    public var failing: Bool

    public init(kind: Kind, phase: String, text: String, line: Int, baselineText: String?, failing: Bool) {
        self.kind = kind
        self.phase = phase
        self.text = text
        self.line = line
        self.baselineText = baselineText
        self.failing = failing
    }
}

/// A phase that took at least `BaselineComparer.slowdownRatio` times as long as in the baseline.
public struct PhaseSlowdown: Codable, Equatable, Sendable {
    public var phase: String
    public var seconds: Double
    public var baselineSeconds: Double
    public var ratio: Double

    public init(phase: String, seconds: Double, baselineSeconds: Double, ratio: Double) {
        self.phase = phase
        self.seconds = seconds
        self.baselineSeconds = baselineSeconds
        self.ratio = ratio
    }
}
