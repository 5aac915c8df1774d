import Parse

/// What the analyzer knows about the build's commands: the text each was announced with (`CommandStart`,
/// from the parser), its `Running command` line, which rules' command patterns the running one matches,
/// and, of the commands the model let go of, the last successful run of each kind.
struct CommandScope {
    /// Command texts as the agent printed them when each started, and the `Running command` line.
    private(set) var texts: [CommandPosition: String] = [:]
    private(set) var lines: [CommandPosition: NumberedLine] = [:]
    /// The command the parser just announced, whose `Running command` line is the next one consumed.
    private var announced: CommandPosition?
    private(set) var current: CommandPosition?
    /// For each rule with a command pattern: does the current command match it.
    private var scopeMatches: [Bool]
    /// The rules with a command pattern (index into `catalog.compiled`, and the pattern): the only ones a new
    /// command re-scopes.
    private let scopedRules: [(index: Int, regex: LinearRegex)]
    /// For each kind of command (`FailureFacts.kind`), the last run the model let go of that exited 0, so a
    /// failure it fixed stays overcome; at most `maxOmittedSuccessKinds` kinds.
    private(set) var omittedSuccesses: [String: CommandPosition] = [:]
    static let maxOmittedSuccessKinds = 1_000

    init(catalog: CompiledCatalog) {
        scopeMatches = Array(repeating: false, count: catalog.compiled.count)
        scopedRules = catalog.compiled.enumerated().compactMap { index, rule in rule.commandRegex.map { (index, $0) } }
    }

    /// The parser announced a command: it is the current one from its `Running command` line on.
    mutating func start(_ start: CommandStart, scratch: MatchScratch) {
        texts[start.position] = start.text
        announced = start.position
        enter(start.position, scratch: scratch)
    }

    /// The next line's context says `position` runs (nil: none). The announcing line itself is kept, as shown.
    @inline(__always)
    mutating func follow(_ position: CommandPosition?, line number: Int, display: UnsafeBufferPointer<UInt8>,
                         scratch: MatchScratch) {
        if let announced {
            self.announced = nil
            if announced == position {
                lines[announced] = NumberedLine(number: number, text: String(decoding: display, as: UTF8.self))
            }
        }
        if position != current { enter(position, scratch: scratch) }
    }

    /// Whether rule `index`'s command pattern (if it has one) admits the current command.
    @inline(__always)
    func admits(_ rule: CompiledRule, _ index: Int) -> Bool {
        rule.commandRegex == nil || scopeMatches[index]
    }

    mutating func enter(_ position: CommandPosition?, scratch: MatchScratch) {
        current = position
        var text = position.flatMap { texts[$0] }
        for (index, regex) in scopedRules {
            // A command never announced cannot be shown to match its pattern.
            scopeMatches[index] = text?.withUTF8 { regex.matches($0, scratch: scratch) } ?? false
        }
    }

    /// The model let go of `entry`; its text and line go too unless evidence refers to it.
    mutating func omit(_ entry: OmittedCommand, referenced: Bool) {
        if !referenced {
            texts[entry.position] = nil
            lines[entry.position] = nil
        }
        if entry.command.exitStatus == 0 {
            let kind = FailureFacts.kind(of: entry.command.text)
            if omittedSuccesses[kind] != nil || omittedSuccesses.count < Self.maxOmittedSuccessKinds {
                omittedSuccesses[kind] = entry.position
            }
        }
    }

    mutating func renumber(_ renumbering: PhaseRenumbering) {
        func moved(_ old: CommandPosition) -> CommandPosition { old.renumbered(renumbering) }
        texts = Dictionary(texts.map { (moved($0.key), $0.value) }, uniquingKeysWith: { first, _ in first })
        lines = Dictionary(lines.map { (moved($0.key), $0.value) }, uniquingKeysWith: { first, _ in first })
        omittedSuccesses = omittedSuccesses.mapValues(moved)
        current = current.map(moved)
    }
}

extension CommandPosition {
    func renumbered(_ renumbering: PhaseRenumbering) -> CommandPosition {
        CommandPosition(phase: renumbering[phase], command: command)
    }
}
