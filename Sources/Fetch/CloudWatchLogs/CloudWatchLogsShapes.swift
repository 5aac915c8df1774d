/// Request and response shapes of the CloudWatch Logs operations cbtriage uses (JSON 1.1,
/// `Logs_20140328`). Field names are the API's; absent optionals are left out of requests.
/// Times are milliseconds since the epoch, as the API has them.

public struct GetLogEventsRequest: Codable, Equatable, Sendable {
    public var logGroupName: String
    public var logStreamName: String
    public var startTime: Int64?
    public var endTime: Int64?
    public var nextToken: String?
    /// Events per page; the service's default (and maximum) is 10,000 events or 1 MB.
    public var limit: Int?
    public var startFromHead: Bool?

    public init(logGroupName: String, logStreamName: String, startTime: Int64? = nil, endTime: Int64? = nil,
                nextToken: String? = nil, limit: Int? = nil, startFromHead: Bool? = true) {
        self.logGroupName = logGroupName
        self.logStreamName = logStreamName
        self.startTime = startTime
        self.endTime = endTime
        self.nextToken = nextToken
        self.limit = limit
        self.startFromHead = startFromHead
    }
}

/// One event of a stream, as `GetLogEvents` returns it.
public struct OutputLogEvent: Codable, Equatable, Sendable {
    public var timestamp: Int64?
    public var message: String?
    public var ingestionTime: Int64?

    public init(timestamp: Int64?, message: String?, ingestionTime: Int64? = nil) {
        self.timestamp = timestamp
        self.message = message
        self.ingestionTime = ingestionTime
    }
}

public struct GetLogEventsResponse: Codable, Equatable, Sendable {
    public var events: [OutputLogEvent]?
    public var nextForwardToken: String?
    public var nextBackwardToken: String?

    public init(events: [OutputLogEvent]?, nextForwardToken: String?, nextBackwardToken: String? = nil) {
        self.events = events
        self.nextForwardToken = nextForwardToken
        self.nextBackwardToken = nextBackwardToken
    }
}

public struct FilterLogEventsRequest: Codable, Equatable, Sendable {
    public var logGroupName: String
    public var logStreamNames: [String]?
    public var startTime: Int64?
    public var endTime: Int64?
    public var filterPattern: String?
    public var nextToken: String?
    public var limit: Int?

    public init(logGroupName: String, logStreamNames: [String]? = nil, startTime: Int64? = nil,
                endTime: Int64? = nil, filterPattern: String? = nil, nextToken: String? = nil, limit: Int? = nil) {
        self.logGroupName = logGroupName
        self.logStreamNames = logStreamNames
        self.startTime = startTime
        self.endTime = endTime
        self.filterPattern = filterPattern
        self.nextToken = nextToken
        self.limit = limit
    }
}

/// One matching event, as `FilterLogEvents` returns it (with the stream it came from).
public struct FilteredLogEvent: Codable, Equatable, Sendable {
    public var logStreamName: String?
    public var timestamp: Int64?
    public var message: String?
    public var ingestionTime: Int64?
    public var eventId: String?

    public init(logStreamName: String?, timestamp: Int64?, message: String?, ingestionTime: Int64? = nil,
                eventId: String? = nil) {
        self.logStreamName = logStreamName
        self.timestamp = timestamp
        self.message = message
        self.ingestionTime = ingestionTime
        self.eventId = eventId
    }
}

public struct FilterLogEventsResponse: Codable, Equatable, Sendable {
    public var events: [FilteredLogEvent]?
    /// Absent on the last page.
    public var nextToken: String?

    public init(events: [FilteredLogEvent]?, nextToken: String?) {
        self.events = events
        self.nextToken = nextToken
    }
}

public struct DescribeLogStreamsRequest: Codable, Equatable, Sendable {
    public var logGroupName: String
    public var logStreamNamePrefix: String?
    /// `LogStreamName` or `LastEventTime` (which cannot be combined with a prefix).
    public var orderBy: String?
    public var descending: Bool?
    public var nextToken: String?
    public var limit: Int?

    public init(logGroupName: String, logStreamNamePrefix: String? = nil, orderBy: String? = nil,
                descending: Bool? = nil, nextToken: String? = nil, limit: Int? = nil) {
        self.logGroupName = logGroupName
        self.logStreamNamePrefix = logStreamNamePrefix
        self.orderBy = orderBy
        self.descending = descending
        self.nextToken = nextToken
        self.limit = limit
    }
}

public struct LogStreamDescription: Codable, Equatable, Sendable {
    public var logStreamName: String?
    public var creationTime: Int64?
    public var firstEventTimestamp: Int64?
    public var lastEventTimestamp: Int64?
    public var lastIngestionTime: Int64?
    public var storedBytes: Int64?
    public var arn: String?

    public init(logStreamName: String?, creationTime: Int64? = nil, firstEventTimestamp: Int64? = nil,
                lastEventTimestamp: Int64? = nil, lastIngestionTime: Int64? = nil, storedBytes: Int64? = nil,
                arn: String? = nil) {
        self.logStreamName = logStreamName
        self.creationTime = creationTime
        self.firstEventTimestamp = firstEventTimestamp
        self.lastEventTimestamp = lastEventTimestamp
        self.lastIngestionTime = lastIngestionTime
        self.storedBytes = storedBytes
        self.arn = arn
    }
}

public struct DescribeLogStreamsResponse: Codable, Equatable, Sendable {
    public var logStreams: [LogStreamDescription]?
    public var nextToken: String?

    public init(logStreams: [LogStreamDescription]?, nextToken: String?) {
        self.logStreams = logStreams
        self.nextToken = nextToken
    }
}
