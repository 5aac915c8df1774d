import Analyze
import ArgumentParser

/// `cbtriage rules literals [--rules FILE]`: the literals the one-pass scan looks for, one a line.
///
/// For benchmarks: `rg -c -F -f` over the same literals is the peer `make bench` measures `analyze` against.
struct RulesLiteralsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "literals",
        abstract: "Print every literal the scan looks for (rules, checks, error words), one a line."
    )

    @OptionGroup var ruleFiles: RuleFileOptions

    func run() throws {
        let catalog = try CatalogLoader.compiled(userRuleFiles: ruleFiles.paths)
        // A literal with a line break would become two patterns for `-f`; none of ours has one.
        let lines = catalog.prefilterLiterals.filter { !$0.contains("\n") }
        StandardStreams.out(lines.map { $0 + "\n" }.joined())
    }
}
