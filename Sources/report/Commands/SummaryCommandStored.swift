import Analyze
import ArgumentParser
import Fetch
import Foundation

/// `cbtriage summary --from DIR|s3://bucket/prefix/ --since 24h`: the nightly summary made from diagnoses
/// `--out` stored, without fetching a log again.
extension SummaryCommand {
    func validateStored() throws {
        if !paths.isEmpty { throw ValidationError("give log paths or --from, not both.") }
        if baseline != nil { throw ValidationError("--baseline is for log paths; with --from the previous window is the baseline.") }
        if includeSucceeded { throw ValidationError("--include-succeeded decides what is diagnosed; --from summarises what was stored.") }
        if store.out != nil { throw ValidationError("--from reads stored diagnoses; --out stores new ones: not both.") }
        if let from, ResultDestination(parsing: from) == nil {
            throw ValidationError("--from \(from): expected a directory or s3://bucket/prefix/")
        }
        if case .failure(let problem) = TimeWindow.resolve(since: since, start: start, end: end, now: Date()) {
            throw ValidationError(problem.description)
        }
        if let windows, !(2...SummaryTrends.maxWindows).contains(windows) {
            throw ValidationError("--windows must be between 2 and \(SummaryTrends.maxWindows).")
        }
    }

    /// The same summary a live `summary --project … --since …` makes from the same builds: the window's
    /// builds are the stored ones whose build started in it, the previous window's give the known failure
    /// kinds; `--project` keeps only those projects (and lists each, with 0 builds when none was stored);
    /// `--windows` and `--post` work as in a live run.
    func runStored(from: String, settings: RenderSettings) throws {
        guard let destination = ResultDestination(parsing: from) else {
            throw ValidationError("--from \(from): expected a directory or s3://bucket/prefix/")
        }
        let window: TimeWindow
        switch TimeWindow.resolve(since: since, start: start, end: end, now: settings.now) {
        case .success(let resolved): window = resolved
        case .failure(let problem): throw ValidationError(problem.description)
        }
        let webhookURL = try webhook.webhookURL(environment: ProcessInfo.processInfo.environment)
        let s3 = destination.isS3 ? try aws.connect().s3 : nil
        let stored = try StoredResults.load(destination, s3: s3)
        for entry in stored.unreadable { StandardStreams.error(entry.describedWithName) }
        let wanted = Set(projects)
        let order = SummaryOrder(projects: projects)
        let kept = stored.records.filter { wanted.isEmpty || wanted.contains($0.project) }.sorted {
            order.precedes(project: $0.project, start: $0.startTime, id: $0.label, $1.project, $1.startTime, $1.label)
        }
        let current = kept.filter { $0.startTime.map(window.contains) ?? false }
        let previous = kept.filter { $0.startTime.map(window.previous.contains) ?? false }
        var summary = SummaryBuilder.build(records: current, unreadable: stored.unreadable,
                                           baselineRuleKeys: Set(previous.filter(\.failed).map(\.ruleKey)),
                                           windowStart: window.start, windowEnd: window.end)
        for project in projects where !summary.projects.contains(where: { $0.project == project }) {
            summary.projects.append(ProjectCount(project: project, analysed: 0, failed: 0))
        }
        summary.projects.sort { ($0.failed, $1.project) > ($1.failed, $0.project) }
        if let windows {
            guard Double(windows) * window.length <= window.end.timeIntervalSince1970 else {
                throw ValidationError("--windows \(windows): the earliest window would start before 1970")
            }
            // The stored builds of every window, as a live run diagnoses those of the older windows for the trends.
            summary.trends = SummaryTrends.build(records: kept, windows: SummaryTrends.windows(
                count: windows, length: window.length, end: window.end))
        }
        var statuses = stored.statuses
        SummaryDelivery.deliver(summary, format: format, settings: settings, webhook: webhookURL, statuses: &statuses)
        if !summary.partialInputs.isEmpty { statuses.append(.partialInput) }
        let status = ExitStatus.strongest(statuses)
        if status != .ok { throw CommandFailure(status: status) }
    }
}

/// Every stored diagnosis under a directory (its `.json` files, subdirectories included) or an S3 prefix
/// (every `.json` key, ListObjectsV2 page by page). A document that cannot be read is listed, not fatal.
enum StoredResults {
    struct Loaded {
        var records: [SummaryRecord] = []
        var unreadable: [UnreadableInput] = []
        var statuses: [ExitStatus] = []

        mutating func add(_ name: String, _ read: () throws -> Data) {
            do {
                records += try StoredDiagnosis.records(in: try read(), name: name)
            } catch {
                unreadable.append(UnreadableInput(name: name, message: ErrorText.message(for: error)))
                statuses.append(ErrorClassifier.status(for: error))
            }
        }
    }

    static func load(_ destination: ResultDestination, s3: S3Client?) throws -> Loaded {
        var loaded = Loaded()
        switch destination {
        case .directory(let path):
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw LocalInputError.fromOpen(errno: ENOENT, path: path)
            }
            let names = (FileManager.default.subpaths(atPath: path) ?? [])
                .filter { $0.hasSuffix(".json") && !$0.split(separator: "/").contains { $0.hasPrefix(".") } }
                .sorted()
            for name in names {
                let file = (path as NSString).appendingPathComponent(name)
                loaded.add(file) {
                    guard let data = FileManager.default.contents(atPath: file) else {
                        throw LocalInputError.fromOpen(errno: access(file, R_OK) == 0 ? EIO : errno, path: file)
                    }
                    return data
                }
            }
        case .s3(let prefix):
            guard let s3 else { return loaded }
            for key in try s3.listKeys(bucket: prefix.bucket, prefix: prefix.key) where key.hasSuffix(".json") {
                let address = S3ObjectAddress(bucket: prefix.bucket, key: key)
                loaded.add(address.uri) { Data(try s3.getObject(address)) }
            }
        }
        return loaded
    }
}
