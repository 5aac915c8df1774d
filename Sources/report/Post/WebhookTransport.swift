import Fetch

/// The transport `--post` uses.
enum WebhookTransport {
    /// Replaced by Fetch's `CurlTransport` when it lands on main.
    static func make() -> HTTPTransport { UnavailableTransport() }
}

/// Says plainly that this build cannot send HTTP yet, rather than pretending to.
final class UnavailableTransport: HTTPTransport {
    struct NotAvailable: UserFacingError {
        var userMessage: String { "HTTP is not available in this build (libcurl transport missing)" }
    }

    func send(_ request: HTTPRequest) throws -> HTTPResponse { throw NotAvailable() }
}
