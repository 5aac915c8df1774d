/// Provider (1): `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN` (or the older
/// `AWS_SECURITY_TOKEN`), and `AWS_CREDENTIAL_EXPIRATION` when the keys are temporary.
enum EnvironmentCredentials {
    /// True when the chain should stop here: either key variable is set.
    static func isConfigured(_ environment: AWSEnvironment) -> Bool {
        environment.value("AWS_ACCESS_KEY_ID") != nil || environment.value("AWS_SECRET_ACCESS_KEY") != nil
    }

    static func load(_ environment: AWSEnvironment) throws -> AWSCredentials {
        guard let accessKeyId = environment.value("AWS_ACCESS_KEY_ID") else {
            throw CredentialsError.partialEnvironment(missing: "AWS_ACCESS_KEY_ID")
        }
        guard let secret = environment.value("AWS_SECRET_ACCESS_KEY") else {
            throw CredentialsError.partialEnvironment(missing: "AWS_SECRET_ACCESS_KEY")
        }
        let token = environment.value("AWS_SESSION_TOKEN") ?? environment.value("AWS_SECURITY_TOKEN")
        var credentials = AWSCredentials(accessKeyId: accessKeyId, secretAccessKey: secret,
                                         sessionToken: token, source: "environment")
        if let expiration = environment.value("AWS_CREDENTIAL_EXPIRATION") {
            guard let date = ISO8601Timestamp.parse(expiration) else {
                throw CredentialsError.badResponse(provider: "environment",
                                                   reason: "AWS_CREDENTIAL_EXPIRATION is not an ISO 8601 time")
            }
            credentials.expiration = date
        }
        return credentials
    }
}
