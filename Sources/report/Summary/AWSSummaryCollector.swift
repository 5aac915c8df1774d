import Analyze
import Fetch
import Foundation

/// One CodeBuild build of an AWS summary after its turn: diagnosed (kept as the summary's compact record of
/// it, the diagnosis itself let go on its worker thread), or why it could not be.
enum AWSBuildOutcome {
    case diagnosed(SummaryRecord)
    case unreadable(UnreadableInput, ExitStatus)
}

/// Diagnoses many builds at once, one thread per connection, each build with
/// `AWSConnection.diagnoseBuild` (the same path as `cbtriage build`).
///
/// Each thread gets its own `AWSConnection`: a `CurlTransport` serialises its requests behind a lock,
/// so one shared transport would make `--jobs` pointless. Throttling is retried by `AWSJSONClient`.
struct AWSSummaryCollector {
    var connections: [AWSConnection]
    var catalog: CompiledCatalog
    /// Receives warnings from worker threads; must be safe to call from any thread.
    var warn: (String) -> Void
    /// `--out`: every diagnosis made is also stored (a failed write is collected by the store).
    var store: ResultStore?

    func diagnose(_ builds: [CodeBuildBuild], progress: ((Int) -> Void)? = nil) -> [AWSBuildOutcome] {
        let catalog = catalog
        let warn = warn
        let store = store
        let arns = Dictionary(builds.map { ($0.id, $0.arn) }, uniquingKeysWith: { first, _ in first })
        return BoundedWork.map(builds.map(\.id), workers: connections, progress: progress) { connection, id in
            Self.diagnose(id: id, connection: connection, catalog: catalog, warn: warn) { diagnosis in
                try? store?.write(diagnosis, arn: arns[id] ?? nil)
            }
        }
    }

    /// A build that cannot be read becomes an outcome, never an error: it must not sink the others.
    static func diagnose(id: String, connection: AWSConnection, catalog: CompiledCatalog,
                         warn: (String) -> Void, made: (Diagnosis) -> Void = { _ in }) -> AWSBuildOutcome {
        var missingLog: String?
        do {
            let diagnosis = try connection.diagnoseBuild(id: id, catalog: catalog) { missingLog = $0 }
            guard let missingLog else {
                made(diagnosis)
                return .diagnosed(SummaryRecord(diagnosis))
            }
            // No log, but CodeBuild's phase records still say why it failed: that is worth counting.
            if SummaryBuilder.isFailure(diagnosis) {
                warn(missingLog)
                made(diagnosis)
                return .diagnosed(SummaryRecord(diagnosis))
            }
            // No log and nothing failed in the phase records: there is nothing to say about this build.
            return .unreadable(UnreadableInput(name: id, message: missingLogReason(missingLog)), .unreadableInput)
        } catch {
            return .unreadable(UnreadableInput(name: id, message: ErrorText.message(for: error)),
                               ErrorClassifier.status(for: error))
        }
    }

    /// `diagnoseBuild` warns "<why>; diagnosing <id> from CodeBuild's phase records only"; the summary
    /// lists only the why, since it does not use that phase-record-only diagnosis.
    static func missingLogReason(_ warning: String) -> String {
        guard let range = warning.range(of: "; diagnosing ") else { return warning }
        return String(warning[..<range.lowerBound])
    }
}
