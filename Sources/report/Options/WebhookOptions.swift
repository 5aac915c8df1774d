import ArgumentParser

/// `--post URL` / `--post-env VAR`: where a report or a summary is also sent. Part of `OutputOptions`
/// (`analyze`, `build`) and used on its own by `summary`, whose other output options differ.
struct WebhookOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Also send the report to this webhook URL (Slack, or any endpoint taking JSON); "
                               + "the URL is treated as a secret and never printed.", valueName: "url"))
    var post: String?

    @Option(name: .customLong("post-env"),
            help: ArgumentHelp("Name of an environment variable holding the webhook URL.", valueName: "variable"))
    var postEnv: String?

    func validate() throws {
        if post != nil && postEnv != nil { throw ValidationError("Use either --post or --post-env, not both.") }
        // Never echo the value: it may hold a token.
        if let post, !Self.looksLikeWebhook(post) { throw ValidationError("--post needs an http:// or https:// URL.") }
    }

    /// The webhook URL from `--post` or the variable `--post-env` names (checked); nil when neither was given.
    func webhookURL(environment: [String: String]) throws -> String? {
        if let post { return post }
        guard let postEnv else { return nil }
        guard let value = environment[postEnv], !value.isEmpty else {
            throw ValidationError("--post-env: the environment variable \(postEnv) is not set or empty.")
        }
        guard Self.looksLikeWebhook(value) else {
            throw ValidationError("--post-env: the environment variable \(postEnv) does not hold an http(s) URL.")
        }
        return value
    }

    static func looksLikeWebhook(_ value: String) -> Bool {
        let lower = value.lowercased()
        return (lower.hasPrefix("https://") || lower.hasPrefix("http://")) && value.count > "http://".count
    }
}
