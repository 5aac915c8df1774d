import Foundation

/// The summary as JSON, documented in `docs/json-output.md` and `docs/schema/summary.schema.json`.
struct SummaryJSONRenderer {
    var settings: RenderSettings

    func render(_ summary: Summary) -> String {
        JSONWriter(pretty: true).write(document(summary))
    }

    func document(_ summary: Summary) -> JSONValue {
        guard case .object(var fields) = base(summary) else { return base(summary) }
        // Only with --windows: absent, not null, in every other summary.
        if let trends = summary.trends { fields.append(("trends", SummaryTrendsRendering.json(trends))) }
        return .object(fields)
    }

    private func base(_ summary: Summary) -> JSONValue {
        .object([
            ("schemaVersion", .int(JSONRenderer.schemaVersion)),
            ("kind", .string("summary")),
            ("generatedAt", .string(ISOTime.format(settings.now))),
            ("windowStart", .optional(summary.windowStart)),
            ("windowEnd", .optional(summary.windowEnd)),
            ("buildsAnalysed", .int(Int64(summary.buildsAnalysed))),
            ("buildsFailed", .int(Int64(summary.buildsFailed))),
            ("projects", .array(summary.projects.map {
                .object([("project", .string($0.project)), ("analysed", .int(Int64($0.analysed))),
                         ("failed", .int(Int64($0.failed)))])
            })),
            ("categories", .array(summary.categories.map(Self.group))),
            ("rules", .array(summary.rules.map(Self.group))),
            ("newFailureKinds", summary.newFailureKinds.map { .array($0.map(Self.group)) } ?? .null),
            ("phases", .array(summary.phases.map {
                .object([("phase", .string($0.phase)), ("builds", .int(Int64($0.builds))),
                         ("medianSeconds", .double($0.medianSeconds)), ("maxSeconds", .double($0.maxSeconds))])
            })),
            ("partialInputs", .array(summary.partialInputs.map(JSONValue.string))),
            ("unreadable", .array(summary.unreadable.map(JSONRenderer.unreadable))),
        ])
    }

    static func group(_ group: FailureGroup) -> JSONValue {
        .object([
            ("key", .string(group.key)),
            ("title", .string(group.title)),
            ("count", .int(Int64(group.count))),
            ("share", .double(group.share)),
            ("firstSeen", .optional(group.firstSeen)),
            ("lastSeen", .optional(group.lastSeen)),
            ("examples", .array(group.examples.map(JSONValue.string))),
        ])
    }
}
