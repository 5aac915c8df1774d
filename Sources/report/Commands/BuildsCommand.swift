import ArgumentParser
import Fetch
import Foundation

/// `cbtriage builds`: a project's recent builds, newest first, with how each ended.
struct BuildsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "builds",
        abstract: "List a project's recent builds: id, number, status, start, duration, failed phase."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text
        case json
    }

    static let statuses = CodeBuildStatus.buildStatuses

    @Option(help: "The CodeBuild project.")
    var project: String

    @Option(help: "Only builds with this status: \(BuildsCommand.statuses.joined(separator: ", ")).")
    var status: String?

    @Option(help: "Only builds started within this age (30m, 24h, 7d) or since an ISO-8601 time.")
    var since: String?

    @Option(help: "At most this many builds.")
    var limit = 20

    @Option(help: "text (a table) or json.")
    var format: Format = .text

    @OptionGroup var aws: AWSOptions

    /// Ids looked at before giving up on filling `--limit` with matches: bounds the API calls.
    static let maxIdsScanned = 2_000

    func validate() throws {
        if let status, !Self.statuses.contains(status.uppercased()) {
            throw ValidationError("--status must be one of \(Self.statuses.joined(separator: ", "))")
        }
        if limit < 1 { throw ValidationError("--limit must be at least 1") }
        if let since { _ = try LogTimeBound.validated(since, option: "--since", now: Date()) }
    }

    func run() throws {
        let sinceMillis = try since.map { try LogTimeBound.millis(from: $0, now: Date()) }
        let connection = try aws.connect()
        let wanted = status?.uppercased()
        var matches: [CodeBuildBuild] = []
        var scanned = 0
        try connection.codeBuild.forEachBuildIdPage(project: project) { ids in
            scanned += ids.count
            let builds = try connection.codeBuild.batchGetBuilds(ids: ids).builds ?? []
            let recent = builds.filter { build in
                sinceMillis.map { (build.startTime ?? 0) * 1000 >= Double($0) } ?? true
            }
            matches += recent.filter { build in wanted.map { build.buildStatus == $0 } ?? true }
            // Newest first: a page with nothing recent enough means the rest is older still.
            let exhaustedWindow = sinceMillis != nil && recent.isEmpty && !builds.isEmpty
            return matches.count < limit && !exhaustedWindow && scanned < Self.maxIdsScanned
        }
        let shown = Array(matches.prefix(limit))
        switch format {
        case .text: StandardStreams.out(BuildsTable.render(shown))
        case .json: StandardStreams.out(BuildsTable.json(project: project, builds: shown))
        }
    }
}

/// The `builds` output: a fixed-column table, or JSON (`schemaVersion` 1; every key always present,
/// `null` when unknown; fields documented in docs/aws.md).
enum BuildsTable {
    static func render(_ builds: [CodeBuildBuild]) -> String {
        let header = ["BUILD ID", "#", "STATUS", "STARTED (UTC)", "DURATION", "FAILED PHASE"]
        let rows = builds.map { build in
            [build.id, build.buildNumber.map(String.init) ?? "-", build.buildStatus ?? "-",
             build.startDate.map(startText) ?? "-", Formatting.duration(build.durationSeconds) ?? "-",
             failedPhaseText(build)]
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            let padded = cells.enumerated().map { index, cell in
                index == cells.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }
            return padded.joined(separator: "  ") + "\n"
        }
        return ([header] + rows).map(line).joined()
    }

    static func json(project: String, builds: [CodeBuildBuild]) -> String {
        let rows: [JSONValue] = builds.map { build in
            let failed = build.firstFailedPhase
            return .object([
                ("id", .string(build.id)),
                ("buildNumber", .optional(build.buildNumber)),
                ("status", .optional(build.buildStatus)),
                ("startTime", .optional(build.startDate)),
                ("endTime", .optional(build.endDate)),
                ("durationSeconds", .optional(build.durationSeconds.map { ($0 * 1000).rounded() / 1000 })),
                ("failedPhase", .optional(failed?.phaseType)),
                ("failedPhaseStatus", .optional(failed?.phaseStatus)),
                ("failedPhaseMessage", .optional(failed?.meaningfulContext?.message)),
                ("sourceVersion", .optional(build.sourceVersion ?? build.resolvedSourceVersion)),
                ("initiator", .optional(build.initiator)),
            ])
        }
        return JSONWriter(pretty: true).write(.object([
            ("schemaVersion", .int(1)), ("project", .string(project)), ("builds", .array(rows)),
        ]))
    }

    /// `2024-03-06 10:00:00`, UTC.
    private static func startText(_ date: Date) -> String {
        String(ISOTime.format(date).prefix(19)).replacingOccurrences(of: "T", with: " ")
    }

    private static func failedPhaseText(_ build: CodeBuildBuild) -> String {
        guard let phase = build.firstFailedPhase else { return "-" }
        return "\(phase.phaseType) (\(phase.phaseStatus ?? "?"))"
    }
}
