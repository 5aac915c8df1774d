/// What people's copies of a log put in front of a line's own text: the indentation a quote or a
/// comment adds, Markdown blockquote markers (`> `), an inline-code backtick. None of it is the log's,
/// so a message starts after it; the line itself is kept whole for display.
///
/// Deliberately not skipped: `* ` and `- ` (Gradle prints `* What went wrong:`, YAML dumps start with
/// `- `), and anything inside the line.
enum ExcerptDebris {
    /// Where the line's own text starts at or after `offset`.
    @inline(__always)
    static func textStart(_ bytes: UnsafeBufferPointer<UInt8>, from offset: Int) -> Int {
        var index = offset
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x09 || byte == UInt8(ascii: "`") {
                index += 1
            } else if byte == UInt8(ascii: ">"), index + 1 < bytes.count, bytes[index + 1] == 0x20 || bytes[index + 1] == UInt8(ascii: ">") {
                index += 1
            } else {
                break
            }
        }
        // A line of only debris keeps its text (an empty message is no help to anyone).
        return index < bytes.count ? index : offset
    }
}
