import Fetch
import XCTest

final class CloudWatchLogSourceTests: XCTestCase {
    private struct Seen: Equatable {
        var number: Int
        var text: String
        var timestamp: Int64?
    }

    private func read(_ source: CloudWatchLogSource) throws -> ([Seen], ReadOutcome) {
        var seen: [Seen] = []
        let outcome = try source.readLines { seen.append(Seen(number: $0.number, text: $0.text,
                                                              timestamp: $0.timestampMillis)) }
        return (seen, outcome)
    }

    func testMultiLineMessagesBecomeNumberedLinesWithTheEventTime() throws {
        let caller = ScriptedAWSCaller([
            .body(logEventsPage(["[Container] first\n", "two\r\nthree", ""], firstTimestamp: 100, token: "f/1")),
            .body(logEventsPage(["last\n\nafter-blank"], firstTimestamp: 200, token: "f/2")),
            .body(logEventsPage([], token: "f/2")),
        ])
        let source = CloudWatchLogSource(client: CloudWatchLogsClient(caller: caller), group: "/aws/codebuild/app",
                                         stream: "u-1", pageSize: 3)
        let (seen, outcome) = try read(source)
        XCTAssertEqual(seen, [
            Seen(number: 1, text: "[Container] first", timestamp: 100),
            Seen(number: 2, text: "two", timestamp: 101),
            Seen(number: 3, text: "three", timestamp: 101),
            Seen(number: 4, text: "", timestamp: 102),
            Seen(number: 5, text: "last", timestamp: 200),
            Seen(number: 6, text: "", timestamp: 200),
            Seen(number: 7, text: "after-blank", timestamp: 200),
        ])
        XCTAssertEqual(outcome.shape, .cloudwatchLogsAPI)
        XCTAssertEqual(outcome.completeness, .complete)
        XCTAssertEqual(outcome.linesRead, 7)
        XCTAssertEqual(outcome.bytesRead, Int64("[Container] first\ntwo\r\nthreelast\n\nafter-blank".utf8.count))
        XCTAssertEqual(source.displayName, "/aws/codebuild/app/u-1")
        XCTAssertEqual(caller.calls.map { $0.json["limit"] as? Int }, [3, 3, 3])
    }

    func testFetchKeepsACRLFEventsCarriageReturnTheAnalysisDoesNot() throws {
        func lines(keeping: Bool) throws -> [String] {
            let caller = ScriptedAWSCaller([
                .body(logEventsPage(["windows line\r\n", "two\r\nthree\r"], firstTimestamp: 100, token: "f/1")),
                .body(logEventsPage([], token: "f/1")),
            ])
            let source = CloudWatchLogSource(client: CloudWatchLogsClient(caller: caller), group: "g", stream: "s",
                                             keepsCarriageReturns: keeping)
            return try read(source).0.map(\.text)
        }
        XCTAssertEqual(try lines(keeping: true), ["windows line\r", "two\r", "three\r"])
        XCTAssertEqual(try lines(keeping: false), ["windows line", "two", "three"])
    }

    func testLinesArriveBeforeTheNextPageIsRequested() throws {
        let caller = ScriptedAWSCaller([
            .body(logEventsPage(["a", "b"], token: "f/1")),
            .body(logEventsPage(["c"], token: "f/2")),
            .body(logEventsPage([], token: "f/2")),
        ])
        let source = CloudWatchLogSource(client: CloudWatchLogsClient(caller: caller), group: "g", stream: "s")
        var callsSeenAtEachLine: [Int] = []
        _ = try source.readLines { _ in callsSeenAtEachLine.append(caller.calls.count) }
        XCTAssertEqual(callsSeenAtEachLine, [1, 1, 2])
    }

