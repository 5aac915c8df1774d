/// What `--verbose` may show about credentials: where they came from and a hint of the key id.
extension AWSCredentials {
    /// The access key id shortened to its last 4 characters (`…WXYZ`), enough to tell two keys apart.
    public var accessKeyIdHint: String {
        accessKeyId.count <= 4 ? "…" : "…" + accessKeyId.suffix(4)
    }

    /// One line for `--verbose`, e.g. `credentials: profile dev (credentials file), key …WXYZ, temporary until 2026-11-25T13:00:00Z`.
    public var verboseSummary: String {
        var text = "credentials: \(source), key \(accessKeyIdHint)"
        if let expiration {
            text += ", temporary until \(expiration.formatted(.iso8601))"
        } else if sessionToken != nil {
            text += ", temporary"
        }
        return text
    }
}
