import Fetch
import Foundation

/// Why a report could not be delivered. Never names the URL: a webhook URL is a credential.
enum WebhookError: UserFacingError, Equatable {
    /// The webhook answered with a status that retrying will not change (4xx other than 429).
    case rejected(status: Int, detail: String?)
    /// Still failing after every attempt (5xx, 429 or a network error).
    case gaveUp(attempts: Int, lastProblem: String)

    var userMessage: String {
        switch self {
        case .rejected(let status, let detail):
            return "the webhook rejected the report: HTTP \(status)" + (detail.map { " (\($0))" } ?? "")
        case .gaveUp(let attempts, let lastProblem):
            return "could not post to the webhook after \(attempts) attempts: \(lastProblem)"
        }
    }
}

/// Posts a JSON body to a webhook through an `HTTPTransport`, retrying what can succeed later
/// (5xx, 429, network errors) with exponential backoff, and giving up at once on other 4xx answers.
struct WebhookPoster {
    var transport: HTTPTransport
    var attempts = 3
    var initialDelay: TimeInterval = 0.5
    /// Injected so tests do not wait.
    var sleep: (TimeInterval) -> Void = { Thread.sleep(forTimeInterval: $0) }

    func post(body: [UInt8], to url: String) throws {
        var lastProblem = "no attempt made"
        var delay = initialDelay
        for attempt in 1...max(attempts, 1) {
            if attempt > 1 {
                sleep(delay)
                delay *= 2
            }
            let request = HTTPRequest(method: "POST", url: url,
                                      headers: [HTTPHeader("Content-Type", "application/json; charset=utf-8")],
                                      body: body, connectTimeout: 10, totalTimeout: 30)
            let response: HTTPResponse
            do {
                response = try transport.send(request)
            } catch {
                lastProblem = Self.describe(error, url: url)
                continue
            }
            switch response.status {
            case 200..<300:
                return
            case 429, 500..<600:
                lastProblem = "HTTP \(response.status)"
                if response.status == 429, let wait = response.header("Retry-After").flatMap(Double.init), wait > delay {
                    delay = min(wait, 30)
                }
            default:
                throw WebhookError.rejected(status: response.status, detail: Self.detail(response.body, url: url))
            }
        }
        throw WebhookError.gaveUp(attempts: max(attempts, 1), lastProblem: lastProblem)
    }

    /// A transport's error message, with the URL (and its token) scrubbed out should it appear.
    static func describe(_ error: Error, url: String) -> String {
        let message = (error as? UserFacingError)?.userMessage ?? "network error"
        return scrub(message, url: url)
    }

    /// The first line of a short error body (Slack says `invalid_payload`, `no_service`…), scrubbed.
    static func detail(_ body: [UInt8], url: String) -> String? {
        let text = String(decoding: body.prefix(200), as: UTF8.self)
        let firstLine = text.split(whereSeparator: \.isNewline).first.map(String.init)?
            .trimmingCharacters(in: .whitespaces) ?? ""
        guard !firstLine.isEmpty, !firstLine.hasPrefix("<") else { return nil }
        return scrub(Formatting.trim(Formatting.printable(firstLine), to: 80), url: url)
    }

    private static func scrub(_ text: String, url: String) -> String {
        var result = text.replacingOccurrences(of: url, with: "the webhook")
        // A transport may print the URL without its query or path; cut anything after the host too.
        if let components = URLComponents(string: url) {
            if !components.path.isEmpty, components.path != "/" {
                result = result.replacingOccurrences(of: components.path, with: "/…")
            }
            if let query = components.query { result = result.replacingOccurrences(of: query, with: "…") }
        }
        return result
    }
}
