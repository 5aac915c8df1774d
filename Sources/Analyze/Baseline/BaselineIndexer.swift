import Fetch
import Foundation
import Parse

/// Builds a `BaselineIndex` from a log as it streams past: each line's message (past the agent prefix) is
/// normalised and hashed, and only the hash is kept.
public final class BaselineIndexer: BuildEventSink {
    private var hashes = Set<UInt64>()
    private var linesNotIndexed = 0
    private var cleaner = LineCleaner()
    /// The normaliser's output, reused line after line.
    private var scratch: [UInt8] = []
    private let maxLineHashes: Int

    public init(maxLineHashes: Int = BaselineIndex.maxLineHashes) {
        self.maxLineHashes = maxLineHashes
    }

    public func consume(_ line: LogLine, context: LineContext) {
        cleaner.withCleaned(line.bytes, messageOffset: context.messageOffset) { display, messageStart in
            let message = UnsafeBufferPointer(rebasing: display[messageStart...])
            guard !message.isEmpty else { return }
            let hash = LineNormalizer.hash(message, scratch: &scratch)
            if hashes.count < maxLineHashes || hashes.contains(hash) {
                hashes.insert(hash)
            } else {
                linesNotIndexed += 1
            }
        }
    }

    /// The index of a log read to its end, with the parsed model's commands and phases.
    public func finish(build: BuildModel, name: String, outcome: ReadOutcome) -> BaselineIndex {
        var commands: [BaselineCommand] = []
        var phases: [BaselinePhase] = []
        for phase in build.phases {
            phases.append(BaselinePhase(name: phase.name, status: phase.status, seconds: phase.duration))
            for (ordinal, command) in phase.commands.enumerated() {
                commands.append(BaselineCommand(phase: phase.name, ordinal: ordinal, hash: LineNormalizer.hash(command.text),
                                                text: Redactor.redact(command.text)))
            }
        }
        let partial: Bool
        if case .partial = outcome.completeness { partial = true } else { partial = false }
        return BaselineIndex(name: name, buildId: build.metadata.buildId, status: build.status,
                             sourceVersion: build.metadata.sourceVersion, startTime: build.metadata.startTime,
                             linesRead: outcome.linesRead, bytesRead: outcome.bytesRead, partial: partial,
                             lineHashes: hashes, linesNotIndexed: linesNotIndexed, commands: commands, phases: phases)
    }

    /// Reads `source` to its end into an index. `refine` merges what the log does not hold (CodeBuild's records).
    public static func index(_ source: LineSource, refine: ModelRefinement? = nil) throws -> BaselineIndex {
        let indexer = BaselineIndexer()
        let parser = PhaseParser(sink: indexer)
        let outcome = try source.readLines { parser.consume($0) }
        var model = parser.finish()
        // The index refers to phases by name, not by index: how the refinement moved them does not matter.
        _ = refine?(&model)
        return indexer.finish(build: model, name: source.displayName, outcome: outcome)
    }
}
