import Fetch

/// The transport `--post` uses: libcurl, with Fetch's timeouts and TLS settings.
enum WebhookTransport {
    static func make() -> HTTPTransport { CurlTransport() }
}
