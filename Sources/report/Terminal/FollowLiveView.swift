import Analyze
import Fetch
import Parse

/// What `build --follow` shows on stderr while it follows, so stdout stays the final report alone.
///
/// In a pipe or a file, one line per event (`follow: phase BUILD started (line 20)`). On a terminal the same
/// event lines without the prefix, and below them one status line redrawn in place (ASCII, cut to the width):
/// `following BUILD: 1234 lines, 2 matches (web-app:uuid)`.
final class FollowLiveView {
    private let build: String
    private let terminal: Bool
    private let columns: Int
    private let write: (String) -> Void
    private var phase: String?
    private var lines = 0
    private var matches = 0
    private var waitingNoted = false
    private var statusShown = false

    init(build: String, terminal: Bool, columns: Int?, write: @escaping (String) -> Void) {
        self.build = build
        self.terminal = terminal
        self.columns = max(20, columns ?? 80)
        self.write = write
    }

    func started(status: String?) {
        event("following \(build) (\(status ?? "status unknown")); Ctrl-C reports what was read so far")
    }

    func handle(_ event: AnalysisEvent) {
        // The status line counts up to the news' line while a page is still being analysed.
        switch event {
        case .phase(.started(_, let line)), .phase(.completed(_, _, let line)), .firstMatch(_, _, _, let line, _):
            lines = max(lines, line)
        }
        switch event {
        case .phase(.started(let name, let line)):
            phase = name
            self.event("phase \(name) started (line \(line))")
        case .phase(.completed(let name, let status, let line)):
            self.event("phase \(name) \(status.rawValue) (line \(line))")
        case .firstMatch(let ruleId, let title, let severity, let line, let phase):
            matches += 1
            self.event("match \(ruleId) [\(severity.rawValue)]: \(title) (line \(line)\(phase.map { ", \($0)" } ?? ""))")
        }
    }

    func polled(_ poll: FollowPoll) {
        lines = poll.linesRead
        if !poll.streamFound, !waitingNoted {
            waitingNoted = true
            event("waiting for the log stream (the build has not written its log yet)")
        } else {
            redrawStatus()
        }
    }

    func buildCompleted(status: String?) {
        event("build \(status ?? "complete"); reading the last lines until the log settles")
    }

    func interrupted() {
        event("interrupted: reporting the \(lines) lines read so far (partial)")
    }

    func alreadyComplete(status: String?) {
        event("\(build) already finished (\(status ?? "complete")): diagnosing its log")
    }

    /// Clears the status line before the report (or an error) is written.
    func finish() {
        if terminal, statusShown { write("\r\u{1B}[K") }
        statusShown = false
    }

    private func event(_ text: String) {
        if terminal {
            write("\r\u{1B}[K" + text + "\n")
            statusShown = false
            redrawStatus()
        } else {
            write("follow: " + text + "\n")
        }
    }

    private func redrawStatus() {
        guard terminal else { return }
        let status = "following \(phase ?? "(no phase yet)"): \(lines) lines, \(matches) "
            + (matches == 1 ? "match" : "matches") + " (\(build))"
        write("\r\u{1B}[K" + String(status.prefix(columns - 1)))
        statusShown = true
    }
}
