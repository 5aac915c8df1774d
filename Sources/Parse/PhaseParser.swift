import Fetch

/// Splits a CodeBuild log into phases and commands, line by line, in bounded memory.
///
/// Feed every line to `consume(_:)` in order, then call `finish()` once. Each line is handed on
/// to the sink with its `LineContext` before the next is read.
/// PLACEHOLDER: the real agent-line recogniser lands with the Parse work.
public final class PhaseParser {
    private let sink: BuildEventSink?
    private var lines = 0

    public init(sink: BuildEventSink?) {
        self.sink = sink
    }

    public func consume(_ line: LogLine) {
        lines += 1
        sink?.consume(line, context: LineContext())
    }

    public func finish() -> BuildModel {
        BuildModel(totalLines: lines)
    }
}
