import Foundation

/// Finds which shell variable of a command produced a piece of its expanded output, by aligning a
/// word of the command (`$AWS_ACCOUNT_ID.dkr.ecr.${AWS_DEFAULT_REGION}.amazonaws.com/$IMAGE_REPO_NAME`)
/// with the expanded text (`123456789012.dkr.ecr..amazonaws.com/my-app`).
enum VariableAlignment {
    /// The variable whose expansion sits at `offset` (UTF-16) in `expanded`: `.unset(name)` when it
    /// expanded to nothing right there, `.within(name)` when the piece is part of its value.
    enum Culprit: Equatable {
        case unset(String)
        case within(String)
    }

    private static let variable = try? NSRegularExpression(
        pattern: #"\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:[:#%/-][^}]*)?\}|([A-Za-z_][A-Za-z0-9_]*))"#)

    static func culprit(command: String, expanded: String, offset: Int) -> Culprit? {
        let words = command.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "|" })
        // Every word is tried, because the first plausible alignment is not the best one: a word made only
        // of variables (`$IMAGE_REPO_NAME:$IMAGE_TAG`) "aligns" with any text. An empty expansion right at
        // the offset is the strongest answer; then a match anchored by literal text of the word.
        var anchored: Culprit?
        var unanchored: Culprit?
        for word in words where word.contains("$") {
            var trimmed = word.trimmingCharacters(in: CharacterSet(charactersIn: "\"'[]()"))
            if let scheme = trimmed.range(of: "://") { trimmed = String(trimmed[scheme.upperBound...]) }
            for candidate in truncations(of: trimmed) {
                guard let found = align(word: candidate, expanded: expanded, offset: offset) else { continue }
                if case .unset = found { return found }
                if hasLiteralText(candidate) { anchored = anchored ?? found } else { unanchored = unanchored ?? found }
            }
        }
        return anchored ?? unanchored
    }

    /// Whether a word has anything besides variables and the separators between them.
    private static func hasLiteralText(_ word: String) -> Bool {
        guard let variable else { return true }
        let stripped = variable.stringByReplacingMatches(
            in: word, range: NSRange(location: 0, length: (word as NSString).length), withTemplate: "")
        return stripped.contains { !":/.@-_".contains($0) }
    }

    /// The word, then the word cut after and before each of its variables from the last one back:
    /// output often shows only the repository (`[….amazonaws.com/my-app]`) of a `…/$REPO:$TAG` word.
    private static func truncations(of word: String) -> [String] {
        guard let variable else { return [word] }
        let nsWord = word as NSString
        var result = [word]
        for match in variable.matches(in: word, range: NSRange(location: 0, length: nsWord.length)).reversed() {
            let end = match.range.location + match.range.length
            if end < nsWord.length { result.append(nsWord.substring(to: end)) }
            var cut = nsWord.substring(to: match.range.location)
            while let last = cut.last, ":/.@".contains(last) { cut.removeLast() }
            if !cut.isEmpty { result.append(cut) }
        }
        return result
    }

    /// Turns a word into an anchored regex (literal parts escaped, each variable a lazy group) and
    /// matches it against the whole expanded text.
    private static func align(word: String, expanded: String, offset: Int) -> Culprit? {
        guard let variable else { return nil }
        let nsWord = word as NSString
        var pattern = "^"
        var names: [String] = []
        var cursor = 0
        for match in variable.matches(in: word, range: NSRange(location: 0, length: nsWord.length)) {
            pattern += NSRegularExpression.escapedPattern(
                for: nsWord.substring(with: NSRange(location: cursor, length: match.range.location - cursor)))
            let nameRange = match.range(at: 1).location != NSNotFound ? match.range(at: 1) : match.range(at: 2)
            names.append(nsWord.substring(with: nameRange))
            pattern += "(.*?)"
            cursor = match.range.location + match.range.length
        }
        guard !names.isEmpty else { return nil }
        pattern += NSRegularExpression.escapedPattern(for: nsWord.substring(from: cursor)) + "$"
        guard let regex = try? NSRegularExpression(pattern: pattern),
              let match = regex.firstMatch(in: expanded, range: NSRange(location: 0, length: (expanded as NSString).length))
        else { return nil }
        for (index, name) in names.enumerated() {
            let range = match.range(at: index + 1)
            if range.length == 0, range.location == offset { return .unset(name) }
        }
        for (index, name) in names.enumerated() {
            let range = match.range(at: index + 1)
            if range.length > 0, range.location <= offset, offset <= range.location + range.length { return .within(name) }
        }
        return nil
    }
}
