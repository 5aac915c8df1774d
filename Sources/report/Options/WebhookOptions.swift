import ArgumentParser

/// `--post URL` / `--post-env VAR` for commands whose other output options differ (`summary`); `analyze` and
/// `build` have the same two in `OutputOptions`.
struct WebhookOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Also send the summary to this webhook URL (Slack, or any endpoint taking JSON); "
                               + "the URL is treated as a secret and never printed.", valueName: "url"))
    var post: String?

    @Option(name: .customLong("post-env"),
            help: ArgumentHelp("Name of an environment variable holding the webhook URL.", valueName: "variable"))
    var postEnv: String?

    func validate() throws {
        if post != nil && postEnv != nil { throw ValidationError("Use either --post or --post-env, not both.") }
        // Never echo the value: it may hold a token.
        if let post, !OutputOptions.looksLikeWebhook(post) { throw ValidationError("--post needs an http:// or https:// URL.") }
    }

    /// The same reading as `OutputOptions.webhookURL`.
    func webhookURL(environment: [String: String]) throws -> String? {
        try OutputOptions.webhookURL(post: post, postEnv: postEnv, environment: environment)
    }
}
