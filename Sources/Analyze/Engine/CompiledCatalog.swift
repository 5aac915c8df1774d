import Fetch
import Foundation

/// A rule whose regexes are compiled, ready for the per-line loop. A class: the loop takes a candidate rule
/// many times a line, and copying this struct retained each of its fields (half the time of a run whose rules
/// share common literals).
final class CompiledRule {
    let rule: Rule
    let regex: LinearRegex?
    /// A line this matches is not a match of the rule.
    let exclude: LinearRegex?
    let commandRegex: LinearRegex?
    /// Upper-cased phase names; empty means any phase.
    let phases: Set<String>
    /// Literal bytes for the reference (prefilter-off) path.
    let literalBytes: [[UInt8]]
    /// Rough specificity used to break ranking ties: a regex, a scope and long literals all narrow a rule.
    let specificity: Int

    init(rule: Rule, regex: LinearRegex?, exclude: LinearRegex?, commandRegex: LinearRegex?, phases: Set<String>,
         literalBytes: [[UInt8]], specificity: Int) {
        self.rule = rule
        self.regex = regex
        self.exclude = exclude
        self.commandRegex = commandRegex
        self.phases = phases
        self.literalBytes = literalBytes
        self.specificity = specificity
    }
}

/// Why a set of rules could not be compiled.
public enum CatalogError: UserFacingError, Equatable {
    case invalidRegex(ruleId: String, pattern: String, reason: String)
    case invalidExclude(ruleId: String, pattern: String, reason: String)
    case invalidCommandPattern(ruleId: String, pattern: String, reason: String)
    case noLiterals(ruleId: String)
    case duplicateId(String)

    public var userMessage: String {
        switch self {
        case .invalidRegex(let id, let pattern, let reason):
            return "rule \(id): regex \(pattern) does not compile: \(reason)"
        case .invalidExclude(let id, let pattern, let reason):
            return "rule \(id): exclude \(pattern) does not compile: \(reason)"
        case .invalidCommandPattern(let id, let pattern, let reason):
            return "rule \(id): scope.commandPattern \(pattern) does not compile: \(reason)"
        case .noLiterals(let id):
            return "rule \(id): needs at least one non-empty literal (every match must contain one)"
        case .duplicateId(let id):
            return "rule id \(id) is used more than once"
        }
    }
}

/// A set of rules made ready for matching: literals in one multi-literal matcher, regexes compiled.
/// Build it once and share it across builds (a summary analyses many).
///
/// Checks that go beyond patterns (ECR registry URIs, login vs push, leaked credentials) are part of
/// every catalog unless `checks` says otherwise; their literals join the same matcher, so adding
/// rules or checks never adds a pass over the log.
public final class CompiledCatalog {
    /// The pattern rules, as given.
    public let rules: [Rule]
    /// The checks beyond patterns that run with these rules.
    public let checks: [CheckKind]
    /// Off: every rule's literal test and regex run on every line (the reference the prefilter must equal).
    public let usesPrefilter: Bool

    let compiled: [CompiledRule]
    /// Values below `rules.count` are rule indexes; `rules.count + k` selects `checks[k]`;
    /// `errorWordValue` marks an error-looking word.
    let matcher: LiteralMatcher
    /// The matcher value that marks an error-looking word (for the unclassified fallback).
    let errorWordValue: Int
    /// The same literals as `matcher`, for scanning the reader's blocks whole (prefilter on only).
    let blockLiterals: BlockLiteralDatabase?
    /// `requiredLiteralValueBase + i`: the block scan found rule i's required run (`RequiredLiteral`); only
    /// rules with `hasRequiredLiteral[i]` have one.
    let requiredLiteralValueBase: Int
    let hasRequiredLiteral: [Bool]
    /// Rules always selected together (same literals and case mode) with a regex each, two or more to a group,
    /// matched with one scan a line (prefilter on only); `regexGroupOfRule[i]` is rule i's group or -1.
    let regexGroups: [RegexGroupDatabase]
    let regexGroupOfRule: [Int]
    /// The error-looking words alone, for the prefilter-off path.
    let errorWords: LiteralMatcher
    /// Every rule a finding can come from: pattern rules, then each check's rules.
    let reportableRules: [Rule]
    /// Ranking specificity per reportable slot: the compiled rule's, or its check's.
    let slotSpecificity: [Int]
    let slotOfRuleId: [String: Int]

    public convenience init(rules: [Rule]) throws {
        try self.init(rules: rules, checks: CheckKind.builtin, usesPrefilter: true)
    }

