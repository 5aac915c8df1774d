import Fetch

/// Problems with what the user asked for that the command line itself finds (Fetch reports files).
enum InputError: UserFacingError, Equatable {
    case unknownRule(id: String)
    /// The `--baseline` log could not be read (the message names it).
    case baselineUnreadable(message: String)
    /// `--baseline` named a directory holding no log or several.
    case baselineNotOneLog(path: String, count: Int)

    var userMessage: String {
        switch self {
        case .unknownRule(let id): return "no rule with id '\(id)' (see 'cbtriage rules list')"
        case .baselineUnreadable(let message): return "baseline: " + message
        case .baselineNotOneLog(let path, let count):
            return "--baseline \(path): a baseline is one build's log, and this holds \(count)"
        }
    }

    var exitStatus: ExitStatus {
        switch self {
        case .unknownRule, .baselineNotOneLog: return .usage
        case .baselineUnreadable: return .unreadableInput
        }
    }
}
