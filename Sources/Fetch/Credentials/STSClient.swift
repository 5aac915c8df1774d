import Foundation

/// The two STS query-protocol calls credential resolution needs.
///
/// `AssumeRole` goes through `AWSJSONClient.callQuery`, signed with the source credentials, so it
/// gets the SDKs' retries, clock-skew correction and `AWSError` messages. `AssumeRoleWithWebIdentity`
/// is sent unsigned (the token is the proof, and there may be no credentials at all yet), so it is
/// built here. Both answers are small, fixed-shape XML read with `XMLFields`.
struct STSClient {
    var transport: HTTPTransport
    var endpoint: String
    var region: String
    var now: @Sendable () -> Date

    struct AssumeRoleParameters {
        var roleArn: String
        var roleSessionName: String
        var externalId: String?
        var durationSeconds: Int?
    }

    func assumeRole(_ parameters: AssumeRoleParameters, source: CredentialsProvider,
                    description: String) throws -> AWSCredentials {
        var query: [(String, String)] = [
            ("Action", "AssumeRole"), ("Version", "2011-06-15"),
            ("RoleArn", parameters.roleArn), ("RoleSessionName", parameters.roleSessionName),
        ]
        if let externalId = parameters.externalId { query.append(("ExternalId", externalId)) }
        if let duration = parameters.durationSeconds { query.append(("DurationSeconds", String(duration))) }
        let endpoint = self.endpoint
        let now = self.now
        let client = AWSJSONClient(region: region, endpoint: { _ in endpoint }, credentials: source,
                                   transport: transport, clock: { now() })
        let body = try client.callQuery(service: .sts, parameters: query)
        return try Self.credentials(in: body, operation: "AssumeRole", source: description)
    }

    func assumeRoleWithWebIdentity(roleArn: String, roleSessionName: String, token: String,
                                   source: String) throws -> AWSCredentials {
        let body = AWSQueryBody.encode([
            ("Action", "AssumeRoleWithWebIdentity"), ("Version", "2011-06-15"),
            ("RoleArn", roleArn), ("RoleSessionName", roleSessionName), ("WebIdentityToken", token),
        ])
        let request = HTTPRequest(method: "POST", url: endpoint + "/",
                                  headers: [HTTPHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")],
                                  body: body, connectTimeout: 5, totalTimeout: 30)
        let response = try transport.send(request)
        guard (200..<300).contains(response.status) else {
            // The token is not a secret key, but it is a bearer credential: keep it out of the message.
            throw AWSErrorDecoder.decode(response, service: .sts, operation: "AssumeRoleWithWebIdentity",
                                         region: region, secrets: [token])
        }
        return try Self.credentials(in: response.body, operation: "AssumeRoleWithWebIdentity", source: source)
    }

    static func credentials(in body: [UInt8], operation: String, source: String) throws -> AWSCredentials {
        let provider = "STS \(operation)"
        guard let result = XMLFields.element("\(operation)Result", in: body),
              let credentials = XMLFields.element("Credentials", in: result) else {
            throw CredentialsError.badResponse(provider: provider, reason: "no <Credentials> in the response")
        }
        let document = CredentialsDocument(
            accessKeyId: XMLFields.first("AccessKeyId", in: credentials),
            secretAccessKey: XMLFields.first("SecretAccessKey", in: credentials),
            sessionToken: XMLFields.first("SessionToken", in: credentials),
            expiration: XMLFields.first("Expiration", in: credentials))
        return try document.credentials(provider: provider, source: source, requireExpiration: true)
    }
}

extension CredentialsDocument {
    init(accessKeyId: String?, secretAccessKey: String?, sessionToken: String?, expiration: String?) {
        self.init(version: nil, code: nil, accessKeyId: accessKeyId, secretAccessKey: secretAccessKey,
                  token: nil, sessionToken: sessionToken, expiration: expiration)
    }
}
