/// Extra rules for measuring how the engine scales with catalog size (`bench/catalog-scale.sh`).
/// Not part of any catalog and not documented for users.
///
/// Each rule has its own literal and regex. Most literals never occur in a build log (they cost the
/// matcher nothing); every tenth is a word that is common in build output, with a regex that never
/// matches, so those rules pay for a regex run on many lines: a deliberately pessimistic mix.
public enum SyntheticRules {
    private static let commonLiterals = ["npm WARN", "Step ", " ---> ", "DONE", "added ", "Downloading", "[INFO]"]

    public static func make(count: Int) -> [Rule] {
        (0..<max(count, 0)).map { index in
            let tag = String(index, radix: 36)
            let common = index % 10 == 9
            let literal = common ? commonLiterals[index % commonLiterals.count] : "cbt-synthetic-\(tag)-failure"
            return Rule(
                id: "synthetic-\(index)", category: .compileError, title: "Synthetic rule \(index)", severity: .warning,
                literals: [literal],
                regex: common ? #"(?<code>\d{3}) synthetic-never-\#(tag)\b"# : #"cbt-synthetic-\#(tag)-failure: (?<code>\w+)"#,
                caseInsensitive: index % 3 == 0,
                explanation: "synthetic {{code}}", remediation: "none", docURL: "",
                triggering: [common ? "↓ \(literal) 123 synthetic-never-\(tag)" : "↓ cbt-synthetic-\(tag)-failure: x"],
                nonTriggering: ["cbt-synthetic-\(tag)-success"])
        }
    }
}
