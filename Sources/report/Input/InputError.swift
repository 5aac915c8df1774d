import Fetch

/// Problems with what the user asked cbtriage to read, found by the command line itself.
enum InputError: UserFacingError, Equatable {
    case notFound(path: String)
    case notReadable(path: String, reason: String)
    case emptyDirectory(path: String)
    case stdinTwice
    case unknownRule(id: String)

    var userMessage: String {
        switch self {
        case .notFound(let path): return "\(path): no such file or directory"
        case .notReadable(let path, let reason): return "\(path): cannot read: \(reason)"
        case .emptyDirectory(let path): return "\(path): directory holds no build logs"
        case .stdinTwice: return "'-' (stdin) can be given only once"
        case .unknownRule(let id): return "no rule with id '\(id)' (see 'cbtriage rules list')"
        }
    }

    var exitStatus: ExitStatus {
        switch self {
        case .stdinTwice, .unknownRule: return .usage
        default: return .unreadableInput
        }
    }
}
