import Foundation
import XCTest

/// `fetch` and `build` through `Tests/Support/fault_proxy.py` in front of moto_server (SigV4 checking on): each
/// fault either leaves the fetched log exactly as seeded, or ends in a clear one-line error with its documented
/// exit status — never a silently short log — and the attempts are the standard retry mode's: three at most,
/// the waits within full jitter's ceilings (1 s, then 2 s). `UPDATE_FAULTS_DOC=1` rewrites docs/faults.md.
final class FaultInjectionTests: FaultProxyTestCase {
    static let getLogEvents = "Logs_20140328.GetLogEvents"
    static let batchGetBuilds = "CodeBuild_20161006.BatchGetBuilds"
    /// 5,000 seeded events at 1,000 a page: 5 pages and the last, empty one.
    static let pageSize = "1000"

    /// A hang is given up after this many silent seconds (`--cli-read-timeout`), then retried.
    static let readTimeout = 1.0

    private var through: [String] {
        ["--endpoint-url", proxy.endpoint, "--region", "us-east-1", "--cli-read-timeout", "\(Int(Self.readTimeout))"]
    }

    struct Row {
        var command: String
        var fault: String
        var when: String
        var outcome: String
        var status: Int32
        var attempts: Int
    }

    private static var rows: [Row] = []

    /// Attempts at the faulted call (the requests from the first faulted one on, up to and including the next that
    /// passed) and their spacing, checked against standard mode.
    private func attempts(target: String, file: StaticString = #filePath, line: UInt = #line) throws -> Int {
        let seen = try proxy.requests().filter { $0.target == target }
        guard let first = seen.firstIndex(where: { $0.fault != nil }) else { return 0 }
        var tried = Array(seen[first...])
        if let passed = tried.firstIndex(where: { $0.fault == nil }) { tried = Array(tried[...passed]) }
        // Clock-skew correction re-signs at once; the other retries wait up to 2^(i-1) s (plus slack for a busy machine).
        for index in tried.indices.dropFirst() where tried[index - 1].fault != "skew" {
            // A hung attempt first waits out the read timeout.
            let gap = tried[index].t - tried[index - 1].t - (tried[index - 1].fault == "hang" ? Self.readTimeout : 0)
            XCTAssertLessThanOrEqual(gap, pow(2, Double(index - 1)) + 1.5, "wait before attempt \(index + 1) after \(tried[index - 1].fault ?? "none")", file: file, line: line)
        }
        return tried.count
    }

    func testFetchGetsTheExactLogThroughEveryTransientFault() throws {
        let failing = try moto.stream("failing")
        let expected = try moto.expectedLog("failing")
        let faults = ["status-500", "status-503", "throttle", "reset", "short-length", "truncated", "empty", "html", "hang"]
        for fault in faults {
            // Page 2 fails twice, then passes: a third attempt is within standard mode's three.
            try proxy.plan(fault, target: Self.getLogEvents, skip: 1, times: 2)
            let run = try self.run(["fetch", "--group", failing.group, "--stream", failing.stream, "--page-size", Self.pageSize]
                                   + through, environment: keys)
            XCTAssertEqual(run.status, 0, "\(fault): \(run.stderr)")
            XCTAssertTrue(run.stdout == expected, "\(fault): the log is not exactly the seeded one (\(run.stdout.utf8.count) bytes)")
            let tried = try attempts(target: Self.getLogEvents)
            XCTAssertEqual(tried, 3, "\(fault): attempts at page 2")
            Self.rows.append(Row(command: "fetch", fault: fault, when: "page 2, twice", outcome: "exact log (5,000 events)",
                                 status: run.status, attempts: tried))
        }
        // A slow answer is a good answer: read whole, not retried (5 pages and the last, empty one).
        try proxy.plan("slow", target: Self.getLogEvents, times: 6)
        let slow = try run(["fetch", "--group", failing.group, "--stream", failing.stream, "--page-size", Self.pageSize]
                           + through, environment: keys)
        XCTAssertEqual(slow.status, 0, slow.stderr)
        XCTAssertTrue(slow.stdout == expected, "slow: the log is not exactly the seeded one")
        XCTAssertEqual(try proxy.requests().count, 6, "slow answers are not retried")
        Self.rows.append(Row(command: "fetch", fault: "slow", when: "every page", outcome: "exact log, no retry",
                             status: slow.status, attempts: 1))
        try proxy.plan("skew", target: Self.getLogEvents, skip: 1, times: 1)
        let skewed = try run(["fetch", "--group", failing.group, "--stream", failing.stream, "--page-size", Self.pageSize]
                             + through, environment: keys)
        XCTAssertEqual(skewed.status, 0, skewed.stderr)
        XCTAssertTrue(skewed.stdout == expected, "skew: the log is not exactly the seeded one")
        Self.rows.append(Row(command: "fetch", fault: "skew", when: "page 2, once", outcome: "re-signed with the server's clock; exact log",
                             status: skewed.status, attempts: try attempts(target: Self.getLogEvents)))
    }