    public init(rules: [Rule], checks: [CheckKind], usesPrefilter: Bool = true) throws {
        // A check's own rule passed in with the pattern rules (e.g. a full `rules list` set) stays the
        // check's: as a pattern rule it would fire on its bare literal. Any other rule with a check
        // rule's id replaces that check rule (a user's override).
        let checkRules = checks.flatMap(\.rules)
        let rules = rules.filter { !checkRules.contains($0) }
        self.rules = rules
        let patternIds = Set(rules.map(\.id))
        let checks = checks.compactMap { $0.excluding(patternIds) }
        self.checks = checks
        self.usesPrefilter = usesPrefilter

        var seen = Set<String>()
        var compiled: [CompiledRule] = []
        var patterns: [LiteralMatcher.Pattern] = []
        for (index, rule) in rules.enumerated() {
            guard seen.insert(rule.id).inserted else { throw CatalogError.duplicateId(rule.id) }
            let literals = rule.literals.filter { !$0.isEmpty }
            guard !literals.isEmpty else { throw CatalogError.noLiterals(ruleId: rule.id) }
            for literal in literals {
                patterns.append(.init(literal, caseInsensitive: rule.caseInsensitive, value: index))
            }
            compiled.append(try Self.compile(rule, literals: literals))
        }
        for (offset, check) in checks.enumerated() {
            for literal in check.literals {
                patterns.append(.init(literal, caseInsensitive: true, value: rules.count + offset))
            }
        }
        // Error-looking words ride in the same automaton, so the unclassified fallback costs no extra pass.
        errorWordValue = rules.count + checks.count
        for word in ErrorWords.all { patterns.append(.init(word, caseInsensitive: true, value: errorWordValue)) }
        self.compiled = compiled
        matcher = LiteralMatcher(patterns: patterns)
        // The block scan also looks for each regex's required run (`RequiredLiteral`), under its own values.
        requiredLiteralValueBase = errorWordValue + 1
        var required: [LiteralMatcher.Pattern] = []
        var hasRequired = compiled.map { _ in false }
        for (index, rule) in compiled.enumerated() {
            guard let pattern = rule.rule.regex,
                  let run = RequiredLiteral.of(pattern, caseInsensitive: rule.rule.caseInsensitive) else { continue }
            // A run that is one of the rule's own literals is there on every line that selects the rule.
            let fold: ([UInt8]) -> [UInt8] = { run.caseless ? $0.map(asciiLower) : $0 }
            guard !rule.literalBytes.contains(where: { fold($0) == fold(run.bytes) && (run.caseless || !rule.rule.caseInsensitive) })
            else { continue }
            required.append(.init(String(decoding: run.bytes, as: UTF8.self), caseInsensitive: run.caseless,
                                  value: requiredLiteralValueBase + index))
            hasRequired[index] = true
        }
        hasRequiredLiteral = hasRequired
        // A rule with a required run is listed apart under its literals: on an ASCII line it is a candidate only
        // where its run is too (`Analyzer.collectCandidates`), so a common literal does not select it everywhere.
        let deferred = Set(hasRequired.indices.filter { hasRequired[$0] })
        blockLiterals = usesPrefilter ? BlockLiteralDatabase(patterns: patterns + required, deferred: deferred) : nil
        errorWords = LiteralMatcher(patterns: ErrorWords.all.map { .init($0, caseInsensitive: true, value: 0) })
        (regexGroups, regexGroupOfRule) = usesPrefilter ? Self.regexGroups(compiled) : ([], compiled.map { _ in -1 })

        var reportable = rules
        var specificity = compiled.map(\.specificity)
        for check in checks {
            reportable.append(contentsOf: check.rules)
            specificity.append(contentsOf: Array(repeating: check.specificity, count: check.rules.count))
        }
        slotSpecificity = specificity
        var slots: [String: Int] = [:]
        for (slot, rule) in reportable.enumerated() {
            guard slots[rule.id] == nil else { throw CatalogError.duplicateId(rule.id) }
            slots[rule.id] = slot
        }
        reportableRules = reportable
        slotOfRuleId = slots
    }

    /// The same rules and checks with the prefilter switched on or off.
    public func withPrefilter(_ enabled: Bool) throws -> CompiledCatalog {
        try CompiledCatalog(rules: rules, checks: checks, usesPrefilter: enabled)
    }

    private struct SelectionKey: Hashable {
        let literals: [String]
        let caseInsensitive: Bool
    }

