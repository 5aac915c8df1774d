import Analyze
import Fetch
import Foundation

/// `--out DIR|s3://bucket/prefix/`: each diagnosis written as its own JSON document, the envelope
/// `--format json` prints (schema in docs/schema/diagnosis.schema.json) with one build in it, on one line —
/// one record per line is what line-oriented readers (Athena's JSON SerDe, `jq -c`) expect.
///
/// Safe to call from several threads (the AWS summary's workers): writes are serialised and failures
/// collected, so one failed write is reported at the end without stopping the other builds.
final class ResultStore: @unchecked Sendable {
    let destination: ResultDestination
    private let s3: S3Client?
    private let now: Date
    private let lock = NSLock()
    private var failures: [ResultStoreError] = []

    /// `s3` is needed for an `s3://` destination only.
    init(destination: ResultDestination, s3: S3Client?, now: Date) {
        self.destination = destination
        self.s3 = s3
        self.now = now
    }

    /// The failed writes so far, in order.
    var errors: [ResultStoreError] {
        lock.lock()
        defer { lock.unlock() }
        return failures
    }

    /// Writes one diagnosis (named by `arn` when known, see `ResultName`); a failure is kept and thrown.
    /// `secrets`: values masked wherever they would appear in the document (an event's secret-looking variables).
    func write(_ diagnosis: Diagnosis, arn: String?, secrets: [String] = []) throws {
        lock.lock()
        defer { lock.unlock() }
        let name = ResultName.name(arn: arn, diagnosis: diagnosis)
        let document = BuildEventInput.mask(JSONWriter(pretty: false).write(
            JSONRenderer(settings: RenderSettings(now: now)).document([diagnosis], unreadable: [])), secrets: secrets) + "\n"
        do {
            switch destination {
            case .directory(let path):
                try writeFile(Data(document.utf8), name: name, directory: path,
                              identity: StoredDiagnosis.identity(of: diagnosis))
            case .s3(let prefix):
                guard let s3 else { throw ResultStoreError.writeFailed(target: prefix.uri + name, reason: "no S3 client") }
                let address = S3ObjectAddress(bucket: prefix.bucket, key: prefix.key + name)
                do {
                    try s3.putObject(address, body: Array(document.utf8), contentType: "application/json")
                } catch {
                    throw ResultStoreError.writeFailed(target: address.uri, reason: ErrorText.message(for: error))
                }
            }
        } catch let error as ResultStoreError {
            failures.append(error)
            throw error
        }
    }

    /// The same name holds the same build (it is named by its ARN): replacing it is a re-run's newer
    /// diagnosis. A file of that name about another build, or not a stored diagnosis at all, is left alone.
    private func writeFile(_ data: Data, name: String, directory: String, identity: String) throws {
        let target = (directory as NSString).appendingPathComponent(name)
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw ResultStoreError.writeFailed(target: directory, reason: "cannot create the directory: \(error.localizedDescription)")
        }
        if FileManager.default.fileExists(atPath: target) {
            let existing = FileManager.default.contents(atPath: target)
                .flatMap { try? StoredDiagnosis.identities(in: $0) }
            guard existing == [identity] else {
                throw ResultStoreError.refusedOverwrite(path: target)
            }
        }
        do {
            // Written beside the target and renamed over it: a reader never sees half a document.
            try data.write(to: URL(fileURLWithPath: target), options: .atomic)
        } catch {
            throw ResultStoreError.writeFailed(target: target, reason: error.localizedDescription)
        }
    }
}

/// A diagnosis that could not be stored: the report is incomplete as data (exit status 74).
enum ResultStoreError: UserFacingError, Equatable {
    case writeFailed(target: String, reason: String)
    /// The name is taken by a file about another build (or by something that is not a stored diagnosis).
    case refusedOverwrite(path: String)

    var userMessage: String {
        switch self {
        case .writeFailed(let target, let reason):
            return "could not store the diagnosis at \(target): \(reason)"
        case .refusedOverwrite(let path):
            return "not storing the diagnosis: \(path) exists and holds another build's result (or is not one); move it away"
        }
    }
}
