/// `analysing 12/40` redrawn in place on stderr, only when stderr is a terminal: never in a pipe or a log file.
struct ProgressLine {
    var label: String
    var total: Int
    var enabled: Bool

    func update(done: Int) {
        guard enabled, total > 1 else { return }
        StandardStreams.err("\r\u{1B}[K\(label) \(done)/\(total)")
    }

    func finish() {
        guard enabled, total > 1 else { return }
        StandardStreams.err("\r\u{1B}[K")
    }
}
