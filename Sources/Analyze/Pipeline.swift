import Fetch
import Parse

/// Reads a source once, end to end: Fetch's lines -> Parse's phases -> Analyze's findings.
///
/// `refine` lets a caller adjust the parsed model before ranking (e.g. merge CodeBuild's own phase
/// records for a build fetched from AWS); the analyzer hears how it moved the phases.
/// `options` bounds the evidence kept (defaults suit reports). `events` hears of phases and first matches as
/// the lines arrive (a followed build's live view); the diagnosis is the same with or without it.
public func diagnose(_ source: LineSource, catalog: CompiledCatalog, options: AnalyzerOptions = AnalyzerOptions(),
                     refine: ModelRefinement? = nil,
                     events: ((AnalysisEvent) -> Void)? = nil) throws -> Diagnosis {
    let analyzer = Analyzer(catalog: catalog, options: options)
    let parser = PhaseParser(sink: analyzer)
    if let events {
        analyzer.onFirstMatch = events
        parser.onPhaseEvent = { events(.phase($0)) }
    }
    let outcome = try source.readLines(observingBlocks: analyzer.blockObserver) { parser.consume($0) }
    var model = parser.finish()
    if let renumbering = refine?(&model) { analyzer.phasesRenumbered(renumbering) }
    return analyzer.finish(build: model, source: SourceInfo(name: source.displayName, outcome: outcome))
}
