import Foundation

/// How a followed log stream is polled.
public struct FollowPacing: Equatable, Sendable {
    /// Seconds slept when a read brought nothing new (the same `nextForwardToken` came back).
    public var pollInterval: Double
    /// Quiet reads between two "is the build complete?" checks (`BatchGetBuilds`).
    public var completionCheckEvery: Int
    /// Consecutive quiet reads after completion that end the follow: CloudWatch Logs ingests a few seconds
    /// behind the build, so the last lines may arrive after CodeBuild already says the build ended.
    public var settleReads: Int

    public init(pollInterval: Double = 3, completionCheckEvery: Int = 3, settleReads: Int = 2) {
        self.pollInterval = pollInterval
        self.completionCheckEvery = max(1, completionCheckEvery)
        self.settleReads = max(1, settleReads)
    }
}

/// What one read of a followed stream brought, for a live view.
public struct FollowPoll: Equatable, Sendable {
    /// The stream exists (a build still provisioning has none yet).
    public var streamFound: Bool
    public var newLines: Int
    public var linesRead: Int

    public init(streamFound: Bool, newLines: Int, linesRead: Int) {
        self.streamFound = streamFound
        self.newLines = newLines
        self.linesRead = linesRead
    }
}

/// A build's log stream read while the build still runs: `GetLogEvents` from the head, then again with
/// each `nextForwardToken`, pausing when the token comes back unchanged (nothing new yet), asking
/// `isComplete` every few quiet reads, and ending once the build is complete and `settleReads` reads in a
/// row brought nothing. The lines are the stream's, in order, numbered as `CloudWatchLogSource` numbers
/// them, so the analysis of a followed build is the analysis of its finished log.
///
/// A stream not created yet is waited for while the build runs. `interrupted` (Ctrl-C) ends the read as
/// `.partial`, as does a read or a completion check that fails after some lines arrived.
public struct FollowedLogSource: LineSource {
    public var group: String
    public var stream: String
    public var pageSize: Int?
    public var pacing: FollowPacing
    private let client: CloudWatchLogsClient
    private let isComplete: () throws -> Bool
    private let interrupted: () -> Bool
    private let sleep: (Double) -> Void
    private let onPoll: ((FollowPoll) -> Void)?

    /// `sleep` takes seconds; it is called in slices of at most `sleepSlice` so an interrupt is seen soon.
    public init(client: CloudWatchLogsClient, group: String, stream: String, pageSize: Int? = nil,
                pacing: FollowPacing = FollowPacing(), isComplete: @escaping () throws -> Bool,
                interrupted: @escaping () -> Bool = { false },
                sleep: @escaping (Double) -> Void = { FollowedLogSource.threadSleep($0) },
                onPoll: ((FollowPoll) -> Void)? = nil) {
        self.client = client
        self.group = group
        self.stream = stream
        self.pageSize = pageSize
        self.pacing = pacing
        self.isComplete = isComplete
        self.interrupted = interrupted
        self.sleep = sleep
        self.onPoll = onPoll
    }

    public static let sleepSlice = 0.1

    public static func threadSleep(_ seconds: Double) {
        if seconds > 0 { Thread.sleep(forTimeInterval: seconds) }
    }

    public var displayName: String { "\(group)/\(stream)" }

    public func readLines(_ body: (LogLine) throws -> Void) throws -> ReadOutcome {
        var splitter = EventLineSplitter()
        var token: String?
        var reads = 0
        var quietSinceCheck = 0
        var complete = false
        var quietAfterCompletion = 0
        // A server that keeps handing out new tokens without events would never let the follow pause; a quiet
        // read (the token came back) ends such a run, so only one unbroken run of pages counts.
        var guardrail = Self.newGuard()
        func outcome(_ completeness: Completeness) -> ReadOutcome {
            ReadOutcome(shape: .cloudwatchLogsAPI, completeness: completeness, bytesRead: splitter.bytesRead,
                        linesRead: splitter.linesDelivered)
        }
        func stopped(_ why: String) -> ReadOutcome {
            outcome(.partial(reason: "\(why) (\(splitter.linesDelivered) lines read)", byteOffset: nil))
        }
        while true {
            if interrupted() { return stopped(Self.interruptedReason(complete: complete)) }
            var response: GetLogEventsResponse?
            do {
                response = try client.getLogEvents(GetLogEventsRequest(
                    logGroupName: group, logStreamName: stream, nextToken: token, limit: pageSize, startFromHead: true))
                reads += 1
            } catch CloudWatchLogsError.logStreamNotFound(_, _) where reads == 0 && !complete {
                response = nil // the build has not started writing its log yet
            } catch {
                guard reads > 0 else { throw error }
                return stopped("GetLogEvents failed while following: \(Self.why(error))")
            }
            let linesBefore = splitter.linesDelivered
            var advanced = false
            if let response {
                let events = response.events ?? []
                for event in events {
                    guard var message = event.message else { continue }
                    try message.withUTF8 { try splitter.split($0, timestampMillis: event.timestamp, body) }
                }
                let next = response.nextForwardToken.flatMap { $0.isEmpty ? nil : $0 }
                advanced = !events.isEmpty || (next != nil && next != token)
                if let next { token = next }
            }
            onPoll?(FollowPoll(streamFound: response != nil, newLines: splitter.linesDelivered - linesBefore,
                               linesRead: splitter.linesDelivered))
            if advanced {
                quietAfterCompletion = 0
                do {
                    try guardrail.record(items: response?.events?.count ?? 0)
                } catch let runaway as PaginationRunawayError {
                    return stopped(runaway.userMessage)
                }
                continue
            }
            guardrail = Self.newGuard()
            if complete {
                quietAfterCompletion += 1
                if quietAfterCompletion >= pacing.settleReads { return outcome(.complete) }
            } else {
                quietSinceCheck += 1
                if quietSinceCheck >= pacing.completionCheckEvery {
                    quietSinceCheck = 0
                    do {
                        complete = try isComplete()
                    } catch {
                        guard reads > 0 else { throw error }
                        return stopped("BatchGetBuilds failed while following: \(Self.why(error))")
                    }
                    // The stream never appeared and the build is over: there is no log to wait for.
                    if complete, reads == 0 { continue }
                }
            }
            pause()
        }
    }

    private static func newGuard() -> PaginationGuard {
        PaginationGuard(operation: "GetLogEvents", maxPages: 100_000)
    }

    static func interruptedReason(complete: Bool) -> String {
        complete ? "interrupted while reading the last lines of the finished build"
                 : "interrupted before the build completed"
    }

    private static func why(_ error: Error) -> String {
        (error as? UserFacingError)?.userMessage ?? "request failed"
    }

    /// Sleeps one poll interval, in slices, returning early when interrupted.
    private func pause() {
        var remaining = pacing.pollInterval
        while remaining > 0, !interrupted() {
            let slice = min(remaining, Self.sleepSlice)
            sleep(slice)
            remaining -= slice
        }
    }
}
