/// Lines a rule could not be decided on within its matching budget, per rule: reported in the
/// diagnosis instead of hanging on them.
struct SkippedMatches {
    private var byRule: [String: SkippedRule] = [:]
    private var order: [String] = []

    mutating func note(ruleId: String, line: Int) {
        if byRule[ruleId] == nil {
            order.append(ruleId)
            byRule[ruleId] = SkippedRule(ruleId: ruleId, lines: 0, firstLine: line)
        }
        byRule[ruleId]?.lines += 1
    }

    var all: [SkippedRule] { order.compactMap { byRule[$0] } }
}
