import Analyze

/// The rules a run uses: the built-in catalog, overridden by id by the user's `--rules` files
/// (later files win over earlier ones).
enum CatalogLoader {
    static func rules(userRuleFiles: [String]) throws -> [Rule] {
        let user = try userRuleFiles.flatMap { try RuleFile.load(path: $0) }
        return RuleSet.merging(builtin: BuiltinCatalog.rules, user: user).rules
    }

    static func compiled(userRuleFiles: [String]) throws -> CompiledCatalog {
        try CompiledCatalog(rules: rules(userRuleFiles: userRuleFiles))
    }
}
