/// The rules one analysis runs: the built-in catalog with users' rules laid over it.
public struct RuleSet: Equatable {
    public var rules: [Rule]
    /// Ids of built-in rules that a user's rule replaced, in catalog order.
    public var overridden: [String]

    /// Every built-in rule: the catalog's, then the checks' (ECR URIs, login vs push, leaked passwords).
    public static var builtinRules: [Rule] { BuiltinCatalog.rules + CheckKind.builtinRules }

    /// The built-in rules with the users' rule files laid over them, in file order. Pass `rules` to
    /// `CompiledCatalog(rules:)` (check rules in it stay checks) and list them for `rules list`.
    public static func loading(userRuleFiles: [String]) throws -> RuleSet {
        let user = try userRuleFiles.flatMap { try RuleFile.load(path: $0) }
        return merging(builtin: builtinRules, user: user)
    }

    /// Users' rules replace built-ins with the same id (in the built-in's place, so ranking ties stay
    /// stable); the others are appended in file order. A later user rule replaces an earlier one.
    public static func merging(builtin: [Rule], user: [Rule]) -> RuleSet {
        var userById: [String: Rule] = [:]
        var userOrder: [String] = []
        for rule in user {
            if userById.updateValue(rule, forKey: rule.id) == nil { userOrder.append(rule.id) }
        }
        var merged: [Rule] = []
        var overridden: [String] = []
        for rule in builtin {
            if let replacement = userById.removeValue(forKey: rule.id) {
                merged.append(replacement)
                overridden.append(rule.id)
            } else {
                merged.append(rule)
            }
        }
        merged.append(contentsOf: userOrder.compactMap { userById[$0] })
        return RuleSet(rules: merged, overridden: overridden)
    }
}
