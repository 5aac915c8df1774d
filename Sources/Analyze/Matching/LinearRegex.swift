import CPCRE2
import CVectorscan
import Foundation

/// A rule pattern that runs in time linear in the line, whatever the pattern or the line.
///
/// Whether a line matches is decided by Vectorscan, an automaton: no backtracking, so `(a+)+$` on a
/// line of a's costs one pass. Only a line that matched, and only when named captures are wanted, is
/// handed to PCRE2 for the `(?<name>…)` values, under a fixed match budget: a pattern that would
/// backtrack past it is reported as over budget for that line, never a hang.
///
/// Patterns Vectorscan cannot run (lookaround, backreferences, atomic groups, possessive quantifiers)
/// are refused when the rule is compiled, with Vectorscan's reason. Lines are matched as UTF-8
/// (callers pass valid UTF-8: Swift strings' bytes: `.` is one character); `\w`, `\d`, `\s` and `\b` are
/// ASCII classes in both engines (Vectorscan has no Unicode `\b`), where ICU also took non-ASCII letters.
final class LinearRegex: @unchecked Sendable {
    /// Why a pattern was refused.
    struct CompileError: Error, Equatable {
        let reason: String
    }

    let pattern: String
    let caseInsensitive: Bool
    /// Names of the `(?<name>…)` groups, in pattern order, with their PCRE2 group numbers.
    let captureNames: [String]
    private let captureNumbers: [Int32]
    // PCRE2's code is immutable after init and only read while matching.
    private let code: OpaquePointer
    private let flags: UInt32
    /// The flags this pattern is compiled with, for a database that holds it beside others.
    var vectorscanFlags: UInt32 { flags }
    /// Vectorscan's database, built the first time a line is matched: building one costs ~1 ms a pattern
    /// (most of a small run's time, for a catalog of which a log selects a few rules), while checking
    /// that it can be built (`hs_expression_info`, done in `init`) costs a sixth of that.
    private var database: OpaquePointer?
    private var databaseFailed = false
    private let databaseLock = NSLock()

    /// PCRE2 steps one line may use for its captures (a backtracking explosion stops here).
    static let matchLimit: UInt32 = 200_000
    static let depthLimit: UInt32 = 5_000

    init(_ pattern: String, caseInsensitive: Bool = false) throws {
        self.pattern = pattern
        self.caseInsensitive = caseInsensitive

        var flags = UInt32(HS_FLAG_UTF8 | HS_FLAG_ALLOWEMPTY | HS_FLAG_SINGLEMATCH)
        if caseInsensitive { flags |= UInt32(HS_FLAG_CASELESS) }
        self.flags = flags
        // Refuses what Vectorscan cannot run (lookaround, backreferences, …) with the reason `hs_compile`
        // would give, without building the database yet.
        var info: UnsafeMutablePointer<hs_expr_info_t>?
        var compileError: UnsafeMutablePointer<hs_compile_error_t>?
        let status = hs_expression_info(pattern, flags, &info, &compileError)
        if let info { free(info) }
        guard status == HS_SUCCESS else {
            let reason = compileError.flatMap { $0.pointee.message.map { String(cString: $0) } } ?? "invalid pattern"
            if let compileError { hs_free_compile_error(compileError) }
            throw CompileError(reason: Self.plainReason(reason))
        }

        var options = UInt32(PCRE2_UTF | PCRE2_MATCH_INVALID_UTF)
        if caseInsensitive { options |= UInt32(PCRE2_CASELESS) }
        var errorCode: Int32 = 0
        var errorOffset = 0
        let compiled = pattern.withCString { text in
            text.withMemoryRebound(to: UInt8.self, capacity: pattern.utf8.count) {
                pcre2_compile_8($0, pattern.utf8.count, options, &errorCode, &errorOffset, nil)
            }
        }
        guard let compiled else {
            throw CompileError(reason: Self.pcreMessage(errorCode) + " at offset \(errorOffset)")
        }
        code = compiled
        let names = captureGroupNames(in: pattern)
        var numbered: [(String, Int32)] = []
        for name in names {
            let number = name.withCString { text in
                text.withMemoryRebound(to: UInt8.self, capacity: name.utf8.count + 1) {
                    pcre2_substring_number_from_name_8(compiled, $0)
                }
            }
            if number > 0 { numbered.append((name, number)) }
        }
        captureNames = numbered.map(\.0)
        captureNumbers = numbered.map(\.1)
    }

    deinit {
        if let database { hs_free_database(database) }
        pcre2_code_free_8(code)
    }

    /// Builds Vectorscan's database now, if not built yet; throws what `hs_compile` said when it cannot
    /// (the tests build every catalog pattern this way, so none can fail later, on first use).
    func buildDatabase() throws {
        databaseLock.lock()
        defer { databaseLock.unlock() }
        guard database == nil else { return }
        var db: OpaquePointer?
        var compileError: UnsafeMutablePointer<hs_compile_error_t>?
        let status = VectorscanRuntime.withPlatform { hs_compile(pattern, flags, UInt32(HS_MODE_BLOCK), $0, &db, &compileError) }
        guard status == HS_SUCCESS, let db else {
            let reason = compileError.flatMap { $0.pointee.message.map { String(cString: $0) } } ?? "invalid pattern"
            if let compileError { hs_free_compile_error(compileError) }
            databaseFailed = true
            throw CompileError(reason: Self.plainReason(reason))
        }
        database = db
    }

    /// The database, built on first use; nil only if building it failed (a pattern `init` accepted but
    /// `hs_compile` refused: it then never matches, rather than stopping the run).
    fileprivate func builtDatabase() -> OpaquePointer? {
        databaseLock.lock()
        let ready = database, failed = databaseFailed
        databaseLock.unlock()
        if let ready { return ready }
        if failed { return nil }
        try? buildDatabase()
        databaseLock.lock()
        defer { databaseLock.unlock() }
        return database
    }

