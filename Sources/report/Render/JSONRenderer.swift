import Analyze
import Foundation
import Parse

/// An input that could not be read at all, reported beside the builds that could.
struct UnreadableInput: Equatable {
    var name: String
    var message: String

    /// The message, led by the input's name unless the message already starts with it.
    var describedWithName: String { message.hasPrefix(name) ? message : "\(name): \(message)" }
}

/// The machine-readable report: always one envelope `{schemaVersion, generatedAt, builds, unreadable}`,
/// whether one input or many, so consumers never branch on shape. Field by field in `docs/json-output.md`,
/// as a schema in `docs/schema/diagnosis.schema.json`. Fields may be added; renaming or removing one
/// bumps `schemaVersion`.
struct JSONRenderer {
    static let schemaVersion: Int64 = 1
    var settings: RenderSettings

    func render(_ diagnoses: [Diagnosis], unreadable: [UnreadableInput] = []) -> String {
        JSONWriter(pretty: true).write(document(diagnoses, unreadable: unreadable))
    }

    func document(_ diagnoses: [Diagnosis], unreadable: [UnreadableInput]) -> JSONValue {
        .object([
            ("schemaVersion", .int(Self.schemaVersion)),
            ("generatedAt", .string(ISOTime.format(settings.now))),
            ("builds", .array(diagnoses.map(Self.build))),
            ("unreadable", .array(unreadable.map(Self.unreadable))),
        ])
    }

    static func unreadable(_ input: UnreadableInput) -> JSONValue {
        .object([("input", .string(input.name)), ("error", .string(input.message))])
    }

    static func build(_ diagnosis: Diagnosis) -> JSONValue {
        let build = diagnosis.build
        let headline = BuildHeadline(diagnosis)
        let failingCommand: JSONValue = build.firstFailingCommand
            .flatMap { position in build.command(at: position).map { command(position.phase, $0) } } ?? .null
        var fields: [(String, JSONValue)] = [
            ("input", input(diagnosis.source)),
            ("build", metadata(build, headline: headline)),
            ("phases", .array(build.phases.map(phase))),
            ("failingPhase", .optional(headline.failingPhase)),
            ("failingCommand", failingCommand),
            ("rootCause", diagnosis.rootCause.map(finding) ?? .null),
            ("findings", .array(diagnosis.findings.map(finding))),
        ]
        // Only when it happened: a pattern over its matching budget left these lines undecided.
        if !diagnosis.skipped.isEmpty {
            fields.append(("skipped", .array(diagnosis.skipped.map { skipped in
                .object([("ruleId", .string(skipped.ruleId)), ("lines", .int(Int64(skipped.lines))),
                         ("firstLine", .int(Int64(skipped.firstLine)))])
            })))
        }
        if let baseline = diagnosis.baseline { fields.append(("baseline", Self.baseline(baseline))) }
        return .object(fields)
    }

    static func input(_ source: SourceInfo) -> JSONValue {
        .object([
            ("name", .string(source.name)),
            ("shape", .string(source.shape.rawValue)),
            ("partial", .bool(source.partial)),
            ("partialReason", .optional(source.partialReason)),
            ("damageByteOffset", .optional(source.damageByteOffset)),
            ("bytesRead", .int(source.bytesRead)),
            ("linesRead", .int(Int64(source.linesRead))),
        ])
    }

    static func metadata(_ build: BuildModel, headline: BuildHeadline) -> JSONValue {
        let metadata = build.metadata
        return .object([
            ("project", .optional(metadata.project)),
            ("buildId", .optional(metadata.buildId)),
            ("buildNumber", .optional(metadata.buildNumber)),
            ("status", .string(headline.status.rawValue)),
            ("sourceVersion", .optional(metadata.sourceVersion)),
            ("initiator", .optional(metadata.initiator)),
            ("startTime", .optional(metadata.startTime)),
            ("endTime", .optional(metadata.endTime)),
            ("durationSeconds", .optional(headline.duration)),
            ("logGroup", .optional(metadata.logGroup)),
            ("logStream", .optional(metadata.logStream)),
            ("consoleUrl", .optional(metadata.consoleURL)),
            ("totalLines", .int(Int64(build.totalLines))),
            ("startsMidBuild", .bool(build.startsMidBuild)),
            ("endsAbruptly", .bool(build.endsAbruptly)),
        ])
    }

    static func phase(_ phase: Phase) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("name", .string(phase.name)),
            ("status", .string(phase.status.rawValue)),
            ("startTime", .optional(phase.startTime)),
            ("endTime", .optional(phase.endTime)),
            ("durationSeconds", .optional(phase.duration)),
            ("contextCode", .optional(phase.contextCode)),
            ("contextMessage", .optional(phase.contextMessage)),
            ("firstLine", .optional(phase.firstLine)),
            ("lastLine", .optional(phase.lastLine)),
            ("commands", .array(phase.commands.map { command(nil, $0) })),
        ]
        // Only when it happened: a phase of very many commands keeps some (`CommandRetention`) and counts the rest.
        if let omitted = phase.omittedCommands {
            fields.append(("omittedCommands", .int(Int64(omitted.count))))
        }
        return .object(fields)
    }

    /// `phaseIndex` is given only for the failing command, which is shown outside its phase.
    static func command(_ phaseIndex: Int?, _ command: Command) -> JSONValue {
        var pairs: [(String, JSONValue)] = []
        if let phaseIndex { pairs.append(("phaseIndex", .int(Int64(phaseIndex)))) }
        pairs += [
            ("text", .string(command.text)),
            ("line", .int(Int64(command.line))),
            ("exitStatus", .optional(command.exitStatus)),
            ("outputFirstLine", .optional(command.outputFirstLine)),
            ("outputLastLine", .optional(command.outputLastLine)),
            ("startTime", .optional(command.startTime)),
        ]
        return .object(pairs)
    }

    static func finding(_ finding: Finding) -> JSONValue {
        .object([
            ("ruleId", .string(finding.ruleId)),
            ("category", .string(finding.category.rawValue)),
            ("title", .string(finding.title)),
            ("severity", .string(finding.severity.rawValue)),
            ("confidence", .double(finding.confidence)),
            ("explanation", .string(finding.explanation)),
            ("remediation", .string(finding.remediation)),
            ("docUrl", .optional(finding.docURL)),
            ("occurrences", .int(Int64(finding.occurrences))),
            ("captures", .object(finding.captures.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })),
            ("evidence", .array(finding.evidence.map(evidence))),
        ])
    }

    static func evidence(_ evidence: Evidence) -> JSONValue {
        .object([
            ("line", .int(Int64(evidence.line.number))),
            ("text", .string(evidence.line.text)),
            ("phase", .optional(evidence.phase)),
            ("command", .optional(evidence.command)),
            ("origin", .string(evidence.origin.rawValue)),
            ("before", .array(evidence.before.map(numbered))),
            ("after", .array(evidence.after.map(numbered))),
        ])
    }

    static func numbered(_ line: NumberedLine) -> JSONValue {
        .object([("line", .int(Int64(line.number))), ("text", .string(line.text))])
    }
}
