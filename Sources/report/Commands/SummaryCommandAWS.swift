import Analyze
import ArgumentParser
import Fetch
import Foundation

/// `cbtriage summary --project P …`: the builds come from CodeBuild and their logs from CloudWatch Logs.
extension SummaryCommand {
    func validateAWS() throws {
        if !paths.isEmpty { throw ValidationError("give log paths or --project, not both.") }
        if baseline != nil {
            throw ValidationError("--baseline is for log paths; with --project the previous window is the baseline.")
        }
        if !(1...Self.maxJobs).contains(jobs) { throw ValidationError("--jobs must be between 1 and \(Self.maxJobs).") }
        if case .failure(let problem) = TimeWindow.resolve(since: since, start: start, end: end, now: Date()) {
            throw ValidationError(problem.description)
        }
    }

    func runAWS(catalog: CompiledCatalog, settings: RenderSettings) throws {
        let window: TimeWindow
        switch TimeWindow.resolve(since: since, start: start, end: end, now: settings.now) {
        case .success(let resolved): window = resolved
        case .failure(let problem): throw ValidationError(problem.description)
        }
        let listing = AWSSummaryListing(projects: projects, window: window, connection: try aws.connect())
        let connections = [listing.connection] + (1..<jobs).map { _ in
            AWSConnection(settings: listing.connection.settings, role: listing.connection.role, timeouts: listing.connection.timeouts, log: aws.verbose ? { StandardStreams.error($0) } : nil)
        }
        let current = AWSBuildWindow.toDiagnose(listing.current, includeSucceeded: includeSucceeded)
        let previous = AWSBuildWindow.toDiagnose(listing.previous, includeSucceeded: includeSucceeded)
        let progress = SharedProgress(ProgressLine(label: "diagnosing", total: current.count + previous.count,
                                                   enabled: StandardStreams.stderrIsTerminal))
        let collector = AWSSummaryCollector(connections: connections, catalog: catalog,
                                            warn: { StandardStreams.error($0) })
        let outcomes = collector.diagnose(current + previous, progress: progress.update)
        progress.finish()

        var statuses = listing.statuses
        var unreadable = listing.unreadable
        var records: [SummaryRecord] = []
        var baseline: [SummaryRecord] = []
        for (index, outcome) in outcomes.enumerated() {
            let inCurrent = index < current.count
            switch outcome {
            case .diagnosed(let record):
                if inCurrent { records.append(record) } else { baseline.append(record) }
            case .unreadable(let entry, let status):
                // A build of the previous window that cannot be read only weakens the "new" list: say so
                // on stderr, but it is not one of this window's builds.
                if inCurrent { unreadable.append(entry) }
                StandardStreams.error(entry.describedWithName)
                statuses.append(status)
            }
        }
        let summary = AWSSummaryTally.summary(projects: projects, window: window, builds: listing.current,
                                              records: records, unreadable: unreadable, baseline: baseline)
        StandardStreams.out(SummaryRendering.render(summary, format: format, settings: settings))
        if !summary.partialInputs.isEmpty { statuses.append(.partialInput) }
        let status = ExitStatus.strongest(statuses)
        if status != .ok { throw CommandFailure(status: status) }
    }
}

/// The builds of every project in the window and in the previous window of the same length, listed with
/// one pass over each project's newest pages. A project that cannot be listed is noted, not fatal.
struct AWSSummaryListing {
    let connection: AWSConnection
    var current: [CodeBuildBuild] = []
    var previous: [CodeBuildBuild] = []
    var unreadable: [UnreadableInput] = []
    var statuses: [ExitStatus] = []

    init(projects: [String], window: TimeWindow, connection: AWSConnection) {
        self.connection = connection
        let both = TimeWindow(start: window.previous.start, end: window.end)
        for project in projects {
            do {
                let builds = try AWSBuildWindow.builds(project: project, in: both, client: connection.codeBuild)
                current += builds.filter { $0.startDate.map(window.contains) ?? false }
                previous += builds.filter { $0.startDate.map(window.previous.contains) ?? false }
            } catch {
                let entry = UnreadableInput(name: project, message: ErrorText.message(for: error))
                StandardStreams.error(entry.describedWithName)
                unreadable.append(entry)
                statuses.append(ErrorClassifier.status(for: error))
            }
        }
    }
}

/// A `ProgressLine` fed from worker threads: one writer at a time, and never a count going backwards.
final class SharedProgress: @unchecked Sendable {
    private let lock = NSLock()
    private let line: ProgressLine
    private var shown = 0

    init(_ line: ProgressLine) { self.line = line }

    func update(_ done: Int) {
        lock.lock()
        defer { lock.unlock() }
        guard done > shown else { return }
        shown = done
        line.update(done: done)
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        line.finish()
    }
}
