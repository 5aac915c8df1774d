/// A run of literal bytes every match of a pattern contains, found by reading the pattern's top level only: the
/// block scan looks for it beside the rules' own literals, so a rule whose literal is a common word runs its
/// regex only on the lines that also hold this run (without it, the regex ran on every line with the word).
///
/// Conservative by construction: anything it does not fully understand (top-level alternation, inline flags
/// other than a leading `(?i)`, `\Q`, numeric and property escapes, non-ASCII) gives no run, which only costs
/// the regex scan the line would have had anyway. Group contents are never read: a group may be optional.
enum RequiredLiteral {
    /// Shorter runs select too many lines to be worth a literal in the block scan.
    static let minimumLength = 4

    /// The longest required run of `pattern` (ASCII), and whether it is to be found without regard to case.
    static func of(_ pattern: String, caseInsensitive: Bool) -> (bytes: [UInt8], caseless: Bool)? {
        var chars = Array(pattern.utf8)[...]
        var caseless = caseInsensitive
        let leadingCaseless = Array("(?i)".utf8)
        if chars.starts(with: leadingCaseless) {
            caseless = true
            chars = chars.dropFirst(leadingCaseless.count)
        }
        var best: [UInt8] = []
        var run: [UInt8] = []
        func endRun() {
            if run.count > best.count { best = run }
            run.removeAll()
        }
        var depth = 0
        var index = chars.startIndex
        while index < chars.endIndex {
            let char = chars[index]
            switch char {
            case UInt8(ascii: "\\"):
                guard index + 1 < chars.endIndex else { return nil }
                let escaped = chars[index + 1]
                index += 2
                if depth > 0 { continue }
                if isAlphanumeric(escaped) {
                    // \d \w \s \b \B \n \t … end the run; escapes that read further characters are not understood.
                    guard Array("dDwWsSbBntrfvAzZ".utf8).contains(escaped) else { return nil }
                    endRun()
                } else if escaped < 0x80 {
                    run.append(escaped)
                } else {
                    return nil
                }
                continue
            case UInt8(ascii: "["):
                // Skip the class: `]` first (or after `^`) is a member; escapes inside are skipped whole.
                var end = index + 1
                if end < chars.endIndex, chars[end] == UInt8(ascii: "^") { end += 1 }
                if end < chars.endIndex, chars[end] == UInt8(ascii: "]") { end += 1 }
                while end < chars.endIndex, chars[end] != UInt8(ascii: "]") {
                    end += chars[end] == UInt8(ascii: "\\") ? 2 : 1
                }
                guard end < chars.endIndex else { return nil }
                if depth == 0 { endRun() }
                index = end + 1
                continue
            case UInt8(ascii: "("):
                if depth == 0 {
                    endRun()
                    // `(?:`, `(?<name>` and `(?P<name>` are groups; any other `(?` changes how the rest reads.
                    if index + 1 < chars.endIndex, chars[index + 1] == UInt8(ascii: "?") {
                        guard index + 2 < chars.endIndex else { return nil }
                        let kind = chars[index + 2]
                        let isGroup = kind == UInt8(ascii: ":") || kind == UInt8(ascii: "P")
                            || (kind == UInt8(ascii: "<") && index + 3 < chars.endIndex && isAlphanumeric(chars[index + 3]))
                        guard isGroup else { return nil }
                    }
                }
                depth += 1
            case UInt8(ascii: ")"):
                guard depth > 0 else { return nil }
                depth -= 1
            case UInt8(ascii: "|"):
                if depth == 0 { return nil }
            case UInt8(ascii: "?"), UInt8(ascii: "*"), UInt8(ascii: "{"):
                // The atom before may be absent (or, after `{`, repeated): it is not part of a required run.
                if depth == 0 {
                    if !run.isEmpty { run.removeLast() }
                    endRun()
                }
                if char == UInt8(ascii: "{") {
                    var end = index + 1
                    while end < chars.endIndex, chars[end] != UInt8(ascii: "}") { end += 1 }
                    index = end + 1
                    continue
                }
            case UInt8(ascii: "+"):
                // The atom before occurs at least once, but what follows need not be next to its first copy.
                if depth == 0 { endRun() }
            case UInt8(ascii: "."), UInt8(ascii: "^"), UInt8(ascii: "$"):
                if depth == 0 { endRun() }
            default:
                if depth == 0 {
                    guard char < 0x80 else { return nil }
                    run.append(char)
                }
            }
            index += 1
        }
        guard depth == 0 else { return nil }
        endRun()
        return best.count >= minimumLength ? (best, caseless) : nil
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }
}
