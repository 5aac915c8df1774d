/// A set of rules made ready for matching: literals in one multi-literal matcher, regexes compiled.
/// Build it once and share it across builds (a summary analyses many).
/// PLACEHOLDER: the real matcher lands with the engine work.
public final class CompiledCatalog {
    public let rules: [Rule]

    public init(rules: [Rule]) throws {
        self.rules = rules
    }
}
