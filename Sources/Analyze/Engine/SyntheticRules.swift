/// Extra rules for measuring how the engine scales with catalog size (`make bench` writes the same rules with `bench/make-synthetic-rules.py`).
/// Not part of any catalog and not documented for users.
///
/// Each rule has its own literal and regex. By default no literal occurs in a build log, like real
/// rules' literals (`ERESOLVE`, `no basic auth credentials`): the matcher carries them at no per-line
/// cost. With `commonEvery: k`, every k-th rule instead uses a word common in build output with a regex
/// that never matches, so it pays for a regex run on many lines: a deliberately pessimistic mix.
public enum SyntheticRules {
    private static let commonLiterals = ["npm WARN", "Step ", " ---> ", "DONE", "added ", "Downloading", "[INFO]"]

    public static func make(count: Int, commonEvery: Int = 0) -> [Rule] {
        (0..<max(count, 0)).map { index in
            let tag = String(index, radix: 36)
            let common = commonEvery > 0 && index % commonEvery == commonEvery - 1
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
