import Fetch
import Parse

/// Analyses one build: receives every line from the parser, keeps bounded evidence, and ranks
/// findings into a `Diagnosis` when the build's model is final.
/// PLACEHOLDER: the real engine lands with the engine work.
public final class Analyzer: BuildEventSink {
    private let catalog: CompiledCatalog

    public init(catalog: CompiledCatalog) {
        self.catalog = catalog
    }

    public func consume(_ line: LogLine, context: LineContext) {}

    public func finish(build: BuildModel, source: SourceInfo) -> Diagnosis {
        Diagnosis(source: source, build: build, findings: [], rootCause: nil)
    }
}
