/// A phase boundary as the parser meets it in the log, for a caller that shows a build's progress live
/// (`cbtriage build --follow`). The model `finish()` returns stays the record; these are only news.
public enum PhaseEvent: Equatable, Sendable {
    /// `Entering phase NAME` (or `Phase is NAME`) on line `line`.
    case started(name: String, line: Int)
    /// `Phase complete: NAME State: STATUS` on line `line`.
    case completed(name: String, status: PhaseStatus, line: Int)
}
