/// `aws_access_key_id` / `aws_secret_access_key` / `aws_session_token` in a profile section.
enum StaticProfileCredentials {
    static func isConfigured(_ profile: SharedConfig.Profile?) -> Bool {
        profile?["aws_access_key_id"] != nil || profile?["aws_secret_access_key"] != nil
    }

    static func load(_ profile: SharedConfig.Profile, name: String, file: String) throws -> AWSCredentials {
        guard let accessKeyId = profile["aws_access_key_id"] else {
            throw CredentialsError.partialProfile(profile: name, missing: "aws_access_key_id")
        }
        guard let secret = profile["aws_secret_access_key"] else {
            throw CredentialsError.partialProfile(profile: name, missing: "aws_secret_access_key")
        }
        return AWSCredentials(accessKeyId: accessKeyId, secretAccessKey: secret,
                              sessionToken: profile["aws_session_token"], source: "profile \(name) (\(file))")
    }
}
