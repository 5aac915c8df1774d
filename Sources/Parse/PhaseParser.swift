import Fetch
import Foundation

/// Splits a CodeBuild log into phases and commands, line by line, in bounded memory.
///
/// Feed every line to `consume(_:)` in order, then call `finish()` once. Each line is handed on
/// to the sink with its `LineContext` before `consume` returns. Agent lines are recognised by
/// byte comparison; only the few structural ones become `String`s.
///
/// - A line belongs to the phase most recently entered (also after that phase completed, until
///   the next one starts); lines before any phase have no phase.
/// - A command's output is the non-agent lines after its `Running command` until the next agent
///   line that ends it or replaces it (`Running command`, `Command did not exit successfully`,
///   `Phase complete`, `Entering phase`).
/// - A log that starts mid-phase gets a phase named `UNKNOWN` for its first lines, renamed when a
///   `Phase complete: NAME` line names it.
public final class PhaseParser {
    /// Name of a phase whose start is not in the log.
    public static let unknownPhaseName = PhaseParserCore.unknownPhaseName

    private let sink: BuildEventSink?
    /// Told of each phase start and completion as its line is consumed (before the line reaches the sink).
    public var onPhaseEvent: ((PhaseEvent) -> Void)?
    // All state lives in one struct: one exclusivity check per line instead of one per field.
    private var core = PhaseParserCore()

    public init(sink: BuildEventSink?) {
        self.sink = sink
    }

    public func consume(_ line: LogLine) {
        let context = core.consume(line)
        if !core.omitted.isEmpty {
            sink?.commandsOmitted(core.omitted)
            core.omitted.removeAll()
        }
        if !core.phaseEvents.isEmpty {
            for event in core.phaseEvents { onPhaseEvent?(event) }
            core.phaseEvents.removeAll()
        }
        if let start = core.commandStart {
            sink?.commandStarted(start)
            core.commandStart = nil
        }
        if let phaseContext = core.phaseContext {
            sink?.phaseContext(phaseContext)
            core.phaseContext = nil
        }
        sink?.consume(line, context: context)
    }

    public func finish() -> BuildModel {
        let (model, omitted) = core.finish()
        if !omitted.isEmpty { sink?.commandsOmitted(omitted) }
        return model
    }
}

/// The parser's state and rules; `PhaseParser` feeds it and passes each line on to the sink.
struct PhaseParserCore {
    static let unknownPhaseName = "UNKNOWN"
    /// Longest command text kept (a long script keeps its first part).
    static let maxCommandText = 4096

    private var console = ConsoleColumn()
    private var phases: [Phase] = []
    private var phaseCompleted: [Bool] = []
    private var currentPhase: Int?
    /// `phases[currentPhase].name`, kept at hand for every line's context.
    private var currentPhaseName: String?
    private var currentCommand: CommandPosition?
    /// The current command is still producing output.
    private var commandRunning = false
    private var continuation: ShellContinuation?
    /// A multi-line command's failure line: the agent repeats the script on the following lines
    /// and ends with ` exit status N` on a line of its own. Holds the script so far.
    private var failureScript: String?
    private var failureScriptLines = 0
    private var lines = 0
    private var firstLineNumber: Int?
    private var sawBuildStart = false
    private var sawStructureBeforeStart = false
    /// A line with the agent's `[Container] date` prefix was seen: from then on only prefixed lines are agent lines.
    private var sawPrefixedAgentLine = false
    /// Commands let go of since the sink last heard (`CommandRetention`).
    var omitted: [OmittedCommand] = []
    /// Phase starts and completions since `PhaseParser` last passed them on (a few per build).
    var phaseEvents: [PhaseEvent] = []
    /// The command the line just consumed announced, and the phase context it printed, for the sink.
    var commandStart: CommandStart?
    var phaseContext: PhaseContextEvent?

