/// What went wrong reading CloudWatch Logs, beyond a failed call (which the AWS layer reports).
public enum CloudWatchLogsError: UserFacingError, Equatable {
    case logGroupNotFound(group: String)
    case logStreamNotFound(group: String, stream: String)

    public var userMessage: String {
        switch self {
        case .logGroupNotFound(let group):
            return "log group not found: \(group)"
        case .logStreamNotFound(let group, let stream):
            return "log group/stream not found: \(group) / \(stream)"
        }
    }

    /// The named resource does not exist (as opposed to a failure reaching it).
    public var isNotFound: Bool { true }
}
