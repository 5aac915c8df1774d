import ArgumentParser

/// What `rules list` and `rules show` print: text or JSON only, so `--help` offers no format they refuse.
enum RuleOutputFormat: String, CaseIterable, ExpressibleByArgument {
    case text, json
}