    private static func regexGroups(_ compiled: [CompiledRule]) -> ([RegexGroupDatabase], [Int]) {
        var membersByKey: [SelectionKey: [(rule: Int, regex: LinearRegex)]] = [:]
        var keys: [SelectionKey] = []
        for (index, rule) in compiled.enumerated() {
            guard let regex = rule.regex else { continue }
            let caseless = rule.rule.caseInsensitive
            let literals = rule.literalBytes.map { String(decoding: caseless ? $0.map(asciiLower) : $0, as: UTF8.self) }
            let key = SelectionKey(literals: Array(Set(literals)).sorted(), caseInsensitive: caseless)
            if membersByKey[key] == nil { keys.append(key) }
            membersByKey[key, default: []].append((index, regex))
        }
        var groups: [RegexGroupDatabase] = []
        var groupOfRule = compiled.map { _ in -1 }
        for key in keys {
            guard let members = membersByKey[key], members.count >= 2 else { continue }
            for member in members { groupOfRule[member.rule] = groups.count }
            groups.append(RegexGroupDatabase(members: members, index: groups.count))
        }
        return (groups, groupOfRule)
    }

    private static func compile(_ rule: Rule, literals: [String]) throws -> CompiledRule {
        var regex: LinearRegex?
        if let pattern = rule.regex {
            do {
                regex = try LinearRegex(pattern, caseInsensitive: rule.caseInsensitive)
            } catch let error as LinearRegex.CompileError {
                throw CatalogError.invalidRegex(ruleId: rule.id, pattern: pattern, reason: error.reason)
            }
        }
        var exclude: LinearRegex?
        if let pattern = rule.exclude, !pattern.isEmpty {
            do {
                exclude = try LinearRegex(pattern, caseInsensitive: rule.caseInsensitive)
            } catch let error as LinearRegex.CompileError {
                throw CatalogError.invalidExclude(ruleId: rule.id, pattern: pattern, reason: error.reason)
            }
        }
        var commandRegex: LinearRegex?
        if let pattern = rule.scope?.commandPattern, !pattern.isEmpty {
            do {
                commandRegex = try LinearRegex(pattern)
            } catch let error as LinearRegex.CompileError {
                throw CatalogError.invalidCommandPattern(ruleId: rule.id, pattern: pattern, reason: error.reason)
            }
        }
        let phases = Set((rule.scope?.phases ?? []).map { $0.uppercased() })
        let longest = literals.map(\.utf8.count).max() ?? 0
        let specificity = (regex == nil ? 0 : 40) + (phases.isEmpty ? 0 : 10)
            + (commandRegex == nil ? 0 : 10) + min(longest, 40)
        return CompiledRule(rule: rule, regex: regex, exclude: exclude, commandRegex: commandRegex,
                            phases: phases, literalBytes: literals.map { Array($0.utf8) },
                            specificity: specificity)
    }

    /// Every distinct literal the one-pass scan looks for, in catalog order: rules' literals, checks'
    /// literals, then the error-looking words of the unclassified fallback. `rules literals` prints them so
    /// a benchmark can hand the same set to `rg -F -f` / `grep -F -f`.
    public var prefilterLiterals: [String] {
        var seen = Set<String>()
        let all = compiled.flatMap { $0.rule.literals } + checks.flatMap(\.literals) + ErrorWords.all
        return all.filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    /// Every compiled pattern, for sizing an analyzer's match scratch once.
    var linearPatterns: [LinearRegex] {
        compiled.flatMap { [$0.regex, $0.exclude, $0.commandRegex].compactMap { $0 } }
    }
}

/// The names of `(?<name>…)` groups in an ICU pattern, skipping escaped parentheses.
func captureGroupNames(in pattern: String) -> [String] {
    var names: [String] = []
    let chars = Array(pattern.unicodeScalars)
    var index = 0
    var inClass = false
    while index < chars.count {
        let char = chars[index]
        if char == "\\" { index += 2; continue }
        if char == "[" { inClass = true } else if char == "]" { inClass = false }
        if !inClass, char == "(", index + 3 < chars.count, chars[index + 1] == "?", chars[index + 2] == "<",
           chars[index + 3] != "=", chars[index + 3] != "!" {
            var end = index + 3
            var name = ""
            while end < chars.count, chars[end] != ">" {
                name.unicodeScalars.append(chars[end])
                end += 1
            }
            if !name.isEmpty { names.append(name) }
            index = end
        }
        index += 1
    }
    return names
}

/// Words that make an output line look like an error, for the unclassified fallback.
enum ErrorWords {
    static let all = [
        "error", "fatal", "failed", "failure", "denied", "exception", "cannot", "can't", "unable",
        "not found", "no such", "refused", "timed out", "panic", "traceback", "killed", "invalid",
    ]
}
