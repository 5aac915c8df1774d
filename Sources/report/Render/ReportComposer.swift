import Analyze
import Foundation

/// Renders the outcome of `analyze` (several builds and any unreadable inputs) in one format, and
/// builds the body a webhook receives. The one place that knows how formats combine several builds.
struct ReportComposer {
    var format: OutputFormat
    var quiet: Bool
    var settings: RenderSettings

    /// Text and Markdown reports are printed one build at a time as each finishes; JSON and Slack
    /// are one document, printed at the end.
    var streams: Bool { quiet || format == .text || format == .markdown }

    /// One build's part of a streamed report; `index` > 0 adds the separator between builds.
    func streamed(_ diagnosis: Diagnosis, index: Int, inputCount: Int) -> String {
        if quiet {
            let line = BuildHeadline(diagnosis).quietLine(rootCause: diagnosis.rootCause, ellipsis: settings.unicode ? "…" : "...")
            return (inputCount > 1 ? "\(diagnosis.source.name): " : "") + line + "\n"
        }
        switch format {
        case .markdown:
            return (index > 0 ? "\n---\n\n" : "") + MarkdownRenderer(settings: settings).render(diagnosis)
        default:
            let rule = String(repeating: settings.unicode ? "─" : "-", count: min(settings.width, 100))
            return (index > 0 ? "\n" + Style(enabled: settings.color).dim(rule) + "\n\n" : "")
                + TextRenderer(settings: settings).render(diagnosis)
        }
    }

    /// The whole document for the formats that are not streamed.
    func document(_ diagnoses: [Diagnosis], unreadable: [UnreadableInput]) -> String {
        switch format {
        case .json: return JSONRenderer(settings: settings).render(diagnoses, unreadable: unreadable)
        case .slack: return SlackRenderer(settings: settings).render(diagnoses, unreadable: unreadable)
        case .text, .markdown:
            return diagnoses.enumerated().map { streamed($1, index: $0, inputCount: diagnoses.count) }.joined()
        }
    }

    /// What a webhook receives: Slack's payload for slack, the JSON document for json, and
    /// `{"text": …}` (plain, never coloured) for text and markdown, which generic webhooks accept.
    func webhookBody(_ diagnoses: [Diagnosis], unreadable: [UnreadableInput]) -> [UInt8] {
        var plain = settings
        plain.color = false
        let composer = ReportComposer(format: format, quiet: quiet, settings: plain)
        let json: JSONValue
        switch format {
        case .slack: json = SlackRenderer(settings: plain).payload(diagnoses, unreadable: unreadable)
        case .json: json = JSONRenderer(settings: plain).document(diagnoses, unreadable: unreadable)
        case .text, .markdown: json = .object([("text", .string(composer.document(diagnoses, unreadable: unreadable)))])
        }
        return Array(JSONWriter(pretty: false).write(json).utf8)
    }
}
