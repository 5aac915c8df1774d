#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The line-number column that a copy from the CodeBuild console adds (`12 | text`, or `12<TAB>text`).
///
/// Decided once, near the start: a log whose first line has the column, or whose first agent
/// lines do (a copy whose first line lost it), is a console copy, and the column is then stripped
/// from every line that has it. A log that starts with plain output or with three agent lines
/// without the column is never stripped, so output that happens to look like `12 | let x = 1`
/// (a compiler's code excerpt) stays intact in a plain log.
///
/// The same holds for the service column of `docker compose` output (`agent_1  | [Container] …`), what a run
/// of the local CodeBuild agent prints: the first agent line behind it fixes the prefix, which is then
/// stripped wherever it appears.
struct ConsoleColumn {
    private enum Mode { case undecided, absent, present }
    private var mode = Mode.undecided
    private var agentLinesWithoutColumn = 0
    /// The previous line was a `--` separator (what a copy of non-adjacent console lines puts between them).
    private var previousWasSeparator = false
    /// `agent_1  | ` once a compose service column was seen in front of an agent line.
    private var servicePrefix: [UInt8]?

    /// Where the line's own text starts.
    mutating func textOffset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        defer { previousWasSeparator = Self.isSeparator(bytes) }
        if let servicePrefix {
            if ByteMatching.hasPrefix(bytes, at: 0, servicePrefix) { return servicePrefix.count }
            // `agent_1  |` alone: the service printed an empty line.
            return bytes.count == servicePrefix.count - 1 && ByteMatching.hasPrefix(bytes, at: 0, Array(servicePrefix.dropLast()))
                ? bytes.count : 0
        }
        if mode != .present, let width = Self.serviceColumnWidth(bytes), AgentPrefix.parse(bytes, at: width) != nil {
            servicePrefix = Array(bytes[0..<width])
            return width
        }
        switch mode {
        case .absent:
            // An excerpt can start with lines copied from elsewhere and go on with console lines: a column
            // followed by an agent line, or right after a `--` separator, marks the copy from there on.
            if let width = Self.columnWidth(bytes),
               previousWasSeparator || AgentPrefix.parse(bytes, at: ExcerptDebris.textStart(bytes, from: width)) != nil {
                mode = .present
                return width
            }
            return 0
        case .present:
            return Self.columnWidth(bytes) ?? 0
        case .undecided:
            guard !bytes.isEmpty else { return 0 }
            if let width = Self.columnWidth(bytes) {
                // The first line, a column right after a `--` separator, or a column followed by an agent
                // line: a console copy (its first line is sometimes copied without the column).
                if agentLinesWithoutColumn == 0 || previousWasSeparator || AgentPrefix.parse(bytes, at: width) != nil {
                    mode = .present
                    return width
                }
                return 0
            }
            // A plain log starts with several agent lines; after three without a column, it is one.
            if AgentPrefix.parse(bytes, at: 0) != nil {
                agentLinesWithoutColumn += 1
                if agentLinesWithoutColumn >= 3 { mode = .absent }
            } else if agentLinesWithoutColumn == 0 {
                mode = .absent
            }
            return 0
        }
    }

    /// Width of a leading compose service column `name  | ` (a name with a letter, spaces, a bar, a space).
    static func serviceColumnWidth(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        // Most lines have no `|` at all: one vectorised search settles them.
        guard let base = bytes.baseAddress, memchr(base, Int32(UInt8(ascii: "|")), bytes.count) != nil else { return nil }
        var index = 0
        var sawLetter = false
        while index < bytes.count, index < 64 {
            let byte = bytes[index]
            let isLetter = (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            guard isLetter || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
                    || byte == UInt8(ascii: ".") else { break }
            sawLetter = sawLetter || isLetter
            index += 1
        }
        guard sawLetter, index > 0, index < bytes.count, bytes[index] == 0x20 else { return nil }
        while index < bytes.count, bytes[index] == 0x20 { index += 1 }
        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "|"), bytes[index + 1] == 0x20 else { return nil }
        return index + 2
    }

    /// `--` alone on a line (with the column or without).
    static func isSeparator(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var end = bytes.count
        // Settled from the end for nearly every line: a separator ends in `--` before its blanks.
        while end > 0, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 || bytes[end - 1] == 0x0D { end -= 1 }
        guard end >= 2, bytes[end - 1] == UInt8(ascii: "-"), bytes[end - 2] == UInt8(ascii: "-") else { return false }
        var start = columnWidth(bytes) ?? 0
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 || bytes[end - 1] == 0x0D { end -= 1 }
        return end - start == 2 && bytes[start] == UInt8(ascii: "-") && bytes[start + 1] == UInt8(ascii: "-")
    }

    /// Width of a leading `  12 | `, `12 |`, `12|` or `12\t` column, or nil.
    static func columnWidth(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        while index < bytes.count && bytes[index] == 0x20 { index += 1 }
        let digitsStart = index
        while index < bytes.count && bytes[index] >= 0x30 && bytes[index] <= 0x39 { index += 1 }
        let digitCount = index - digitsStart
        guard digitCount >= 1 && digitCount <= 9, index < bytes.count else { return nil }
        if bytes[index] == 0x09 { return index + 1 }
        while index < bytes.count && bytes[index] == 0x20 { index += 1 }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "|") else { return nil }
        index += 1
        if index < bytes.count && bytes[index] == 0x20 { index += 1 }
        return index
    }
}