    /// Takes in one line; returns where it stands in the build.
    mutating func consume(_ line: LogLine) -> LineContext {
        lines += 1
        if firstLineNumber == nil { firstLineNumber = line.number }
        let bytes = line.bytes
        let columnOffset = console.textOffset(bytes)
        // Messages start after a copy's debris; a command's continuation lines keep their indentation.
        let textOffset = ExcerptDebris.textStart(bytes, from: columnOffset)
        var context = LineContext(phaseIndex: currentPhase, phaseName: currentPhaseName,
                                  command: commandRunning ? currentCommand : nil, messageOffset: textOffset,
                                  afterPhaseEnd: currentPhase.map { phaseCompleted[$0] } ?? false)

        if let prefix = AgentPrefix.parse(bytes, at: textOffset) {
            sawPrefixedAgentLine = true
            continuation = nil
            failureScript = nil
            context.isAgentLine = true
            context.messageOffset = prefix.messageOffset
            apply(AgentMessage.classify(bytes, at: prefix.messageOffset), line: line.number, time: prefix.date,
                  context: &context)
        } else if !sawPrefixedAgentLine, let message = Self.bareStructuralMessage(bytes, at: textOffset) {
            // An excerpt copied from the console's phase details or trimmed by its poster lost the
            // `[Container] date` prefix of every line: its agent messages still give the structure.
            continuation = nil
            failureScript = nil
            context.isAgentLine = true
            apply(message, line: line.number, time: nil, context: &context)
        } else if failureScript != nil, let position = currentCommand {
            continueFailure(at: position, with: ByteMatching.text(bytes, from: columnOffset))
            context.isAgentLine = true
            context.command = position
        } else if continuation != nil, let position = currentCommand {
            // More of a multi-line command, printed by the agent: not output.
            continueCommand(at: position, with: ByteMatching.text(bytes, from: columnOffset))
            context.isAgentLine = true
        } else if commandRunning, let position = currentCommand {
            let index = commandIndex(position)
            if phases[position.phase].commands[index].outputFirstLine == nil {
                phases[position.phase].commands[index].outputFirstLine = line.number
            }
            phases[position.phase].commands[index].outputLastLine = line.number
        }
        if let index = currentPhase { phases[index].lastLine = line.number }
        return context
    }

