import Analyze

/// The `baseline` member of a build in the JSON report (present only with `--baseline`): see docs/json-output.md.
extension JSONRenderer {
    static func baseline(_ comparison: BaselineComparison) -> JSONValue {
        let reference = comparison.baseline
        return .object([
            ("baseline", .object([
                ("name", .string(reference.name)),
                ("buildId", .optional(reference.buildId)),
                ("status", .string(reference.status.rawValue)),
                ("sourceVersion", .optional(reference.sourceVersion)),
                ("selection", .string(reference.selection)),
                ("linesRead", .int(Int64(reference.linesRead))),
                ("bytesRead", .int(reference.bytesRead)),
                ("distinctLines", .int(Int64(reference.distinctLines))),
                ("linesNotIndexed", .int(Int64(reference.linesNotIndexed))),
                ("partial", .bool(reference.partial)),
            ])),
            ("cost", .object([
                ("apiCalls", .int(Int64(reference.apiCalls))),
                ("bytesFetched", .int(reference.bytesFetched)),
                ("fromCache", .bool(reference.fromCache)),
            ])),
            ("newLineCount", .int(Int64(comparison.newLineCount))),
            ("groupCount", .int(Int64(comparison.groupCount))),
            ("groups", .array(comparison.groups.map(group))),
            ("commands", .array(comparison.commands.map(commandChange))),
            ("slowerPhases", .array(comparison.slowerPhases.map { slow in
                .object([("phase", .string(slow.phase)), ("durationSeconds", .double(slow.seconds)),
                         ("baselineSeconds", .double(slow.baselineSeconds)), ("ratio", .double(slow.ratio))])
            })),
        ])
    }

    private static func group(_ group: NewLineGroup) -> JSONValue {
        .object([
            ("region", .string(group.region.rawValue)),
            ("phase", .optional(group.phase)),
            ("command", .optional(group.command)),
            ("firstNewLine", .int(Int64(group.firstNewLine))),
            ("newLines", .int(Int64(group.newLines))),
            ("lines", .array(group.lines.map { line in
                .object([("line", .int(Int64(line.number))), ("text", .string(line.text)), ("new", .bool(line.new))])
            })),
        ])
    }

    private static func commandChange(_ change: CommandChange) -> JSONValue {
        .object([
            ("kind", .string(change.kind.rawValue)),
            ("phase", .string(change.phase)),
            ("text", .string(change.text)),
            ("line", .int(Int64(change.line))),
            ("baselineText", .optional(change.baselineText)),
            ("failing", .bool(change.failing)),
        ])
    }
}
