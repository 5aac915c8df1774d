import CPCRE2
import Foundation

/// The redaction patterns, run on bytes in bounded time: one pass of a literal automaton over the text decides
/// which patterns may match at all (each pattern lists the literals one of which its every match holds), and
/// only those are replaced by PCRE2 within a match budget. A text on which PCRE2 runs out of budget is masked
/// whole: over-redaction rather than a leak or a hang. (A Vectorscan prefilter database of the same patterns was
/// measured first: 70 ms to compile on every run that redacts, most of a small run.)
///
/// PCRE2 is compiled to read as NSRegularExpression (ICU) read these patterns before: Unicode classes and word
/// boundaries (`PCRE2_UCP`), and every Unicode line terminator as a newline, so `.` and `$` stop where ICU's did.
final class RedactionPatterns: @unchecked Sendable {
    struct Entry {
        let pattern: String
        let template: String
        /// Every match holds one of these (in any ASCII case when the pattern starts `(?i)`).
        let literals: [String]

        init(_ pattern: String, _ template: String, literals: [String]) {
            self.pattern = pattern
            self.template = template
            self.literals = literals
        }

        var caseless: Bool { pattern.hasPrefix("(?i)") }
    }

    let entries: [Entry]
    private let codes: [OpaquePointer]
    private let templates: [[UInt8]]
    /// Values: indexes into `codes`.
    private let literals: LiteralMatcher

    /// PCRE2's budget for one text (PCRE2's own defaults: ~10⁷ steps, a few ms).
    static let matchLimit: UInt32 = 10_000_000
    static let depthLimit: UInt32 = 10_000_000

    /// Patterns that did not compile are left out; `count` says how many did (the tests require all).
    init(_ entries: [Entry]) {
        var kept: [Entry] = []
        var codes: [OpaquePointer] = []
        let context = pcre2_compile_context_create_8(nil)
        defer { pcre2_compile_context_free_8(context) }
        pcre2_set_newline_8(context, UInt32(PCRE2_NEWLINE_ANY))
        for entry in entries {
            var errorCode: Int32 = 0
            var errorOffset = 0
            let options = UInt32(PCRE2_UTF | PCRE2_UCP)
            let code = entry.pattern.withCString { text in
                text.withMemoryRebound(to: UInt8.self, capacity: entry.pattern.utf8.count) {
                    pcre2_compile_8($0, entry.pattern.utf8.count, options, &errorCode, &errorOffset, context)
                }
            }
            guard let code else { continue }
            kept.append(entry)
            codes.append(code)
        }
        self.entries = kept
        self.codes = codes
        templates = kept.map { Array($0.template.utf8) }
        literals = LiteralMatcher(patterns: kept.enumerated().flatMap { index, entry in
            entry.literals.map { LiteralMatcher.Pattern($0, caseInsensitive: entry.caseless, value: index) }
        })
    }

    deinit {
        for code in codes { pcre2_code_free_8(code) }
    }

    var count: Int { entries.count }

    /// `text` with every pattern replaced in turn (each on the previous one's result), as
    /// `NSRegularExpression.stringByReplacingMatches` did; nil when PCRE2 ran out of budget.
    func replaceAll(in text: String) -> String? {
        var bytes = Array(text.utf8)
        var candidates = mayMatch(bytes)
        for index in codes.indices where candidates[index] {
            guard let replaced = substitute(index, in: bytes) else { return nil }
            guard replaced != bytes else { continue }
            bytes = replaced
            // A replacement changes the text the later patterns see: decide again for them.
            candidates = mayMatch(bytes)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Which patterns may match `bytes`. Text beyond ASCII goes to every pattern: caseless Unicode matching folds
    /// more than ASCII does (`ſ` is an `s`), which a literal pass in ASCII case cannot promise to see.
    func mayMatch(_ bytes: [UInt8]) -> [Bool] {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return Array(repeating: true, count: codes.count) }
        var found = Array(repeating: false, count: codes.count)
        bytes.withUnsafeBufferPointer { buffer in literals.scan(buffer) { found[$0] = true } }
        return found
    }

    /// Pattern `index` replaced everywhere in `bytes`; nil when PCRE2 ran out of budget or failed.
    func substitute(_ index: Int, in bytes: [UInt8]) -> [UInt8]? {
        let code = codes[index]
        guard let matchData = pcre2_match_data_create_from_pattern_8(code, nil) else { return nil }
        defer { pcre2_match_data_free_8(matchData) }
        let options = UInt32(PCRE2_SUBSTITUTE_GLOBAL | PCRE2_SUBSTITUTE_OVERFLOW_LENGTH | PCRE2_NO_UTF_CHECK)
        var capacity = bytes.count + 64
        for _ in 0..<2 {
            var output = [UInt8](repeating: 0, count: capacity)
            var length = capacity
            let result = bytes.withUnsafeBufferPointer { subject in
                templates[index].withUnsafeBufferPointer { template in
                    let empty: [UInt8] = [0]
                    return empty.withUnsafeBufferPointer { fallback in
                        pcre2_substitute_8(code, subject.baseAddress ?? fallback.baseAddress, subject.count, 0, options,
                                           matchData, Self.matchContext, template.baseAddress ?? fallback.baseAddress,
                                           template.count, &output, &length)
                    }
                }
            }
            if result >= 0 { return Array(output[0..<length]) }
            // Too small: `length` now says how much is needed.
            guard result == PCRE2_ERROR_NOMEMORY else { return nil }
            capacity = length
        }
        return nil
    }

    private static let matchContext: OpaquePointer? = {
        let context = pcre2_match_context_create_8(nil)
        pcre2_set_match_limit_8(context, matchLimit)
        pcre2_set_depth_limit_8(context, depthLimit)
        return context
    }()
}
