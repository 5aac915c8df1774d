import Fetch
import Foundation
import Parse

/// What a diagnosis needs of a baseline (a build that went well): the hashes of its normalised lines, its
/// commands and its phase durations. Never the log itself, so memory is bounded by `maxLineHashes`, and small
/// enough to cache (`Codable`; the hashes are stored as one base64 string).
public struct BaselineIndex: Codable, Equatable, Sendable {
    /// Bumped when the normaliser or this layout changes: a cached index of another version is rebuilt.
    public static let formatVersion = 1
    /// Distinct normalised lines indexed at most; lines past that are counted, not indexed.
    public static let maxLineHashes = 1_000_000

    public var formatVersion: Int
    /// The log's name as shown (a path, or the build id).
    public var name: String
    public var buildId: String?
    public var status: PhaseStatus
    public var sourceVersion: String?
    public var startTime: Date?
    public var linesRead: Int
    public var bytesRead: Int64
    /// The baseline was itself read only in part.
    public var partial: Bool
    public var lineHashes: Set<UInt64>
    /// Lines whose hash was not kept because `maxLineHashes` were already held.
    public var linesNotIndexed: Int
    public var commands: [BaselineCommand]
    public var phases: [BaselinePhase]

    public init(name: String, buildId: String? = nil, status: PhaseStatus, sourceVersion: String? = nil,
                startTime: Date? = nil, linesRead: Int, bytesRead: Int64, partial: Bool, lineHashes: Set<UInt64>,
                linesNotIndexed: Int, commands: [BaselineCommand], phases: [BaselinePhase]) {
        formatVersion = Self.formatVersion
        self.name = name
        self.buildId = buildId
        self.status = status
        self.sourceVersion = sourceVersion
        self.startTime = startTime
        self.linesRead = linesRead
        self.bytesRead = bytesRead
        self.partial = partial
        self.lineHashes = lineHashes
        self.linesNotIndexed = linesNotIndexed
        self.commands = commands
        self.phases = phases
    }

    private enum CodingKeys: String, CodingKey {
        case formatVersion, name, buildId, status, sourceVersion, startTime, linesRead, bytesRead, partial
        case lineHashes, linesNotIndexed, commands, phases
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        formatVersion = try container.decode(Int.self, forKey: .formatVersion)
        name = try container.decode(String.self, forKey: .name)
        buildId = try container.decodeIfPresent(String.self, forKey: .buildId)
        status = try container.decode(PhaseStatus.self, forKey: .status)
        sourceVersion = try container.decodeIfPresent(String.self, forKey: .sourceVersion)
        startTime = try container.decodeIfPresent(Date.self, forKey: .startTime)
        linesRead = try container.decode(Int.self, forKey: .linesRead)
        bytesRead = try container.decode(Int64.self, forKey: .bytesRead)
        partial = try container.decode(Bool.self, forKey: .partial)
        linesNotIndexed = try container.decode(Int.self, forKey: .linesNotIndexed)
        commands = try container.decode([BaselineCommand].self, forKey: .commands)
        phases = try container.decode([BaselinePhase].self, forKey: .phases)
        let packed = try container.decode(String.self, forKey: .lineHashes)
        guard let data = Data(base64Encoded: packed), data.count % 8 == 0 else {
            throw DecodingError.dataCorruptedError(forKey: .lineHashes, in: container,
                                                   debugDescription: "line hashes are not base64 of 8-byte values")
        }
        var hashes = Set<UInt64>(minimumCapacity: data.count / 8)
        data.withUnsafeBytes { raw in
            for offset in stride(from: 0, to: raw.count, by: 8) {
                hashes.insert(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
            }
        }
        lineHashes = hashes
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(formatVersion, forKey: .formatVersion)
        try container.encode(name, forKey: .name)
        try container.encodeIfPresent(buildId, forKey: .buildId)
        try container.encode(status, forKey: .status)
        try container.encodeIfPresent(sourceVersion, forKey: .sourceVersion)
        try container.encodeIfPresent(startTime, forKey: .startTime)
        try container.encode(linesRead, forKey: .linesRead)
        try container.encode(bytesRead, forKey: .bytesRead)
        try container.encode(partial, forKey: .partial)
        try container.encode(linesNotIndexed, forKey: .linesNotIndexed)
        try container.encode(commands, forKey: .commands)
        try container.encode(phases, forKey: .phases)
        var data = Data(capacity: lineHashes.count * 8)
        for hash in lineHashes.sorted() { withUnsafeBytes(of: hash.littleEndian) { data.append(contentsOf: $0) } }
        try container.encode(data.base64EncodedString(), forKey: .lineHashes)
    }

    /// Whether the baseline holds a line that normalises like this one.
    func contains(_ hash: UInt64) -> Bool { lineHashes.contains(hash) }
}

/// A command the baseline ran: where, its normalised hash (for comparison) and its redacted text (to show).
public struct BaselineCommand: Codable, Equatable, Sendable {
    public var phase: String
    public var ordinal: Int
    public var hash: UInt64
    public var text: String

    public init(phase: String, ordinal: Int, hash: UInt64, text: String) {
        self.phase = phase
        self.ordinal = ordinal
        self.hash = hash
        self.text = text
    }
}

/// A phase of the baseline and how long it took.
public struct BaselinePhase: Codable, Equatable, Sendable {
    public var name: String
    public var status: PhaseStatus
    public var seconds: Double?

    public init(name: String, status: PhaseStatus, seconds: Double?) {
        self.name = name
        self.status = status
        self.seconds = seconds
    }
}
