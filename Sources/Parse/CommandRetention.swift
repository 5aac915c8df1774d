/// How many of a phase's commands the model keeps, so that memory does not grow with the number of commands a
/// phase runs: the first `head`, up to `failed` failed ones after those, and the last `tail`. A phase that ran
/// at most `head + tail` commands keeps them all (every ordinary build); the rest are counted in
/// `Phase.omittedCommands`, and the parser hands each one it lets go to its sink (`BuildEventSink.commandsOmitted`).
public enum CommandRetention {
    public static let head = 100
    public static let failed = 100
    public static let tail = 100
}

/// The commands a phase let go of.
public struct OmittedCommands: Codable, Equatable, Sendable {
    /// How many were left out.
    public var count: Int
    /// For each kept command (`Phase.commands[i]`), its ordinal among all the phase's commands.
    public var keptOrdinals: [Int]

    public init(count: Int, keptOrdinals: [Int]) {
        self.count = count
        self.keptOrdinals = keptOrdinals
    }
}

/// A command the parser let go of, with its settled exit status: `position.command` is its ordinal.
public struct OmittedCommand: Sendable {
    public var position: CommandPosition
    public var command: Command
}

extension Phase {
    /// Every command the phase ran, kept or omitted.
    public var commandCount: Int { commands.count + (omittedCommands?.count ?? 0) }

    /// The ordinal (place among all the phase's commands, what `CommandPosition.command` holds) of `commands[index]`.
    public func ordinal(ofCommandAt index: Int) -> Int {
        omittedCommands?.keptOrdinals[index] ?? index
    }

    /// Where in `commands` the command of that ordinal is kept; nil when it was omitted or never ran.
    public func commandIndex(ofOrdinal ordinal: Int) -> Int? {
        guard let kept = omittedCommands?.keptOrdinals else { return commands.indices.contains(ordinal) ? ordinal : nil }
        if let last = kept.last, last == ordinal { return kept.count - 1 }
        var low = 0, high = kept.count
        while low < high {
            let middle = (low + high) / 2
            if kept[middle] < ordinal { low = middle + 1 } else { high = middle }
        }
        return low < kept.count && kept[low] == ordinal ? low : nil
    }

    /// Lets go of the commands between the head and the last `tail` (keeping the first failed ones among them);
    /// returns those let go, in order. `phaseIndex` only labels them.
    mutating func compactCommands(keepingLast tail: Int, phaseIndex: Int) -> [OmittedCommand] {
        let head = CommandRetention.head
        guard commands.count > head + tail else { return [] }
        let end = commands.count - tail
        var keptCommands = Array(commands[..<head])
        var keptOrdinals = (0..<head).map(ordinal(ofCommandAt:))
        var omitted: [OmittedCommand] = []
        var keptFailed = 0
        for index in head..<end {
            let command = commands[index]
            if command.failed, keptFailed < CommandRetention.failed {
                keptFailed += 1
                keptCommands.append(command)
                keptOrdinals.append(ordinal(ofCommandAt: index))
            } else {
                omitted.append(OmittedCommand(position: CommandPosition(phase: phaseIndex, command: ordinal(ofCommandAt: index)),
                                              command: command))
            }
        }
        guard !omitted.isEmpty else { return [] }
        keptCommands += commands[end...]
        keptOrdinals += (end..<commands.count).map(ordinal(ofCommandAt:))
        omittedCommands = OmittedCommands(count: (omittedCommands?.count ?? 0) + omitted.count, keptOrdinals: keptOrdinals)
        commands = keptCommands
        return omitted
    }
}
