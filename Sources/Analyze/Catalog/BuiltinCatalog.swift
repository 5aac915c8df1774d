/// Every built-in rule. Each rule lives in its own file under `Catalog/<category>/` as a static on `Rule`;
/// a test checks that every such file is registered here and that ids are unique.
public enum BuiltinCatalog {
    public static let rules: [Rule] = []
}
