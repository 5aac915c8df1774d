/// Where a rule may fire. Empty lists mean anywhere.
public struct RuleScope: Codable, Equatable, Sendable {
    /// Phase names (`BUILD`, `POST_BUILD`, …) whose lines the rule looks at.
    public var phases: [String]
    /// A regex that the running command's text must match (e.g. `docker (push|pull)`).
    public var commandPattern: String?

    public init(phases: [String] = [], commandPattern: String? = nil) {
        self.phases = phases
        self.commandPattern = commandPattern
    }
}

/// One known failure pattern, with the proof that it works.
///
/// Matching contract: a line is a candidate only if it contains at least one of `literals`
/// (case-sensitive unless `caseInsensitive`); the `regex`, when present, must then match the line's
/// message, and its named captures feed `{{name}}` placeholders in `explanation` and `remediation`.
/// A rule with no regex fires on any line that contains one of its literals. A line that `exclude`
/// matches never fires the rule.
public struct Rule: Codable, Equatable, Sendable {
    /// Stable kebab-case id, the same in code, tests, docs and JSON (`ecr-auth-token-expired`).
    public var id: String
    public var category: Category
    /// One short line naming the cause (`ECR login token expired`).
    public var title: String
    public var severity: Severity
    /// Substrings any matching line must contain; at least one.
    public var literals: [String]
    /// Optional regex (PCRE syntax that Vectorscan runs: no lookaround or backreferences) with named captures, run only
    /// on lines a literal selected.
    public var regex: String?
    /// Optional regex (same syntax as `regex`, no lookaround): a line it matches is not a match of the
    /// rule. Stands in for the negative lookaheads a linear-time engine cannot run.
    public var exclude: String?
    public var caseInsensitive: Bool
    public var scope: RuleScope?
    /// A generic symptom (`exit status 1`, `COMMAND_EXECUTION_ERROR`) that never outranks a specific cause.
    public var isGenericSymptom: Bool
    /// A symptom that is usually the consequence of an earlier failure (a push with nothing to push, no
    /// artifact to upload): when an earlier failure exists, that failure is the root cause and this finding
    /// is shown as its consequence.
    public var isConsequence: Bool
    /// Why this happens, for the person reading the report. May use `{{capture}}` placeholders.
    public var explanation: String
    /// How to fix it. May use `{{capture}}` placeholders.
    public var remediation: String
    /// The AWS or Docker documentation page that explains the fix.
    public var docURL: String
    /// Log snippets (lines joined by `\n`) on which the rule must fire. Lines that must be evidence
    /// start with `↓ ` (the marker is removed before matching); every other line must not fire.
    public var triggering: [String]
    /// Log snippets on which the rule must not fire at all (near misses).
    public var nonTriggering: [String]

    public init(id: String, category: Category, title: String, severity: Severity, literals: [String],
                regex: String? = nil, exclude: String? = nil, caseInsensitive: Bool = false, scope: RuleScope? = nil,
                isGenericSymptom: Bool = false, isConsequence: Bool = false, explanation: String, remediation: String,
                docURL: String,
                triggering: [String], nonTriggering: [String]) {
        self.id = id
        self.category = category
        self.title = title
        self.severity = severity
        self.literals = literals
        self.regex = regex
        self.exclude = exclude
        self.caseInsensitive = caseInsensitive
        self.scope = scope
        self.isGenericSymptom = isGenericSymptom
        self.isConsequence = isConsequence
        self.explanation = explanation
        self.remediation = remediation
        self.docURL = docURL
        self.triggering = triggering
        self.nonTriggering = nonTriggering
    }
}
