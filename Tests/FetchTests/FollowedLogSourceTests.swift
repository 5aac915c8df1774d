import Fetch
import XCTest

/// `FollowedLogSource` over scripted `GetLogEvents` answers: its sleeps are recorded, never slept.
final class FollowedLogSourceTests: XCTestCase {
    private let notFound = ScriptedAWSError(code: "ResourceNotFoundException", message: "The specified log stream does not exist.")

    private final class Recorder {
        var slept: [Double] = []
        var completionChecks = 0
        var polls: [FollowPoll] = []
    }

    private func source(_ caller: ScriptedAWSCaller, recorder: Recorder, completeFrom check: Int,
                        interrupted: @escaping () -> Bool = { false }) -> FollowedLogSource {
        FollowedLogSource(client: CloudWatchLogsClient(caller: caller), group: "/aws/codebuild/app", stream: "u-1",
                          pageSize: 50, pacing: FollowPacing(pollInterval: 0.25, completionCheckEvery: 2),
                          isComplete: {
                              recorder.completionChecks += 1
                              return recorder.completionChecks >= check
                          },
                          interrupted: interrupted, sleep: { recorder.slept.append($0) },
                          onPoll: { recorder.polls.append($0) })
    }

    private func lines(_ source: FollowedLogSource) throws -> ([String], ReadOutcome) {
        var seen: [String] = []
        let outcome = try source.readLines { seen.append("\($0.number):\($0.text)") }
        return (seen, outcome)
    }

    func testFollowsTheTokenPausesWhenNothingIsNewAndReadsLinesIngestedAfterCompletion() throws {
        let caller = ScriptedAWSCaller([
            .body(logEventsPage(["a", "b"], token: "f/1")),
            .body(logEventsPage([], token: "f/1")),      // quiet: pause
            .body(logEventsPage([], token: "f/1")),      // quiet: is it complete? not yet; pause
            .body(logEventsPage(["c"], token: "f/2")),
            .body(logEventsPage([], token: "f/2")),      // quiet: pause
            .body(logEventsPage([], token: "f/2")),      // quiet: complete now; pause
            .body(logEventsPage(["late"], token: "f/3")), // ingested after CodeBuild said it ended
            .body(logEventsPage([], token: "f/3")),      // first quiet read after completion: pause
            .body(logEventsPage([], token: "f/3")),      // second: the log has settled
        ])
        let recorder = Recorder()
        let (seen, outcome) = try lines(source(caller, recorder: recorder, completeFrom: 2))
        XCTAssertEqual(seen, ["1:a", "2:b", "3:c", "4:late"])
        XCTAssertEqual(outcome.completeness, .complete)
        XCTAssertEqual(outcome.linesRead, 4)
        XCTAssertEqual(recorder.completionChecks, 2)
        XCTAssertEqual(caller.calls.map { $0.json["nextToken"] as? String },
                       [nil, "f/1", "f/1", "f/1", "f/2", "f/2", "f/2", "f/3", "f/3"])
        XCTAssertTrue(caller.calls.allSatisfy { $0.operation == "GetLogEvents" && $0.json["startFromHead"] as? Bool == true })
        XCTAssertTrue(caller.calls.allSatisfy { $0.json["limit"] as? Int == 50 })
        // Five pauses of 0.25 s, each slept in slices of at most 0.1 s (so Ctrl-C is seen within one).
        XCTAssertEqual(recorder.slept.count, 15)
        XCTAssertEqual(recorder.slept.reduce(0, +), 1.25, accuracy: 1e-9)
        XCTAssertTrue(recorder.slept.allSatisfy { $0 <= FollowedLogSource.sleepSlice + 1e-12 })
        XCTAssertEqual(recorder.polls.map(\.linesRead), [2, 2, 2, 3, 3, 3, 4, 4, 4])
    }

    func testAStreamNotCreatedYetIsWaitedForWhileTheBuildRuns() throws {
        let caller = ScriptedAWSCaller([
            .failure(notFound), .failure(notFound),  // still provisioning; the second quiet read asks: not yet
            .body(logEventsPage(["first"], token: "f/0")),
            .body(logEventsPage([], token: "f/0")),
            .body(logEventsPage([], token: "f/0")),  // complete
            .body(logEventsPage([], token: "f/0")),
            .body(logEventsPage([], token: "f/0")),
        ])
        let recorder = Recorder()
        let (seen, outcome) = try lines(source(caller, recorder: recorder, completeFrom: 2))
        XCTAssertEqual(seen, ["1:first"])
        XCTAssertEqual(outcome.completeness, .complete)
        XCTAssertEqual(recorder.polls.map(\.streamFound), [false, false, true, true, true, true, true])
    }

    func testABuildThatEndsWithoutEverWritingItsStreamThrowsTheMissingStream() throws {
        let caller = ScriptedAWSCaller([.failure(notFound), .failure(notFound), .failure(notFound)])
        let recorder = Recorder()
        XCTAssertThrowsError(try lines(source(caller, recorder: recorder, completeFrom: 1))) { error in
            XCTAssertEqual(error as? CloudWatchLogsError, .logStreamNotFound(group: "/aws/codebuild/app", stream: "u-1"))
        }
        XCTAssertEqual(recorder.completionChecks, 1)
        XCTAssertEqual(caller.calls.count, 3)
    }

    func testAnInterruptEndsTheReadAsPartialWithWhatWasRead() throws {
        let caller = ScriptedAWSCaller([
            .body(logEventsPage(["a", "b"], token: "f/1")),
            .body(logEventsPage([], token: "f/1")),
        ])
        let recorder = Recorder()
        // Interrupted during the first pause.
        let (seen, outcome) = try lines(source(caller, recorder: recorder, completeFrom: 99,
                                               interrupted: { !recorder.slept.isEmpty }))
        XCTAssertEqual(seen, ["1:a", "2:b"])
        XCTAssertEqual(outcome.completeness,
                       .partial(reason: "interrupted before the build completed (2 lines read)", byteOffset: nil))
        XCTAssertEqual(recorder.slept.count, 1, "the pause ends at the interrupt")
        XCTAssertEqual(caller.calls.count, 2)
    }

    func testAReadThatFailsAfterLinesArrivedEndsAsPartial() throws {
        let caller = ScriptedAWSCaller([
            .body(logEventsPage(["a"], token: "f/0")),
            .failure(ScriptedAWSError(code: "ServiceUnavailableException", message: "try later")),
        ])
        let (seen, outcome) = try lines(source(caller, recorder: Recorder(), completeFrom: 99))
        XCTAssertEqual(seen, ["1:a"])
        XCTAssertEqual(outcome.completeness, .partial(
            reason: "GetLogEvents failed while following: ServiceUnavailableException: try later (1 lines read)",
            byteOffset: nil))
    }

    func testAServerHandingOutNewTokensWithoutEventsIsStoppedNotFollowedForever() throws {
        let caller = ScriptedAWSCaller([.body(logEventsPage(["a"], token: "f/0"))]
            + (1...100).map { .body(logEventsPage([], token: "f/\($0)")) })
        let recorder = Recorder()
        let (seen, outcome) = try lines(source(caller, recorder: recorder, completeFrom: 99))
        XCTAssertEqual(seen, ["1:a"])
        XCTAssertEqual(outcome.completeness, .partial(
            reason: "stopped paging GetLogEvents after 101 pages: 100 pages in a row had nothing but a new token (1 lines read)",
            byteOffset: nil))
        XCTAssertTrue(recorder.slept.isEmpty)
    }
}
