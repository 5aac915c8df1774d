/// Turns the text of an AWS shared config file into an `INIDocument`.
///
/// Takes a `String` (and the path, only for messages), so tests need no files. Errors carry the
/// path and 1-based line; they quote the offending key at most, never a value (values can be secrets).
public enum INIParser {
    public static func parse(_ text: String, path: String) throws -> INIDocument {
        var sections: [INIDocument.Section] = []
        var indexByName: [String: Int] = [:]
        var current: Int?
        // The key whose value was empty: indented lines below it form its nested sub-section.
        var nestedKey: String?
        // The key with a value: an indented line below it continues that value.
        var continuedKey: String?

        var lineNumber = 0
        // "\r\n" is a single Character, so both line ends are named.
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            lineNumber += 1
            var line = Substring(rawLine)
            if line.last == "\r" { line = line.dropLast() }
            let isIndented = line.first == " " || line.first == "\t"
            let content = line.trimmingWhitespace()
            if content.isEmpty || content.first == "#" || content.first == ";" { continue }

            if isIndented, let index = current, nestedKey != nil || continuedKey != nil {
                if let parent = nestedKey {
                    let (key, value) = try splitAssignment(content, path: path, line: lineNumber)
                    sections[index].nested[parent, default: [:]][key] = value
                } else if let key = continuedKey {
                    let previous = sections[index].values[key] ?? ""
                    sections[index].values[key] = previous + "\n" + stripInlineComment(content)
                }
                continue
            }
            nestedKey = nil
            continuedKey = nil

            if content.first == "[" {
                // Like configparser, text after the closing bracket may only be a comment.
                guard let close = content.lastIndex(of: "]") else {
                    throw ConfigError.syntax(path: path, line: lineNumber, reason: "section header has no closing ']'")
                }
                let trailing = content[content.index(after: close)...].trimmingWhitespace()
                guard trailing.isEmpty || trailing.first == "#" || trailing.first == ";" else {
                    throw ConfigError.syntax(path: path, line: lineNumber, reason: "unexpected text after the section header")
                }
                let name = content[content.index(after: content.startIndex)..<close].trimmingWhitespace()
                guard !name.isEmpty else {
                    throw ConfigError.syntax(path: path, line: lineNumber, reason: "empty section name '[]'")
                }
                let key = String(name)
                if let existing = indexByName[key] {
                    current = existing
                } else {
                    sections.append(INIDocument.Section(name: key, line: lineNumber))
                    indexByName[key] = sections.count - 1
                    current = sections.count - 1
                }
                continue
            }

            guard let index = current else {
                throw ConfigError.syntax(path: path, line: lineNumber,
                                         reason: "setting before any [section] header")
            }
            let (key, value) = try splitAssignment(content, path: path, line: lineNumber)
            if value.isEmpty {
                nestedKey = key
                sections[index].nested[key] = sections[index].nested[key] ?? [:]
            } else {
                continuedKey = key
                sections[index].values[key] = value
            }
        }
        return INIDocument(sections: sections)
    }

    /// `key = value` or `key: value`, whichever separator comes first.
    private static func splitAssignment(_ content: Substring, path: String, line: Int) throws -> (String, String) {
        guard let separator = content.firstIndex(where: { $0 == "=" || $0 == ":" }) else {
            throw ConfigError.syntax(path: path, line: line, reason: "expected 'key = value' or a [section] header")
        }
        let key = content[..<separator].trimmingWhitespace().lowercased()
        guard !key.isEmpty else {
            throw ConfigError.syntax(path: path, line: line, reason: "setting has no name before '='")
        }
        let value = stripInlineComment(content[content.index(after: separator)...].trimmingWhitespace())
        return (key, value)
    }

    /// Drops ` # …` / ` ; …` after whitespace, as the other AWS SDKs do; `#` inside a value stays.
    private static func stripInlineComment(_ value: Substring) -> String {
        var previousWasSpace = false
        for index in value.indices {
            let character = value[index]
            if previousWasSpace && (character == "#" || character == ";") {
                return String(value[..<index].trimmingWhitespace())
            }
            previousWasSpace = character == " " || character == "\t"
        }
        return String(value)
    }
}
