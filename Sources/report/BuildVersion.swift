import Analyze
import CBuildInfo

/// What `cbtriage --version` prints: the release, the commit it was built from (`make` embeds it; a plain
/// `swift build` says "unknown"), and the size of the built-in catalog.
enum BuildVersion {
    static let release = "0.9.0"

    static var commit: String { String(cString: cbt_build_commit()) }

    static var text: String {
        let checks = CheckKind.builtinRules.count
        return "cbtriage \(release) (commit \(commit); catalog: \(BuiltinCatalog.rules.count) rules, \(checks) check rules)"
    }
}