    func testAPageFailingAfterTheFirstEndsThePartialReadKeepingEarlierLines() throws {
        let caller = ScriptedAWSCaller([
            .body(logEventsPage(["a", "b"], token: "f/1")),
            .failure(ScriptedAWSError(code: "ThrottlingException", message: "Rate exceeded")),
        ])
        let source = CloudWatchLogSource(client: CloudWatchLogsClient(caller: caller), group: "g", stream: "s")
        let (seen, outcome) = try read(source)
        XCTAssertEqual(seen.map(\.text), ["a", "b"])
        XCTAssertEqual(outcome.completeness,
                       .partial(reason: "GetLogEvents page 2 failed: ThrottlingException: Rate exceeded",
                                byteOffset: nil))
    }

    func testEndlessEmptyPagesWithNewTokensStopAsAPartialReadThatSaysWhy() throws {
        var script: [ScriptedAWSCaller.Answer] = [.body(logEventsPage(["a", "b"], token: "f/0"))]
        for page in 1...150 { script.append(.body(logEventsPage([], token: "f/\(page)"))) }
        let caller = ScriptedAWSCaller(script)
        let source = CloudWatchLogSource(client: CloudWatchLogsClient(caller: caller), group: "g", stream: "s")
        let (seen, outcome) = try read(source)
        XCTAssertEqual(seen.map(\.text), ["a", "b"])
        XCTAssertEqual(caller.calls.count, 101, "one page of events, then 100 empty pages, then no more requests")
        XCTAssertEqual(outcome.completeness, .partial(
            reason: "stopped paging GetLogEvents after 101 pages: 100 pages in a row had nothing but a new token", byteOffset: nil))
    }

    func testAFewEmptyPagesBeforeTheEventsAreNormal() throws {
        var script: [ScriptedAWSCaller.Answer] = []
        for page in 1...40 { script.append(.body(logEventsPage([], token: "f/\(page)"))) }
        script += [.body(logEventsPage(["late"], token: "f/41")), .body(logEventsPage([], token: "f/41"))]
        let caller = ScriptedAWSCaller(script)
        let (seen, outcome) = try read(CloudWatchLogSource(client: CloudWatchLogsClient(caller: caller), group: "g", stream: "s"))
        XCTAssertEqual(seen.map(\.text), ["late"])
        XCTAssertEqual(outcome.completeness, .complete)
    }

    func testAFailingFirstPageIsThrown() {
        let caller = ScriptedAWSCaller([.failure(ScriptedAWSError(
            code: "ResourceNotFoundException", message: "The specified log stream does not exist."))])
        let source = CloudWatchLogSource(client: CloudWatchLogsClient(caller: caller), group: "g", stream: "s")
        XCTAssertThrowsError(try source.readLines { _ in XCTFail("no line expected") }) { error in
            XCTAssertEqual(error as? CloudWatchLogsError, .logStreamNotFound(group: "g", stream: "s"))
        }
    }

    func testAnErrorFromTheReaderIsNotMistakenForAFailedPage() {
        struct Stop: Error {}
        let caller = ScriptedAWSCaller([.body(logEventsPage(["a"], token: "f/1")),
                                        .body(logEventsPage([], token: "f/1"))])
        let source = CloudWatchLogSource(client: CloudWatchLogsClient(caller: caller), group: "g", stream: "s")
        XCTAssertThrowsError(try source.readLines { _ in throw Stop() }) { error in
            XCTAssertTrue(error is Stop)
        }
    }

    func testTimeRangeIsSentOnEveryPage() throws {
        let caller = ScriptedAWSCaller([.body(logEventsPage(["a"], token: "f/1")),
                                        .body(logEventsPage([], token: "f/1"))])
        let source = CloudWatchLogSource(client: CloudWatchLogsClient(caller: caller), group: "g", stream: "s",
                                         startTime: 1_000, endTime: 2_000)
        _ = try read(source)
        XCTAssertEqual(caller.calls.map { $0.json["startTime"] as? Int }, [1_000, 1_000])
        XCTAssertEqual(caller.calls.map { $0.json["endTime"] as? Int }, [2_000, 2_000])
    }
}
