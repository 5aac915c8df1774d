import Fetch

/// Problems with what the user asked for that the command line itself finds (Fetch reports files).
enum InputError: UserFacingError, Equatable {
    case unknownRule(id: String)

    var userMessage: String {
        switch self {
        case .unknownRule(let id): return "no rule with id '\(id)' (see 'cbtriage rules list')"
        }
    }

    var exitStatus: ExitStatus {
        switch self {
        case .unknownRule: return .usage
        }
    }
}
