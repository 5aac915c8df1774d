import Analyze
import Fetch
import Foundation
import Parse

/// Builds a log line by line with the contexts a parser would give, and the matching `BuildModel`,
/// so engine tests do not depend on the phase parser. Like the parser, it tells the sink of each announced
/// command and phase context before the line itself.
final class ScriptedBuild {
    static let agentPrefix = "[Container] 2024/03/06 10:00:03.123456 "

    struct Line {
        var text: String
        var context: LineContext
        var start: CommandStart?
        var phaseContext: PhaseContextEvent?
    }

    private(set) var lines: [Line] = []
    private(set) var model = BuildModel()
    private var phaseIndex: Int?
    private var command: CommandPosition?

    func phase(_ name: String, status: PhaseStatus = .succeeded) {
        model.phases.append(Phase(name: name, status: status, firstLine: lines.count + 1))
        phaseIndex = model.phases.count - 1
        command = nil
        agent("Entering phase \(name)")
        if status.isFailure, model.firstFailingPhase == nil { model.firstFailingPhase = phaseIndex }
    }

    /// A `Running command` line; `exit` nil leaves the status unknown.
    func command(_ text: String, exit: Int? = 0) {
        guard let phaseIndex else { return }
        let position = CommandPosition(phase: phaseIndex, command: model.phases[phaseIndex].commands.count)
        model.phases[phaseIndex].commands.append(Command(text: text, line: lines.count + 1, exitStatus: exit))
        command = position
        agent("Running command \(text)", command: position)
        lines[lines.count - 1].start = CommandStart(position: position, text: text, line: lines.count)
        if let exit, exit != 0, model.firstFailingCommand == nil { model.firstFailingCommand = position }
    }

    func output(_ texts: String...) {
        for text in texts {
            lines.append(Line(text: text, context: LineContext(phaseIndex: phaseIndex,
                                                               phaseName: phaseIndex.map { model.phases[$0].name },
                                                               command: command)))
            if let command {
                model.phases[command.phase].commands[command.command].outputFirstLine =
                    model.phases[command.phase].commands[command.command].outputFirstLine ?? lines.count
                model.phases[command.phase].commands[command.command].outputLastLine = lines.count
            }
        }
    }

    func agent(_ message: String, command position: CommandPosition? = nil) {
        lines.append(Line(text: Self.agentPrefix + message,
                          context: LineContext(phaseIndex: phaseIndex, phaseName: phaseIndex.map { model.phases[$0].name },
                                               command: position, isAgentLine: true,
                                               messageOffset: Self.agentPrefix.utf8.count)))
        let contextMarker = "Phase context status code:"
        if let phaseIndex, message.hasPrefix(contextMarker) {
            let rest = message.dropFirst(contextMarker.count)
            let parts = rest.components(separatedBy: "Message:")
            func field(_ text: String?) -> String? {
                let trimmed = text?.trimmingCharacters(in: .whitespaces) ?? ""
                return trimmed.isEmpty ? nil : trimmed
            }
            lines[lines.count - 1].phaseContext = PhaseContextEvent(
                phaseIndex: phaseIndex, code: field(parts.first), message: field(parts.count > 1 ? parts[1] : nil),
                line: lines.count)
        }
    }

    /// Hands every line, with the events before it, to `sink`.
    func feed(_ sink: BuildEventSink) {
        for (index, line) in lines.enumerated() {
            if let start = line.start { sink.commandStarted(start) }
            if let phaseContext = line.phaseContext { sink.phaseContext(phaseContext) }
            withLogLine(line.text, number: index + 1) { sink.consume($0, context: line.context) }
        }
    }

    func finish(status: PhaseStatus) {
        model.status = status
        model.totalLines = lines.count
        for index in model.phases.indices { model.phases[index].lastLine = lines.count }
    }

    func diagnose(_ catalog: CompiledCatalog, options: AnalyzerOptions = AnalyzerOptions()) -> (Diagnosis, Analyzer) {
        let analyzer = Analyzer(catalog: catalog, options: options)
        feed(analyzer)
        let source = SourceInfo(name: "scripted", outcome: ReadOutcome(shape: .raw, completeness: .complete,
                                                                      bytesRead: 0, linesRead: lines.count))
        return (analyzer.finish(build: model, source: source), analyzer)
    }
}

/// A small rule for engine tests (never part of the catalog).
func testRule(_ id: String, literals: [String], regex: String? = nil, category: Category = .compileError,
              severity: Severity = .error, caseInsensitive: Bool = false, scope: RuleScope? = nil,
              generic: Bool = false, explanation: String = "explained", remediation: String = "fix it") -> Rule {
    Rule(id: id, category: category, title: "title of \(id)", severity: severity, literals: literals, regex: regex,
         caseInsensitive: caseInsensitive, scope: scope, isGenericSymptom: generic, explanation: explanation,
         remediation: remediation, docURL: "https://example.com/\(id)", triggering: [], nonTriggering: [])
}
