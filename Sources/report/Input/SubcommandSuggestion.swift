import Foundation

/// `cbtriage analyse` or `cbtriage biuld 123`: the default subcommand would read `analyse` as a log file and
/// say it does not exist. When the first argument is no file, no option and not a subcommand, but is a small
/// typo away from one, say which one was meant instead.
enum SubcommandSuggestion {
    /// The top-level subcommands' names, as the command line declares them.
    static var subcommands: [String] {
        CBTriage.configuration.subcommands.compactMap { $0.configuration.commandName }
    }

    /// The subcommand `arguments` (without the program name) probably meant, or nil.
    static func suggestion(for arguments: [String], fileExists: (String) -> Bool = FileManager.default.fileExists) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-"), !subcommands.contains(first),
              !first.contains("/"), !first.contains("."), first.count >= 3, !fileExists(first) else { return nil }
        let word = first.lowercased()
        let ranked = subcommands.map { ($0, distance(word, $0)) }.filter { $0.1 <= max(1, min(2, $0.0.count / 3)) }
        return ranked.min { $0.1 < $1.1 }?.0
    }

    /// Edit distance with adjacent transpositions (optimal string alignment): `biuld` is one step from `build`.
    static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty || y.isEmpty { return max(x.count, y.count) }
        var table = Array(repeating: Array(repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in 0...x.count { table[i][0] = i }
        for j in 0...y.count { table[0][j] = j }
        for i in 1...x.count {
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[x.count][y.count]
    }
}