    func testAFaultThatOutlastsTheRetriesIsAClearErrorOrAPartialLogNeverASilentlyShortOne() throws {
        let failing = try moto.stream("failing")
        for fault in ["status-503", "throttle", "reset", "truncated", "html", "hang"] {
            // On the first page: nothing was read, so it is an error.
            try proxy.plan(fault, target: Self.getLogEvents, times: 3)
            let first = try run(["fetch", "--group", failing.group, "--stream", failing.stream, "--page-size", Self.pageSize]
                                + through, environment: keys)
            XCTAssertEqual(first.status, 69, "\(fault) on page 1: \(first.stderr)")
            XCTAssertEqual(first.stdout, "", fault)
            XCTAssertTrue(first.stderr.hasPrefix("cbtriage: ") && first.stderr.split(separator: "\n").count == 1, first.stderr)
            let tried = try attempts(target: Self.getLogEvents)
            XCTAssertEqual(tried, 3, "\(fault): attempts at page 1")
            Self.rows.append(Row(command: "fetch", fault: fault, when: "page 1, every attempt",
                                 outcome: Self.shortError(first.stderr),
                                 status: first.status, attempts: tried))
        }
        // On a later page: what came before is kept and the result says it is partial (exit 2).
        try proxy.plan("status-503", target: Self.getLogEvents, skip: 2, times: 3)
        let later = try run(["fetch", "--group", failing.group, "--stream", failing.stream, "--page-size", Self.pageSize]
                            + through, environment: keys)
        XCTAssertEqual(later.status, 2, later.stderr)
        XCTAssertEqual(later.stdout.split(separator: "\n").count, 2_000, "the two pages before the failure, exactly")
        XCTAssertTrue(later.stderr.contains("page 3"), later.stderr)
        Self.rows.append(Row(command: "fetch", fault: "status-503", when: "page 3, every attempt",
                             outcome: "partial: the 2,000 events before it, and why", status: later.status,
                             attempts: try attempts(target: Self.getLogEvents)))
    }

    func testBuildRetriesBatchGetBuildsAndFailsClearlyWhenItCannot() throws {
        let failing = try moto.stream("failing")
        for fault in ["status-500", "truncated", "empty"] {
            try proxy.plan(fault, target: Self.batchGetBuilds, times: 2)
            let run = try self.run(["build", failing.buildId, "--format", "json", "--page-size", Self.pageSize] + through,
                                   environment: keys)
            XCTAssertEqual(run.status, 0, "\(fault): \(run.stderr)")
            XCTAssertTrue(run.stdout.contains("\"buildId\" : \"\(failing.buildId)\"") || run.stdout.contains(failing.buildId), run.stdout)
            let tried = try attempts(target: Self.batchGetBuilds)
            XCTAssertEqual(tried, 3, fault)
            Self.rows.append(Row(command: "build", fault: fault, when: "BatchGetBuilds, twice", outcome: "diagnosed",
                                 status: run.status, attempts: tried))
        }
        try proxy.plan("truncated", target: Self.batchGetBuilds, times: 3)
        let broken = try run(["build", failing.buildId] + through, environment: keys)
        XCTAssertEqual(broken.status, 69, broken.stderr)
        XCTAssertTrue(broken.stderr.contains("BatchGetBuilds answered 200 with JSON cut short or invalid"), broken.stderr)
        Self.rows.append(Row(command: "build", fault: "truncated", when: "BatchGetBuilds, every attempt",
                             outcome: Self.shortError(broken.stderr),
                             status: broken.status, attempts: try attempts(target: Self.batchGetBuilds)))
    }

    /// The error line for the table: without the program name, cut at 70 characters with a marker.
    static func shortError(_ stderr: String) -> String {
        let message = stderr.dropFirst("cbtriage: ".count).trimmingCharacters(in: .newlines)
        return "error: " + (message.count > 70 ? message.prefix(70) + "…" : message)
    }

    override class func tearDown() {
        if ProcessInfo.processInfo.environment["UPDATE_FAULTS_DOC"] == "1", !rows.isEmpty {
            var doc = """
                <!-- Generated by Tests/IntegrationTests/FaultInjectionTests.swift; regenerate with \
                UPDATE_FAULTS_DOC=1 swift test --disable-swift-testing --filter FaultInjectionTests -->
                # Faults between cbtriage and AWS

                What `cbtriage fetch` and `cbtriage build` do when the answer goes wrong, measured through a fault-injecting
                proxy (`Tests/Support/fault_proxy.py`) in front of moto_server with signature checking on. The seeded log has
                5,000 events, read 1,000 a page. Attempts are those of the faulted call: standard retry mode, three at most,
                full-jitter waits of up to 1 s and 2 s (a clock-skew correction re-signs at once and is not counted). A hang is given up
                after `--cli-read-timeout` silent seconds (1 here; 60 by default) and retried like a reset.

                | command | fault | when | outcome | exit | attempts |
                |---|---|---|---|---|---|

                """
            for row in rows {
                doc += "| `\(row.command)` | \(row.fault) | \(row.when) | \(row.outcome.replacingOccurrences(of: "|", with: "\\|")) "
                    + "| \(row.status) | \(row.attempts) |\n"
            }
            doc += """

                Faults: status-500/503 (a server error), throttle (400 ThrottlingException), reset (the connection closed
                half-way through the body), short-length (a Content-Length longer than the body), truncated (a 200 whose JSON
                is cut short), empty (a 200 with no body), html (a proxy's HTML page with 200), skew (InvalidSignatureException
                with the server's Date an hour ahead), slow (the answer at 4 KiB per 10 ms, on every page).
                Not in the table: a server that hangs (the transfer timeout is 60 s, too long for the suite).

                """
            try? doc.write(to: EndToEnd.packageRoot.appendingPathComponent("docs/faults.md"), atomically: true, encoding: .utf8)
        }
        rows = []
        super.tearDown()
    }
}
