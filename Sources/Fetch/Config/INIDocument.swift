/// A parsed `~/.aws/config` or `~/.aws/credentials` file, before any meaning is given to its sections.
///
/// The format is the one botocore reads with `configparser`: `[section]` headers, `key = value`
/// (or `key: value`) lines, whole-line `#` / `;` comments, and a key with an empty value followed by
/// indented `key = value` lines, which makes a nested sub-section (`s3 =\n  max_concurrent_requests = 10`).
/// Keys are lower-cased, as `configparser` does; section names keep their case.
public struct INIDocument: Equatable, Sendable {
    public struct Section: Equatable, Sendable {
        /// The text between the brackets, trimmed (`default`, `profile dev`, `sso-session corp`).
        public var name: String
        /// 1-based line of the header, for messages.
        public var line: Int
        public var values: [String: String]
        /// Nested sub-sections by their key (`s3`, `cloudwatch_logs`).
        public var nested: [String: [String: String]]

        public init(name: String, line: Int, values: [String: String] = [:],
                    nested: [String: [String: String]] = [:]) {
            self.name = name
            self.line = line
            self.values = values
            self.nested = nested
        }
    }

    /// Sections in file order; a repeated header is merged into the first (later keys win).
    public var sections: [Section]

    public init(sections: [Section]) {
        self.sections = sections
    }

    public func section(named name: String) -> Section? {
        sections.first { $0.name == name }
    }
}