    /// Whether `subject` (valid UTF-8) holds a match. Linear in its length.
    func matches(_ subject: UnsafeBufferPointer<UInt8>, scratch: MatchScratch) -> Bool {
        guard let (database, space) = scratch.prepared(for: self) else { return false }
        var found = false
        let empty: [UInt8] = [0]
        empty.withUnsafeBufferPointer { fallback in
            let start = subject.count > 0 ? subject.baseAddress : fallback.baseAddress
            guard let data = start.map({ UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) }) else { return }
            withUnsafeMutablePointer(to: &found) { flag in
                _ = VectorscanRuntime.scan(database, data, UInt32(subject.count), 0, space,
                            { _, _, _, _, context in
                                context?.assumingMemoryBound(to: Bool.self).pointee = true
                                return 1 // one match is all we need: stop scanning
                            }, flag)
            }
        }
        return found
    }

    /// What the capture step found on a line that matched.
    enum Captures: Equatable {
        case values([String: String])
        /// PCRE2 ran out of its match budget: the line is reported as skipped for this rule.
        case overBudget
        /// PCRE2 found no match although Vectorscan did (a semantics difference): no values.
        case none
    }

    /// The named captures of the first (leftmost) match in `subject`, within the match budget.
    func captures(in subject: UnsafeBufferPointer<UInt8>) -> Captures {
        guard !captureNames.isEmpty else { return .values([:]) }
        guard let matchData = pcre2_match_data_create_from_pattern_8(code, nil) else { return .none }
        defer { pcre2_match_data_free_8(matchData) }
        let empty: [UInt8] = [0]
        let result = empty.withUnsafeBufferPointer { fallback in
            pcre2_match_8(code, subject.baseAddress ?? fallback.baseAddress, subject.count, 0, 0, matchData, Self.matchContext)
        }
        if result == PCRE2_ERROR_MATCHLIMIT || result == PCRE2_ERROR_DEPTHLIMIT || result == PCRE2_ERROR_HEAPLIMIT {
            return .overBudget
        }
        guard result > 0, let vector = pcre2_get_ovector_pointer_8(matchData) else { return .none }
        var values: [String: String] = [:]
        for (name, number) in zip(captureNames, captureNumbers) where number < result {
            let start = vector[Int(number) * 2], end = vector[Int(number) * 2 + 1]
            // PCRE2_UNSET marks a group that did not take part in the match.
            guard start >= 0, end >= start, end <= subject.count else { continue }
            values[name] = String(decoding: UnsafeBufferPointer(rebasing: subject[start..<end]), as: UTF8.self)
        }
        return .values(values)
    }

    /// One match context for every pattern: it only carries the limits, and matching only reads it.
    private static let matchContext: OpaquePointer? = {
        let context = pcre2_match_context_create_8(nil)
        pcre2_set_match_limit_8(context, matchLimit)
        pcre2_set_depth_limit_8(context, depthLimit)
        return context
    }()

    private static func pcreMessage(_ code: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let length = pcre2_get_error_message_8(code, &buffer, buffer.count)
        return length > 0 ? String(decoding: buffer[0..<Int(length)], as: UTF8.self) : "invalid pattern"
    }

    /// Vectorscan's reasons, said in the terms of the rule schema.
    private static func plainReason(_ message: String) -> String {
        let trimmed = message.hasSuffix(".") ? String(message.dropLast()) : message
        switch trimmed {
        case "Zero-width assertions are not supported":
            return "lookaround ((?=…), (?!…), (?<=…), (?<!…)) is not supported: every pattern must run in linear time; use `exclude` for a line that must not match"
        case "Back-references are unsupported":
            return "backreferences (\\1, \\k<name>) are not supported: every pattern must run in linear time"
        default:
            return trimmed.prefix(1).lowercased() + trimmed.dropFirst()
        }
    }
}

/// Per-analyzer working memory for matching (Vectorscan's scratch is not shared between threads), and
/// the databases this analyzer has used, so a line's match costs one dictionary lookup, no lock.
final class MatchScratch {
    private var scratch: OpaquePointer?
    private var databases: [ObjectIdentifier: OpaquePointer] = [:]
    /// The regex groups (by index) the scratch has been grown for.
    private var grownForGroup: [Bool] = []

    /// Builds (and sizes the scratch for) `patterns` now; others are prepared on first use.
    init(for patterns: [LinearRegex] = []) {
        for pattern in patterns { _ = prepared(for: pattern) }
    }

    deinit {
        if let scratch { hs_free_scratch(scratch) }
    }

    /// The scratch, grown for group `group`'s `database` the first time it is asked for here; nil when Vectorscan refuses.
    func scratch(growingFor database: OpaquePointer, group: Int) -> OpaquePointer? {
        if group < grownForGroup.count, grownForGroup[group], let scratch { return scratch }
        guard hs_alloc_scratch(database, &scratch) == HS_SUCCESS, let scratch else { return nil }
        if group >= grownForGroup.count { grownForGroup += Array(repeating: false, count: group + 1 - grownForGroup.count) }
        grownForGroup[group] = true
        return scratch
    }

    /// The pattern's database and a scratch grown for it (the first time it is used here); nil when the
    /// database could not be built.
    fileprivate func prepared(for pattern: LinearRegex) -> (OpaquePointer, OpaquePointer)? {
        let key = ObjectIdentifier(pattern)
        if let database = databases[key], let scratch { return (database, scratch) }
        guard let database = pattern.builtDatabase(), hs_alloc_scratch(database, &scratch) == HS_SUCCESS,
              let scratch else { return nil }
        databases[key] = database
        return (database, scratch)
    }
}
