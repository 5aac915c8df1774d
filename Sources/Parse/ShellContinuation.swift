/// Decides whether the text of a `Running command` line is an unfinished shell script, so that
/// the lines after it are more of the command (a YAML block scalar `- |` printed by the agent)
/// rather than its output.
///
/// The heuristic, online and without looking ahead: the command continues while its text so far
/// is open shell syntax: an unclosed quote, `if`/`case`/`for`/`while`/`until` (`do`) or a `{`
/// or `(` not yet closed, a here-document not yet ended, or a line ending in `\`, `&&`, `||` or
/// `|`. A block of independent complete lines (`echo a` then `echo b`) cannot be told from
/// output this way: its later lines count as output. Bounded: at most `maxLines` lines.
struct ShellContinuation {
    static let maxLines = 200

    private var inSingleQuote = false
    private var inDoubleQuote = false
    private var depth = 0
    private var caseDepth = 0
    private var hereDocDelimiter: String?
    private var endsWithJoin = false
    private(set) var lines = 0

    var isOpen: Bool {
        guard lines < Self.maxLines else { return false }
        return inSingleQuote || inDoubleQuote || depth > 0 || hereDocDelimiter != nil || endsWithJoin
    }

    mutating func add(_ line: String) {
        lines += 1
        if let delimiter = hereDocDelimiter {
            if line.trimmingLeadingTabs == delimiter { hereDocDelimiter = nil }
            return
        }
        var word = ""
        var pendingHereDoc = false
        var previous: Character = " "
        var escaped = false
        var comment = false
        func endWord() {
            if pendingHereDoc && !word.isEmpty {
                hereDocDelimiter = word.filter { $0 != "'" && $0 != "\"" && $0 != "-" }
                pendingHereDoc = false
            } else {
                countKeyword(word)
            }
            word = ""
        }
        for character in line {
            defer { previous = character }
            if comment { break }
            if escaped {
                escaped = false
                word.append(character)
                continue
            }
            if inSingleQuote {
                if character == "'" { inSingleQuote = false }
                word.append(character)
                continue
            }
            if character == "\\" {
                escaped = true
                continue
            }
            if inDoubleQuote {
                if character == "\"" { inDoubleQuote = false }
                word.append(character)
                continue
            }
            switch character {
            case "'": inSingleQuote = true; word.append(character)
            case "\"": inDoubleQuote = true; word.append(character)
            case "#" where word.isEmpty: comment = true
            case " ", "\t", ";", "&", "|", ">":
                endWord()
            case "<":
                endWord()
                if previous == "<" { pendingHereDoc = true }
            case "(":
                endWord()
                // Inside a case block parentheses are patterns, not grouping: not counted.
                if caseDepth == 0 { depth += 1 }
            case ")":
                endWord()
                // `pattern)` in a case block closes nothing.
                if caseDepth == 0 { depth = max(0, depth - 1) }
            default:
                word.append(character)
            }
        }
        endWord()
        let trimmed = line.trimmingTrailingSpaces
        endsWithJoin = escaped || trimmed.hasSuffix("&&") || trimmed.hasSuffix("||") || trimmed.hasSuffix("|")
            || (trimmed.hasSuffix("\\") && !inSingleQuote)
    }

    private mutating func countKeyword(_ word: String) {
        switch word {
        case "if", "do", "{": depth += 1
        case "case": depth += 1; caseDepth += 1
        case "fi", "done", "}": depth = max(0, depth - 1)
        case "esac": depth = max(0, depth - 1); caseDepth = max(0, caseDepth - 1)
        default: break
        }
    }
}

private extension String {
    var trimmingLeadingTabs: String { String(drop { $0 == "\t" || $0 == " " }) }
    var trimmingTrailingSpaces: String {
        var text = Substring(self)
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return String(text)
    }
}
