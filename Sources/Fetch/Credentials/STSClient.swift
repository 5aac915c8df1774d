import Foundation

/// The two STS query-protocol calls credential resolution needs: `AssumeRole` (signed with the
/// source credentials) and `AssumeRoleWithWebIdentity` (unsigned; the token is the proof).
///
/// Kept here rather than in `AWS/` so credentials do not depend on the JSON client that itself
/// needs credentials. Responses are small, fixed-shape XML read with `XMLFields`.
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

    func assumeRole(_ parameters: AssumeRoleParameters, sourceCredentials: AWSCredentials,
                    source: String) throws -> AWSCredentials {
        var query: [(String, String)] = [
            ("Action", "AssumeRole"), ("Version", "2011-06-15"),
            ("RoleArn", parameters.roleArn), ("RoleSessionName", parameters.roleSessionName),
        ]
        if let externalId = parameters.externalId { query.append(("ExternalId", externalId)) }
        if let duration = parameters.durationSeconds { query.append(("DurationSeconds", String(duration))) }
        var request = makeRequest(query)
        SigV4Signer(credentials: sourceCredentials, region: region, service: AWSService.sts.signingName)
            .sign(&request, date: now())
        return try send(request, operation: "AssumeRole", resultTag: "AssumeRoleResult", source: source)
    }

    func assumeRoleWithWebIdentity(roleArn: String, roleSessionName: String, token: String,
                                   source: String) throws -> AWSCredentials {
        let request = makeRequest([
            ("Action", "AssumeRoleWithWebIdentity"), ("Version", "2011-06-15"),
            ("RoleArn", roleArn), ("RoleSessionName", roleSessionName), ("WebIdentityToken", token),
        ])
        return try send(request, operation: "AssumeRoleWithWebIdentity",
                        resultTag: "AssumeRoleWithWebIdentityResult", source: source)
    }

    private func makeRequest(_ query: [(String, String)]) -> HTTPRequest {
        let body = query.map { "\(Self.percentEncode($0.0))=\(Self.percentEncode($0.1))" }.joined(separator: "&")
        return HTTPRequest(method: "POST", url: endpoint + "/",
                           headers: [HTTPHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")],
                           body: Array(body.utf8), connectTimeout: 5, totalTimeout: 30)
    }

    private func send(_ request: HTTPRequest, operation: String, resultTag: String,
                      source: String) throws -> AWSCredentials {
        let response = try transport.send(request)
        guard (200..<300).contains(response.status) else {
            let code = XMLFields.first("Code", in: response.body) ?? "HTTP \(response.status)"
            let message = XMLFields.first("Message", in: response.body) ?? ""
            throw CredentialsError.stsFailed(operation: operation, status: response.status,
                                             code: code, message: String(message.prefix(300)))
        }
        let provider = "STS \(operation)"
        guard let result = XMLFields.element(resultTag, in: response.body),
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

    /// RFC 3986: everything but unreserved characters is `%XX`, as SigV4 and the query protocol expect.
    static func percentEncode(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"),
                 UInt8(ascii: "."), UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                result += String(format: "%%%02X", byte)
            }
        }
        return result
    }
}

extension CredentialsDocument {
    init(accessKeyId: String?, secretAccessKey: String?, sessionToken: String?, expiration: String?) {
        self.init(version: nil, code: nil, accessKeyId: accessKeyId, secretAccessKey: secretAccessKey,
                  token: nil, sessionToken: sessionToken, expiration: expiration)
    }
}
