import Foundation

/// Prints a summary in the chosen format and, with `--post`/`--post-env`, sends it to the webhook: Slack's payload
/// for slack, the JSON document for json, `{"text": …}` (never coloured) for text and markdown, as `analyze` does.
enum SummaryDelivery {
    static func deliver(_ summary: Summary, format: OutputFormat, settings: RenderSettings, webhook: String?,
                        statuses: inout [ExitStatus]) {
        StandardStreams.out(SummaryRendering.render(summary, format: format, settings: settings))
        guard let webhook else { return }
        do {
            try WebhookPoster(transport: WebhookTransport.make()).post(body: body(summary, format: format, settings: settings),
                                                                      to: webhook)
        } catch {
            StandardStreams.error(ErrorText.message(for: error))
            statuses.append(ErrorClassifier.status(for: error))
        }
    }

    static func body(_ summary: Summary, format: OutputFormat, settings: RenderSettings) -> [UInt8] {
        var plain = settings
        plain.color = false
        let json: JSONValue
        switch format {
        case .slack: json = SummarySlackRenderer(settings: plain).payload(summary)
        case .json: json = SummaryJSONRenderer(settings: plain).document(summary)
        case .text, .markdown:
            json = .object([("text", .string(SummaryRendering.render(summary, format: format, settings: plain)))])
        }
        return Array(JSONWriter(pretty: false).write(json).utf8)
    }
}
