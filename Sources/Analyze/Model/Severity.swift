/// How bad a finding is. Ordered: `info` < `warning` < `error` < `critical`.
public enum Severity: String, Codable, CaseIterable, Comparable, Sendable {
    case info
    case warning
    case error
    case critical

    private var rank: Int {
        switch self {
        case .info: return 0
        case .warning: return 1
        case .error: return 2
        case .critical: return 3
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
