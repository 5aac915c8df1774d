import Analyze
import Fetch
import Parse
@testable import report
import XCTest

/// What `build --follow` writes to stderr while it follows: one line per event in a pipe; on a terminal the events
/// and a status line redrawn in place, cleared at the end.
final class FollowLiveViewTests: XCTestCase {
    private func play(terminal: Bool, columns: Int? = nil) -> String {
        var written = ""
        let view = FollowLiveView(build: "web-app:1234", terminal: terminal, columns: columns) { written += $0 }
        view.started(status: "IN_PROGRESS")
        view.polled(FollowPoll(streamFound: false, newLines: 0, linesRead: 0))
        view.polled(FollowPoll(streamFound: false, newLines: 0, linesRead: 0))
        view.handle(.phase(.started(name: "POST_BUILD", line: 82)))
        view.handle(.firstMatch(ruleId: "ecr-auth-token-expired", title: "ECR login token expired", severity: .error,
                                line: 90, phase: "POST_BUILD"))
        view.polled(FollowPoll(streamFound: true, newLines: 91, linesRead: 91))
        view.handle(.phase(.completed(name: "POST_BUILD", status: .failed, line: 92)))
        view.buildCompleted(status: "FAILED")
        view.finish()
        return written
    }

    func testInAPipeEachEventIsOneLine() {
        XCTAssertEqual(play(terminal: false), """
            follow: following web-app:1234 (IN_PROGRESS); Ctrl-C reports what was read so far
            follow: waiting for the log stream (the build has not written its log yet)
            follow: phase POST_BUILD started (line 82)
            follow: match ecr-auth-token-expired [error]: ECR login token expired (line 90, POST_BUILD)
            follow: phase POST_BUILD FAILED (line 92)
            follow: build FAILED; reading the last lines until the log settles

            """)
    }

    func testOnATerminalAStatusLineIsRedrawnUnderTheEventsAndClearedAtTheEnd() {
        let clear = "\r\u{1B}[K"
        let output = play(terminal: true, columns: 40)
        XCTAssertTrue(output.hasPrefix(clear + "following web-app:1234 (IN_PROGRESS); Ctrl-C reports what was read so far\n"))
        XCTAssertTrue(output.contains(clear + "phase POST_BUILD started (line 82)\n" + clear + "following POST_BUILD: 82 lines, 0 match"))
        XCTAssertTrue(output.contains(clear + "following POST_BUILD: 91 lines, 1 match" + clear))
        XCTAssertTrue(play(terminal: true, columns: 100).contains(clear + "following POST_BUILD: 91 lines, 1 match (web-app:1234)" + clear))
        XCTAssertTrue(output.hasSuffix(clear), "the status line is cleared before the report")
        XCTAssertFalse(output.contains("follow: "))
        // The status line never wraps: cut to the width less one.
        for piece in output.components(separatedBy: clear) where piece.hasPrefix("following POST_BUILD") {
            XCTAssertLessThanOrEqual(piece.count, 39, piece)
        }
    }
}
