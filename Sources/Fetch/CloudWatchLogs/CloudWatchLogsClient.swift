/// The CloudWatch Logs operations cbtriage needs, over any `AWSJSONCalling` (signed HTTP in the
/// tool, scripted answers in unit tests). It holds no log data: callers page.
public final class CloudWatchLogsClient {
    private let caller: AWSJSONCalling

    public init(caller: AWSJSONCalling) {
        self.caller = caller
    }

    public func getLogEvents(_ request: GetLogEventsRequest) throws -> GetLogEventsResponse {
        try mappingNotFound(group: request.logGroupName, stream: request.logStreamName) {
            try caller.call(.cloudWatchLogs, "GetLogEvents", request, as: GetLogEventsResponse.self)
        }
    }

    public func filterLogEvents(_ request: FilterLogEventsRequest) throws -> FilterLogEventsResponse {
        try mappingNotFound(group: request.logGroupName, stream: request.logStreamNames?.first) {
            try caller.call(.cloudWatchLogs, "FilterLogEvents", request, as: FilterLogEventsResponse.self)
        }
    }

    public func describeLogStreams(_ request: DescribeLogStreamsRequest) throws -> DescribeLogStreamsResponse {
        try mappingNotFound(group: request.logGroupName, stream: nil) {
            try caller.call(.cloudWatchLogs, "DescribeLogStreams", request, as: DescribeLogStreamsResponse.self)
        }
    }

    /// Pages through one stream from its head (`startFromHead` is forced on).
    public func logEventPages(_ request: GetLogEventsRequest) -> LogEventPages {
        var first = request
        first.startFromHead = true
        first.nextToken = nil
        return LogEventPages(client: self, request: first)
    }

    /// Every page of a `FilterLogEvents` search, one at a time, until the service stops sending a token.
    public func forEachFilteredPage(_ request: FilterLogEventsRequest,
                                    _ body: ([FilteredLogEvent]) throws -> Void) throws {
        var next = request
        var guardrail = PaginationGuard(operation: "FilterLogEvents", maxPages: 100_000)
        while true {
            let response = try filterLogEvents(next)
            try body(response.events ?? [])
            try guardrail.record(items: response.events?.count ?? 0)
            guard let token = response.nextToken, !token.isEmpty, token != next.nextToken else { return }
            next.nextToken = token
        }
    }

    /// Turns the service's `ResourceNotFoundException` into an error that names the group or stream.
    private func mappingNotFound<T>(group: String, stream: String?, _ call: () throws -> T) throws -> T {
        do {
            return try call()
        } catch let error as AWSErrorCodeReporting where error.awsErrorCode == "ResourceNotFoundException" {
            // Which one is missing is said only in prose, and not reliably (moto answers "log group does
            // not exist" for a missing stream in an existing group): name both when a stream was asked for.
            if let stream { throw CloudWatchLogsError.logStreamNotFound(group: group, stream: stream) }
            throw CloudWatchLogsError.logGroupNotFound(group: group)
        }
    }
}

/// `GetLogEvents` pages of one stream, from its head, one at a time: only the current page is held.
///
/// The end is when `nextForwardToken` comes back equal to the token sent; pages before the end may
/// be empty (a quiet stretch of the stream or a time range), so an empty page alone never ends it.
public struct LogEventPages {
    private let client: CloudWatchLogsClient
    private var request: GetLogEventsRequest
    private var finished = false
    /// Pages received so far.
    public private(set) var pagesRead = 0
    /// 100,000 pages of up to 10,000 events: far beyond any build's log.
    private var guardrail = PaginationGuard(operation: "GetLogEvents", maxPages: 100_000)
    /// Why paging stopped, thrown on the call after the page that tripped the guard (so that page is kept).
    private var runaway: PaginationRunawayError?

    init(client: CloudWatchLogsClient, request: GetLogEventsRequest) {
        self.client = client
        self.request = request
    }

    /// The next page's events, or nil after the last page.
    public mutating func next() throws -> [OutputLogEvent]? {
        guard !finished else { return nil }
        if let runaway { throw runaway }
        let sent = request.nextToken
        let response = try client.getLogEvents(request)
        pagesRead += 1
        if let token = response.nextForwardToken, !token.isEmpty, token != sent {
            request.nextToken = token
            do {
                try guardrail.record(items: response.events?.count ?? 0)
            } catch let error as PaginationRunawayError {
                runaway = error
            }
        } else {
            finished = true
        }
        return response.events ?? []
    }
}
