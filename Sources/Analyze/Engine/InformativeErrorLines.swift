/// How much an error-looking line says about a failure, as a senior engineer reads a log: the line that
/// names what went wrong (`error: …`, `fatal: …`, `AccessDenied`, `No such file`) over the wrappers that only
/// repeat that something failed (`npm ERR! code 1`, `make: *** Error 1`, `exit status 1`, `returned a
/// non-zero code`) and the advice lines (`A complete log of this run …`, `Run with --stacktrace`).
///
/// Scores are small integers; a line scoring at least `failureThreshold` looks like a failure by itself,
/// which is what lets an excerpt without any phase line still get a root cause, and what keeps a
/// successful build's `npm WARN` or a test named "returns error on …" from being taken for one.
enum InformativeErrorLines {
    static let failureThreshold = 3

    private static let strong: [(String, Int)] = [
        ("error:", 3), ("Error:", 3), ("ERROR:", 3), ("[ERROR]", 3), ("ERROR ", 2), ("error ", 1), ("Error ", 1),
        ("npm ERR!", 3), ("ERR!", 2), ("E: ", 2), ("fatal:", 3), ("FATAL", 3), ("Fatal", 2), ("Exception", 2), ("Traceback (most recent call last)", 3), ("panic:", 3),
        ("denied", 3), ("Denied", 3), ("not authorized", 3), ("Unauthorized", 3), ("unauthorized", 3),
        ("Forbidden", 2), ("not found", 2), ("Not Found", 2), ("No such", 2), ("no such", 2),
        ("does not exist", 2), ("cannot", 2), ("Cannot", 2), ("can't", 2), ("unable to", 2), ("Unable to", 2),
        ("invalid", 2), ("Invalid", 2), ("timed out", 2), ("timeout", 2), ("refused", 2), ("Killed", 2),
        ("failed", 1), ("Failed", 1), ("FAILED", 1), ("failure", 1), ("Failure", 1),
    ]

    private static let wrappers: [(String, Int)] = [
        ("A complete log of this run can be found", -6), ("npm ERR! code ", -3), ("npm ERR! errno", -3),
        ("npm ERR! path", -3), ("npm ERR! command", -3), ("npm ERR! syscall", -2), ("lerna ERR!", -2),
        ("make: ***", -3), ("exit status", -2), ("exit code", -2), ("returned a non-zero code", -2),
        ("did not complete successfully", -2), ("Command did not exit successfully", -4),
        ("Error while executing command", -4), ("COMMAND_EXECUTION_ERROR", -4), ("ERROR: Job failed", -3),
        ("--stacktrace", -4), ("Run with --info", -4), ("--debug option", -4), ("for more details", -2),
        ("BUILD FAILURE", -1), ("BUILD FAILED", -1), ("Build failed", -1), ("error Command failed", -2),
        ("info Visit", -4), ("warning", -3), ("Warning", -3), ("WARN", -3), ("deprecated", -3),
        ("0 errors", -6), ("0 failed", -6), ("0 failures", -6), ("Failures: 0", -6), ("errors: 0", -6),
        ("✓", -4), ("✔", -4), ("PASS ", -3), ("passed", -2), ("Successfully", -4), ("|| true", -4),
    ]

    /// The line's score (higher says more); 0 or less says nothing.
    static func score(_ text: String) -> Int {
        var copy = text
        return copy.withUTF8 { score(validUTF8: $0) }
    }

    /// The score of a line's message bytes. Invalid UTF-8 is scored as the text it decodes to (U+FFFD for
    /// each bad sequence), as `score(_:)` would see it; valid bytes are searched in place, no `String` made.
    static func score(bytes: UnsafeBufferPointer<UInt8>) -> Int {
        if ByteSearch.isASCII(bytes) { return score(validUTF8: bytes) }
        return score(String(decoding: bytes, as: UTF8.self))
    }

    // One pass of an Aho-Corasick automaton over all markers, not `String.contains` per marker: Foundation's
    // version is a locale-aware UTF-16 search that cost more than the rest of the engine on logs full of
    // `Errors: 0` lines. The markers are ASCII (and ✓ ✔), so byte containment in the UTF-8 text is what
    // `contains` meant. Each marker counts once however often it occurs. (`ErrorLineScorer` finds the same
    // markers with Vectorscan, for the analyzer's lines.)
    private static func score(validUTF8 text: UnsafeBufferPointer<UInt8>) -> Int {
        // One bit per marker, on the stack: strong markers are values `0..<strong.count`, wrappers follow.
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: markerWords) { present in
            present.initialize(repeating: 0)
            markers.scan(text) { index in present[index >> 6] |= 1 << UInt64(index & 63) }
            return value(present: UnsafeBufferPointer(present), length: text.count)
        }
    }

    /// The score of a line of `length` bytes holding the markers whose bits are set in `present`
    /// (`markerWords` words, bit i for marker value i).
    static func value(present: UnsafeBufferPointer<UInt64>, length: Int) -> Int {
        // Only the markers present are visited (a line holds a few of the ~90).
        var strongValue = 0
        var wrapperValue = 0
        let strongCount = strong.count
        for word in 0..<present.count {
            var bits = present[word]
            while bits != 0 {
                let index = word << 6 | bits.trailingZeroBitCount
                bits &= bits - 1
                if index < strongCount { strongValue += weights[index] } else { wrapperValue += weights[index] }
            }
        }
        // One strong marker is enough to look like an error; many only say it louder.
        var value = min(strongValue, 6) + wrapperValue
        if length < 12 { value -= 1 } else if length > 400 { value -= 1 }
        return value
    }

    static let markerWords = (strong.count + wrappers.count + 63) / 64
    /// Each marker's weight, by matcher value: strong markers first, then wrappers.
    private static let weights = (strong + wrappers).map(\.1)
    /// Every marker as a literal whose value is its bit: strong markers first, then wrappers.
    static let markerPatterns: [LiteralMatcher.Pattern] = (strong.map(\.0) + wrappers.map(\.0)).enumerated().map {
        .init($0.element, caseInsensitive: false, value: $0.offset)
    }
    private static let markers = LiteralMatcher(patterns: markerPatterns)
}

/// The most informative error-looking lines of one command's output (or of a phase, or of an excerpt
/// outside any phase): the best few by score, ties to the earliest, so memory stays bounded.
struct InformativeLineSet {
    private(set) var entries: [(line: NumberedLine, score: Int)] = []
    let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    mutating func offer(_ line: NumberedLine, score: Int) {
        guard capacity > 0 else { return }
        if entries.count == capacity {
            guard let weakest = entries.indices.min(by: { Self.isBetter(entries[$1], than: entries[$0]) }),
                  Self.isBetter((line, score), than: entries[weakest]) else { return }
            entries.remove(at: weakest)
        }
        entries.append((line, score))
    }

    /// Kept lines in log order.
    var lines: [NumberedLine] { entries.map(\.line).sorted { $0.number < $1.number } }

    /// The line that says most; ties go to the earliest (a cascade's first error is usually its cause).
    var best: (line: NumberedLine, score: Int)? {
        entries.min { Self.isBetter($0, than: $1) }
    }

    private static func isBetter(_ lhs: (line: NumberedLine, score: Int), than rhs: (line: NumberedLine, score: Int)) -> Bool {
        lhs.score != rhs.score ? lhs.score > rhs.score : lhs.line.number < rhs.line.number
    }
}