    /// An agent message that shapes the build (`Entering phase`, `Phase complete:`, `Command did not exit
    /// successfully`, a phase context), on a line without the agent prefix.
    private static func bareStructuralMessage(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> AgentMessage? {
        switch AgentMessage.classify(bytes, at: offset) {
        case .other, .buildStart, .runningCommand: return nil
        case let message: return message
        }
    }

    /// The model, with each phase down to its retained commands, and the commands that leaves out.
    func finish() -> (BuildModel, [OmittedCommand]) {
        var phases = phases
        var omitted: [OmittedCommand] = []
        for index in phases.indices {
            omitted += phases[index].compactCommands(keepingLast: CommandRetention.tail, phaseIndex: index)
        }
        var model = BuildModel(phases: phases, totalLines: lines)
        model.firstFailingPhase = phases.firstIndex { $0.status.isFailure }
        outer: for (phaseIndex, phase) in phases.enumerated() {
            for (commandIndex, command) in phase.commands.enumerated() where command.failed {
                model.firstFailingCommand = CommandPosition(phase: phaseIndex, command: phase.ordinal(ofCommandAt: commandIndex))
                break outer
            }
        }
        model.startsMidBuild = sawStructureBeforeStart
        model.endsAbruptly = phaseCompleted.last == false
        model.status = BuildStatusRule.derive(phases: phases, firstFailingPhase: model.firstFailingPhase,
                                              endsAbruptly: model.endsAbruptly)
        return (model, omitted)
    }

    /// Where the command at `position` is kept: the current command is always its phase's last, which one
    /// comparison confirms (this runs on every output line); any other is looked up.
    private func commandIndex(_ position: CommandPosition) -> Int {
        let last = phases[position.phase].commands.count - 1
        if last >= 0, phases[position.phase].ordinal(ofCommandAt: last) == position.command { return last }
        return phases[position.phase].commandIndex(ofOrdinal: position.command) ?? last
    }

    // MARK: agent lines

    private mutating func apply(_ message: AgentMessage, line: Int, time: Date?, context: inout LineContext) {
        switch message {
        case .buildStart:
            sawBuildStart = true
        case .phaseIs(let name):
            if name == "DOWNLOAD_SOURCE" { sawBuildStart = true }
            if currentPhaseName != name { startPhase(name, line: line, time: time) }
        case .enteringPhase(let name):
            noteStructure()
            startPhase(name, line: line, time: time)
        case .runningCommand(let text):
            noteStructure()
            startCommand(text, line: line, time: time)
            if let currentCommand {
                // Trimmed as the analyzer trims a line (a CRLF log's `\r`, a posted copy's trailing blanks).
                commandStart = CommandStart(position: currentCommand,
                                            text: text.trimmingCharacters(in: .whitespacesAndNewlines), line: line)
            }
        case .commandFailed(let text, let exitStatus):
            noteStructure()
            if currentCommand == nil {
                // The command started before the log did.
                startCommand(text, line: line, time: nil)
            }
            if let position = currentCommand {
                phases[position.phase].commands[commandIndex(position)].exitStatus = exitStatus
                context.command = position
                if exitStatus == nil {
                    // The status follows the script the agent repeats on the next lines.
                    failureScript = text
                    failureScriptLines = 0
                }
            }
            commandRunning = false
        case .phaseComplete(let name, let status):
            noteStructure()
            completePhase(name, status: status, line: line, time: time)
        case .phaseContext(let code, let message):
            if let index = currentPhase {
                phases[index].contextCode = code
                phases[index].contextMessage = message
                phaseContext = PhaseContextEvent(phaseIndex: index, code: code, message: message, line: line)
            }
        case .other:
            break
        }
        context.phaseIndex = currentPhase
        context.phaseName = currentPhaseName
        switch message {
        case .runningCommand: context.command = currentCommand
        case .commandFailed: break
        default: context.command = nil
        }
    }

    private mutating func noteStructure() {
        if !sawBuildStart { sawStructureBeforeStart = true }
    }

    private mutating func startPhase(_ name: String, line: Int, time: Date?) {
        endCommand(succeeded: false)
        phases.append(Phase(name: name, startTime: time, firstLine: line, lastLine: line))
        phaseCompleted.append(false)
        currentPhase = phases.count - 1
        currentPhaseName = name
        currentCommand = nil
        phaseEvents.append(.started(name: name, line: line))
    }

    /// The phase that lines belong to now, created as `UNKNOWN` when the log started inside one.
    private mutating func phaseForStructure(line: Int) -> Int {
        if let currentPhase { return currentPhase }
        phases.append(Phase(name: Self.unknownPhaseName, firstLine: firstLineNumber ?? line, lastLine: line))
        phaseCompleted.append(false)
        currentPhase = phases.count - 1
        currentPhaseName = Self.unknownPhaseName
        return phases.count - 1
    }

    private mutating func startCommand(_ text: String, line: Int, time: Date?) {
        // The phase went on to another command: the previous one did not fail.
        endCommand(succeeded: true)
        let phase = phaseForStructure(line: line)
        let command = Command(text: String(decoding: text.utf8.prefix(Self.maxCommandText), as: UTF8.self), line: line, startTime: time)
        let ordinal = phases[phase].commandCount
        phases[phase].commands.append(command)
        phases[phase].omittedCommands?.keptOrdinals.append(ordinal)
        currentCommand = CommandPosition(phase: phase, command: ordinal)
        // Bounded: past the head, the first failed ones and twice the tail, let go of the middle (amortised).
        if phases[phase].commands.count >= CommandRetention.head + CommandRetention.failed + 2 * CommandRetention.tail {
            omitted += phases[phase].compactCommands(keepingLast: CommandRetention.tail, phaseIndex: phase)
        }
        commandRunning = true
        var shell = ShellContinuation()
        shell.add(text)
        continuation = shell.isOpen ? shell : nil
    }

    private mutating func continueCommand(at position: CommandPosition, with text: String) {
        continuation?.add(text)
        if continuation?.isOpen != true { continuation = nil }
        let index = commandIndex(position)
        var command = phases[position.phase].commands[index]
        if command.text.utf8.count < Self.maxCommandText {
            command.text += "\n" + text
            phases[position.phase].commands[index] = command
        }
    }

    /// One more line of a failed multi-line command's repeated script, or its ` exit status N`.
    private mutating func continueFailure(at position: CommandPosition, with text: String) {
        failureScriptLines += 1
        var script = failureScript ?? ""
        if let marker = text.range(of: "exit status ", options: .backwards),
           let status = Int(text[marker.upperBound...].trimmingCharacters(in: .whitespaces)) {
            let before = text[..<marker.lowerBound].trimmingCharacters(in: .whitespaces)
            if !before.isEmpty { script += "\n" + before }
            let index = commandIndex(position)
            phases[position.phase].commands[index].exitStatus = status
            phases[position.phase].commands[index].text =
                String(decoding: script.utf8.prefix(Self.maxCommandText), as: UTF8.self)
            failureScript = nil
            return
        }
        if script.utf8.count < Self.maxCommandText { script += "\n" + text }
        failureScript = failureScriptLines < ShellContinuation.maxLines ? script : nil
    }

    /// Ends the current command's output; `succeeded` settles an unknown exit status as 0.
    private mutating func endCommand(succeeded: Bool) {
        if succeeded, commandRunning, let position = currentCommand,
           phases[position.phase].commands[commandIndex(position)].exitStatus == nil {
            phases[position.phase].commands[commandIndex(position)].exitStatus = 0
        }
        commandRunning = false
        continuation = nil
    }

    private mutating func completePhase(_ name: String, status: PhaseStatus, line: Int, time: Date?) {
        let index: Int
        if let currentPhase, phases[currentPhase].name == name || phases[currentPhase].name == Self.unknownPhaseName {
            index = currentPhase
        } else if currentPhase == nil {
            index = phaseForStructure(line: line)
        } else {
            // Completion of a phase whose start is not where we are: a phase of its own.
            startPhase(name, line: line, time: nil)
            index = phases.count - 1
            phases[index].startTime = nil
        }
        phases[index].name = name
        if index == currentPhase { currentPhaseName = name }
        phases[index].status = status
        phases[index].endTime = time
        phaseCompleted[index] = true
        phaseEvents.append(.completed(name: name, status: status, line: line))
        endCommand(succeeded: status == .succeeded)
        // Commands of a successful phase all exited 0.
        if status == .succeeded {
            for commandIndex in phases[index].commands.indices where phases[index].commands[commandIndex].exitStatus == nil {
                phases[index].commands[commandIndex].exitStatus = 0
            }
        }
    }
}
