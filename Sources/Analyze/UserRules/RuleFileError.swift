import Fetch

/// A rule file that cannot be used, with where the problem is (1-based line and column).
public struct RuleFileError: UserFacingError, Equatable {
    /// What went wrong, for callers that decide on it (exit codes) without reading the message.
    public enum Kind: String, Equatable, Sendable {
        /// The file could not be read at all (missing, a directory, no permission).
        case unreadable
        /// The file was read but is not a valid rule file (encoding, YAML, schema).
        case invalid
    }

    public var kind: Kind
    public var file: String
    public var line: Int?
    public var column: Int?
    public var problem: String

    public init(file: String, line: Int? = nil, column: Int? = nil, problem: String, kind: Kind = .invalid) {
        self.kind = kind
        self.file = file
        self.line = line
        self.column = column
        self.problem = problem
    }

    /// The file could not be read; `reason` is short (`no such file`, `permission denied`).
    public static func unreadable(file: String, reason: String) -> RuleFileError {
        RuleFileError(file: file, problem: reason, kind: .unreadable)
    }

    public var userMessage: String {
        // One line, always: YAML problems can carry newlines.
        let flat = problem.split(whereSeparator: \.isNewline).joined(separator: " ")
        switch kind {
        case .unreadable:
            return "cannot read rules file \(file): \(flat)"
        case .invalid:
            var place = file
            if let line {
                place += ":\(line)"
                if let column { place += ":\(column)" }
            }
            return "\(place): \(flat)"
        }
    }
}
