import Fetch
import XCTest

final class CloudWatchLogsClientTests: XCTestCase {
    func testGetLogEventsSendsTheDocumentedBodyWithUnescapedSlashes() throws {
        let caller = ScriptedAWSCaller([.body(logEventsPage(["hello"], token: "f/1"))])
        let client = CloudWatchLogsClient(caller: caller)
        let response = try client.getLogEvents(GetLogEventsRequest(
            logGroupName: "/aws/codebuild/app", logStreamName: "abc", startTime: 5, endTime: 9, limit: 100))
        XCTAssertEqual(response.events?.map(\.message), ["hello"])
        XCTAssertEqual(caller.calls.first?.service, .cloudWatchLogs)
        XCTAssertEqual(caller.calls.first?.operation, "GetLogEvents")
        XCTAssertEqual(caller.calls.first.map { String(decoding: $0.body, as: UTF8.self) },
                       #"{"endTime":9,"limit":100,"logGroupName":"/aws/codebuild/app","logStreamName":"abc","#
                           + #""startFromHead":true,"startTime":5}"#)
    }

    func testPagesFollowTheForwardTokenUntilItRepeats() throws {
        let caller = ScriptedAWSCaller([
            .body(logEventsPage(["a", "b"], token: "f/1")),
            .body(logEventsPage(["c"], token: "f/2")),
            .body(logEventsPage([], token: "f/2")),
        ])
        var pages = CloudWatchLogsClient(caller: caller)
            .logEventPages(GetLogEventsRequest(logGroupName: "g", logStreamName: "s", limit: 2))
        var messages: [String] = []
        while let page = try pages.next() { messages += page.compactMap(\.message) }
        XCTAssertEqual(messages, ["a", "b", "c"])
        XCTAssertEqual(pages.pagesRead, 3)
        XCTAssertEqual(caller.calls.map { $0.json["nextToken"] as? String }, [nil, "f/1", "f/2"])
        XCTAssertEqual(caller.calls.map { $0.json["startFromHead"] as? Bool }, [true, true, true])
    }

    func testEmptyPagesBeforeTheEndDoNotStopPaging() throws {
        let caller = ScriptedAWSCaller([
            .body(logEventsPage([], token: "f/1")),
            .body(logEventsPage([], token: "f/2")),
            .body(logEventsPage(["late"], token: "f/3")),
            .body(logEventsPage([], token: "f/3")),
        ])
        var pages = CloudWatchLogsClient(caller: caller)
            .logEventPages(GetLogEventsRequest(logGroupName: "g", logStreamName: "s"))
        var messages: [String] = []
        while let page = try pages.next() { messages += page.compactMap(\.message) }
        XCTAssertEqual(messages, ["late"])
        XCTAssertEqual(caller.calls.count, 4)
    }

    func testMissingStreamBecomesANotFoundErrorNamingIt() {
        let caller = ScriptedAWSCaller([.failure(ScriptedAWSError(
            code: "ResourceNotFoundException", message: "The specified log stream does not exist."))])
        let client = CloudWatchLogsClient(caller: caller)
        XCTAssertThrowsError(try client.getLogEvents(GetLogEventsRequest(logGroupName: "/aws/codebuild/x",
                                                                         logStreamName: "u-1"))) { error in
            XCTAssertEqual(error as? CloudWatchLogsError,
                           .logStreamNotFound(group: "/aws/codebuild/x", stream: "u-1"))
            XCTAssertEqual((error as? UserFacingError)?.userMessage,
                           "log group/stream not found: /aws/codebuild/x / u-1")
        }
    }

    func testAMissingGroupAnswerForAStreamReadNamesBothGroupAndStream() {
        // moto (and the service for a missing group) says "log group": the message names both.
        let caller = ScriptedAWSCaller([.failure(ScriptedAWSError(
            code: "ResourceNotFoundException", message: "The specified log group does not exist."))])
        XCTAssertThrowsError(try CloudWatchLogsClient(caller: caller)
            .getLogEvents(GetLogEventsRequest(logGroupName: "/nope", logStreamName: "s"))) { error in
            XCTAssertEqual(error as? CloudWatchLogsError, .logStreamNotFound(group: "/nope", stream: "s"))
        }
    }

    func testMissingGroupWithoutAStreamNamesTheGroup() {
        let caller = ScriptedAWSCaller([.failure(ScriptedAWSError(
            code: "ResourceNotFoundException", message: "The specified log group does not exist."))])
        XCTAssertThrowsError(try CloudWatchLogsClient(caller: caller)
            .describeLogStreams(DescribeLogStreamsRequest(logGroupName: "/nope"))) { error in
            XCTAssertEqual(error as? CloudWatchLogsError, .logGroupNotFound(group: "/nope"))
            XCTAssertEqual((error as? UserFacingError)?.userMessage, "log group not found: /nope")
        }
    }

    func testOtherServiceErrorsPassThroughUnchanged() {
        let denied = ScriptedAWSError(code: "AccessDeniedException", message: "not authorized")
        let caller = ScriptedAWSCaller([.failure(denied)])
        XCTAssertThrowsError(try CloudWatchLogsClient(caller: caller)
            .getLogEvents(GetLogEventsRequest(logGroupName: "g", logStreamName: "s"))) { error in
            XCTAssertEqual((error as? ScriptedAWSError)?.code, "AccessDeniedException")
        }
    }

    func testMalformedResponseIsATypedErrorWithoutTheBody() {
        let caller = ScriptedAWSCaller([.body(#"{"events": "secret-log-content"}"#)])
        XCTAssertThrowsError(try CloudWatchLogsClient(caller: caller)
            .getLogEvents(GetLogEventsRequest(logGroupName: "g", logStreamName: "s"))) { error in
            let message = (error as? UserFacingError)?.userMessage ?? ""
            XCTAssertTrue(message.contains("logs GetLogEvents"), message)
            XCTAssertTrue(message.contains("events"), message)
            XCTAssertFalse(message.contains("secret-log-content"), message)
        }
    }

    func testFilterLogEventsFollowsNextTokenAndSendsThePattern() throws {
        let caller = ScriptedAWSCaller([
            .body(#"{"events":[{"logStreamName":"s","timestamp":1,"message":"ERROR one","eventId":"1"}],"nextToken":"n1"}"#),
            .body(#"{"events":[{"logStreamName":"s","timestamp":2,"message":"ERROR two","eventId":"2"}]}"#),
        ])
        var messages: [String] = []
        try CloudWatchLogsClient(caller: caller).forEachFilteredPage(FilterLogEventsRequest(
            logGroupName: "g", logStreamNames: ["s"], startTime: 0, endTime: 10, filterPattern: "ERROR")) { events in
            messages += events.compactMap(\.message)
        }
        XCTAssertEqual(messages, ["ERROR one", "ERROR two"])
        XCTAssertEqual(caller.calls.map(\.operation), ["FilterLogEvents", "FilterLogEvents"])
        XCTAssertEqual(caller.calls.first?.json["filterPattern"] as? String, "ERROR")
        XCTAssertEqual(caller.calls.first?.json["logStreamNames"] as? [String], ["s"])
        XCTAssertEqual(caller.calls.last?.json["nextToken"] as? String, "n1")
    }

    func testDescribeLogStreamsDecodesStreams() throws {
        let caller = ScriptedAWSCaller([.body(
            #"{"logStreams":[{"logStreamName":"u-1","creationTime":10,"firstEventTimestamp":11,"#
                + #""lastEventTimestamp":12,"storedBytes":0,"arn":"arn:aws:logs:us-east-1:1:log-group:g:log-stream:u-1"}]}"#)])
        let response = try CloudWatchLogsClient(caller: caller)
            .describeLogStreams(DescribeLogStreamsRequest(logGroupName: "g", logStreamNamePrefix: "u-"))
        XCTAssertEqual(response.logStreams?.first?.logStreamName, "u-1")
        XCTAssertEqual(response.logStreams?.first?.lastEventTimestamp, 12)
        XCTAssertNil(response.nextToken)
        XCTAssertEqual(caller.calls.first?.json["logStreamNamePrefix"] as? String, "u-")
    }
}
