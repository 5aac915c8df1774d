import Foundation

/// Provider (5): the EC2 instance role through IMDSv2.
///
/// IMDSv2 token first (`PUT /latest/api/token`), then the role name, then its credentials, each
/// with the token header. Timeouts are short and there is one attempt per path, because off EC2
/// nothing answers at 169.254.169.254 and the chain must fail fast. `AWS_EC2_METADATA_DISABLED=true`
/// skips it; `AWS_EC2_METADATA_SERVICE_ENDPOINT` (or `ec2_metadata_service_endpoint`) moves it;
/// `AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE=IPv6` uses `[fd00:ec2::254]`.
struct InstanceMetadataCredentials {
    /// Thrown when nothing answers: the chain reports "not on EC2" rather than a failure.
    struct Unreachable: Error {}

    var environment: AWSEnvironment
    var profile: SharedConfig.Profile?
    var transport: HTTPTransport

    static func isDisabled(_ environment: AWSEnvironment) -> Bool {
        environment.flag("AWS_EC2_METADATA_DISABLED")
    }

    var baseURL: String {
        var base = environment.value("AWS_EC2_METADATA_SERVICE_ENDPOINT") ?? profile?["ec2_metadata_service_endpoint"]
        if base == nil {
            let mode = environment.value("AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE")
                ?? profile?["ec2_metadata_service_endpoint_mode"]
            base = mode?.lowercased() == "ipv6" ? "http://[fd00:ec2::254]" : "http://169.254.169.254"
        }
        var result = base ?? "http://169.254.169.254"
        while result.hasSuffix("/") { result.removeLast() }
        return result
    }

    func load() throws -> AWSCredentials {
        let token = try fetchToken()
        let tokenHeader = HTTPHeader("X-aws-ec2-metadata-token", token)
        let listing = try get("/latest/meta-data/iam/security-credentials/", token: tokenHeader)
        let listed = String(decoding: listing, as: UTF8.self)
        guard let role = listed.split(whereSeparator: \.isNewline).first.map({ String($0).trimmingAll(of: " \t") }),
              !role.isEmpty else {
            throw CredentialsError.instanceMetadataFailed(reason: "the instance has no IAM role attached")
        }
        let body = try get("/latest/meta-data/iam/security-credentials/\(role)", token: tokenHeader)
        let provider = "EC2 instance metadata"
        let document = try CredentialsDocument.decode(body, provider: provider)
        if let code = document.code, code != "Success" {
            throw CredentialsError.instanceMetadataFailed(reason: "role '\(role)' credentials status is \(code)")
        }
        return try document.credentials(provider: provider, source: "EC2 instance role \(role)", requireExpiration: true)
    }

    private func fetchToken() throws -> String {
        let request = HTTPRequest(method: "PUT", url: baseURL + "/latest/api/token",
                                  headers: [HTTPHeader("X-aws-ec2-metadata-token-ttl-seconds", "21600")],
                                  connectTimeout: 1, totalTimeout: 2)
        let response: HTTPResponse
        do { response = try transport.send(request) } catch { throw Unreachable() }
        guard response.status == 200 else {
            throw CredentialsError.instanceMetadataFailed(reason: "IMDSv2 token request answered HTTP \(response.status)")
        }
        return String(decoding: response.body, as: UTF8.self).trimmingAll(of: " \t\r\n")
    }

    private func get(_ path: String, token: HTTPHeader) throws -> [UInt8] {
        let request = HTTPRequest(method: "GET", url: baseURL + path, headers: [token],
                                  connectTimeout: 1, totalTimeout: 2)
        let response: HTTPResponse
        do { response = try transport.send(request) } catch {
            throw CredentialsError.instanceMetadataFailed(reason: "no answer for \(path)")
        }
        guard response.status == 200 else {
            let reason = response.status == 404 ? "the instance has no IAM role attached (HTTP 404 for \(path))"
                : "HTTP \(response.status) for \(path)"
            throw CredentialsError.instanceMetadataFailed(reason: reason)
        }
        return response.body
    }
}
