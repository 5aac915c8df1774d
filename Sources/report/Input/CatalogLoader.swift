import Analyze

/// The rules a run uses: the built-in catalog, overridden by id by the user's `--rules` files.
enum CatalogLoader {
    static func rules(userRuleFiles: [String]) throws -> [Rule] {
        guard userRuleFiles.isEmpty else {
            // Wired to Analyze's RuleFile/RuleSet when the engine lands on main.
            throw InputError.rulesFile(path: userRuleFiles[0], reason: "user rule files are not supported by this build yet")
        }
        return BuiltinCatalog.rules
    }

    static func compiled(userRuleFiles: [String]) throws -> CompiledCatalog {
        try CompiledCatalog(rules: rules(userRuleFiles: userRuleFiles))
    }
}
