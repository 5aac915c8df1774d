import Fetch

/// A rule file that cannot be used, with where the problem is (1-based line and column).
public struct RuleFileError: UserFacingError, Equatable {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var problem: String

    public init(file: String, line: Int? = nil, column: Int? = nil, problem: String) {
        self.file = file
        self.line = line
        self.column = column
        self.problem = problem
    }

    public var userMessage: String {
        var place = file
        if let line {
            place += ":\(line)"
            if let column { place += ":\(column)" }
        }
        // One line, always: YAML problems can carry newlines.
        let flat = problem.split(whereSeparator: \.isNewline).joined(separator: " ")
        return "\(place): \(flat)"
    }
}
