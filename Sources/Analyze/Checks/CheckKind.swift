import Parse

/// A check that goes beyond one rule's pattern: it keeps state across lines (the registry logged into,
/// the command's text) and reports findings under its own stable rule ids.
///
/// Checks are exposed as `Rule` values (id, category, texts, examples) so that `rules list`, the docs
/// and the example harness treat them like any other rule; their `literals` feed the same one-pass
/// prefilter, and `inspect` runs only on lines where one of them appeared.
public struct CheckKind {
    /// The rules this check reports under.
    public let rules: [Rule]
    /// Substrings (case-insensitive) of every line the check needs to see.
    let literals: [String]
    /// A fresh per-build state.
    let make: () -> LineCheck
    /// Ranking specificity of its findings: a check validated the structure it reports on, so it is more specific
    /// than any pattern (patterns score at most 100); a check that explains a failure outright scores higher.
    let specificity: Int

    init(rules: [Rule], literals: [String], specificity: Int = 110, make: @escaping () -> LineCheck) {
        self.rules = rules
        self.literals = literals
        self.specificity = specificity
        self.make = make
    }

    /// Every built-in check.
    public static var builtin: [CheckKind] {
        [RegistryURICheck.kind, LoginPushMismatchCheck.kind, PushedReferenceNotTaggedCheck.kind, CredentialLeakCheck.kind,
         SecretPrintedCheck.kind]
    }

    /// Every rule the built-in checks report under.
    public static var builtinRules: [Rule] { builtin.flatMap(\.rules) }

    /// The same check without the given rule ids; nil when none of its rules is left.
    func excluding(_ ids: Set<String>) -> CheckKind? {
        let kept = rules.filter { !ids.contains($0.id) }
        if kept.count == rules.count { return self }
        return kept.isEmpty ? nil : CheckKind(rules: kept, literals: literals, specificity: specificity, make: make)
    }

    /// The same check restricted to one of its rules (for running that rule's examples alone).
    func restricted(to ruleId: String) -> CheckKind? {
        let kept = rules.filter { $0.id == ruleId }
        guard !kept.isEmpty else { return nil }
        return CheckKind(rules: kept, literals: literals, specificity: specificity, make: make)
    }
}

/// What a check sees of one line: its message, ANSI colour removed, and where it stands.
struct InspectedLine {
    let number: Int
    let message: String
    let isAgentLine: Bool
    let command: CommandPosition?
    /// The running command's text as the agent printed it (variables not expanded); nil when unknown.
    let commandText: String?
}

/// A check's verdict on one line.
struct CheckHit {
    let ruleId: String
    var captures: [String: String]
    /// What the verdict is about (the defective account id, region, reference). Hits of one rule with
    /// different subjects are findings of their own; nil joins every hit of the rule into one finding.
    var subject: String?

    init(ruleId: String, captures: [String: String], subject: String? = nil) {
        self.ruleId = ruleId
        self.captures = captures
        self.subject = subject
    }
}

/// Per-build state of a check.
protocol LineCheck: AnyObject {
    func inspect(_ line: InspectedLine, emit: (CheckHit) -> Void)
}
