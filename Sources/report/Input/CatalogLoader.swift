import Analyze

/// The rules a run uses: the built-in catalog, overridden by id by the user's `--rules` files
/// (later files win over earlier ones).
enum CatalogLoader {
    /// Every rule a report can name: the catalog's and the checks' (so `rules show` knows each id `analyze`
    /// prints), with the users' files laid over them. Check rules passed to `CompiledCatalog` stay checks.
    static func rules(userRuleFiles: [String]) throws -> [Rule] {
        try RuleSet.loading(userRuleFiles: userRuleFiles).rules
    }

    static func compiled(userRuleFiles: [String]) throws -> CompiledCatalog {
        try CompiledCatalog(rules: rules(userRuleFiles: userRuleFiles))
    }
}
