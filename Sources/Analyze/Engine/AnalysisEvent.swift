import Parse

/// News from an analysis while its lines still arrive (`cbtriage build --follow`). Only news: the final
/// `Diagnosis` ranks the findings and may set aside a rule announced here (overcome by a later success).
public enum AnalysisEvent: Equatable, Sendable {
    case phase(PhaseEvent)
    /// A rule (or a check's rule, for a new subject) matched for the first time, on log line `line`.
    case firstMatch(ruleId: String, title: String, severity: Severity, line: Int, phase: String?)
}
