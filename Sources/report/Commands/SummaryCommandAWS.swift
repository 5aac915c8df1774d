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
        try validateWindowCount()
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
        let webhookURL = try webhook.webhookURL(environment: ProcessInfo.processInfo.environment)
        let windowCount = windows ?? 2
        guard Double(windowCount) * window.length <= window.end.timeIntervalSince1970 else {
            throw ValidationError("--windows \(windowCount): the earliest window would start before 1970")
        }
        let listing = AWSSummaryListing(projects: projects, window: window, windowCount: windowCount,
                                        connection: try aws.connect())
        let connections = [listing.connection] + (1..<jobs).map { _ in
            AWSConnection(settings: listing.connection.settings, role: listing.connection.role, timeouts: listing.connection.timeouts, log: aws.verbose ? { StandardStreams.error($0) } : nil)
        }
        let current = AWSBuildWindow.toDiagnose(listing.current, includeSucceeded: includeSucceeded)
        let previous = AWSBuildWindow.toDiagnose(listing.previous, includeSucceeded: includeSucceeded)
        let older = AWSBuildWindow.toDiagnose(listing.older, includeSucceeded: includeSucceeded)
        let progress = SharedProgress(ProgressLine(label: "diagnosing", total: current.count + previous.count + older.count,
                                                   enabled: StandardStreams.stderrIsTerminal))
        let store = try self.store.destination().map {
            ResultStore(destination: $0, s3: AWSConnection(settings: listing.connection.settings,
                                                           timeouts: listing.connection.timeouts, log: nil).s3,
                        now: settings.now)
        }
        let collector = AWSSummaryCollector(connections: connections, catalog: catalog,
                                            warn: { StandardStreams.error($0) }, store: store)
        let outcomes = collector.diagnose(current + previous + older, progress: progress.update)
        progress.finish()

        var statuses = listing.statuses
        var unreadable = listing.unreadable
        var records: [SummaryRecord] = []
        var baseline: [SummaryRecord] = []
        var olderRecords: [SummaryRecord] = []
        for (index, outcome) in outcomes.enumerated() {
            let inCurrent = index < current.count
            switch outcome {
            case .diagnosed(let record):
                if inCurrent {
                    records.append(record)
                } else if index < current.count + previous.count {
                    baseline.append(record)
                } else {
                    olderRecords.append(record)
                }
            case .unreadable(let entry, let status):
                // A build of the previous window that cannot be read only weakens the "new" list: say so
                // on stderr, but it is not one of this window's builds.
                if inCurrent { unreadable.append(entry) }
                StandardStreams.error(entry.describedWithName)
                statuses.append(status)
            }
        }
        var summary = AWSSummaryTally.summary(projects: projects, window: window, builds: listing.current,
                                              records: records, unreadable: unreadable, baseline: baseline)
        if let windows {
            summary.trends = SummaryTrends.build(records: records + baseline + olderRecords, windows: SummaryTrends.windows(
                count: windows, length: window.length, end: window.end))
        }
        SummaryDelivery.deliver(summary, format: format, settings: settings, webhook: webhookURL, statuses: &statuses)
        if !summary.partialInputs.isEmpty { statuses.append(.partialInput) }
        for failure in store?.errors ?? [] {
            StandardStreams.error(failure.userMessage)
            statuses.append(.outputFailed)
        }
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
    /// Builds of the windows before the previous one (`--windows` above 2), for the trends only.
    var older: [CodeBuildBuild] = []
    var unreadable: [UnreadableInput] = []
    var statuses: [ExitStatus] = []

    init(projects: [String], window: TimeWindow, windowCount: Int = 2, connection: AWSConnection) {
        self.connection = connection
        let earliest = window.end.addingTimeInterval(-Double(max(windowCount, 2)) * window.length)
        let both = TimeWindow(start: earliest, end: window.end)
        for project in projects {
            do {
                let builds = try AWSBuildWindow.builds(project: project, in: both, client: connection.codeBuild)
                current += builds.filter { $0.startDate.map(window.contains) ?? false }
                previous += builds.filter { $0.startDate.map(window.previous.contains) ?? false }
                older += builds.filter { $0.startDate.map { $0 >= earliest && $0 < window.previous.start } ?? false }
            } catch {
                let entry = UnreadableInput(name: project, message: ErrorText.message(for: error))
                StandardStreams.error(entry.describedWithName)
                unreadable.append(entry)
                statuses.append(ErrorClassifier.status(for: error))
            }
        }
        let order = SummaryOrder(projects: projects)
        let sort = { (builds: inout [CodeBuildBuild]) in
            builds.sort { order.precedes(project: $0.project, start: $0.startDate, id: $0.id, $1.project, $1.startDate, $1.id) }
        }
        sort(&current)
        sort(&previous)
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
