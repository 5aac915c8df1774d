import Foundation

/// Provider (4): the container credentials endpoint of CodeBuild, ECS and EKS Pod Identity.
///
/// `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI` is appended to `http://169.254.170.2` (CodeBuild's own
/// agent, so cbtriage works inside a build). `AWS_CONTAINER_CREDENTIALS_FULL_URI` may be any https
/// URL, but plain http only to a loopback address or the ECS/EKS agent hosts: a token sent in clear
/// text to anywhere else could be read on the way. The `Authorization` header comes from
/// `AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE` (read on every fetch: EKS rotates it) or
/// `AWS_CONTAINER_AUTHORIZATION_TOKEN`.
struct ContainerCredentials {
    static let allowedHTTPHosts: Set<String> = ["169.254.170.2", "169.254.170.23", "fd00:ec2::23", "localhost"]

    var environment: AWSEnvironment
    var transport: HTTPTransport

    static func isConfigured(_ environment: AWSEnvironment) -> Bool {
        environment.value("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") != nil
            || environment.value("AWS_CONTAINER_CREDENTIALS_FULL_URI") != nil
    }

    func load() throws -> AWSCredentials {
        let url = try endpointURL()
        var headers = [HTTPHeader("Accept", "application/json")]
        if let token = try authorizationToken() { headers.append(HTTPHeader("Authorization", token)) }
        let request = HTTPRequest(method: "GET", url: url, headers: headers, connectTimeout: 2, totalTimeout: 5)
        let response = try sendRetryingTransientFailures(request)
        guard response.status == 200 else {
            throw CredentialsError.containerFailed(reason: "the endpoint answered HTTP \(response.status)")
        }
        return try CredentialsDocument.decode(response.body, provider: "the container credentials endpoint")
            .credentials(provider: "the container credentials endpoint", source: "container", requireExpiration: false)
    }

    func endpointURL() throws -> String {
        if let relative = environment.value("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") {
            let path = relative.hasPrefix("/") ? relative : "/" + relative
            return environment.containerCredentialsBaseURL + path
        }
        guard let full = environment.value("AWS_CONTAINER_CREDENTIALS_FULL_URI") else {
            throw CredentialsError.containerFailed(reason: "no endpoint variable is set")
        }
        let lower = full.lowercased()
        if lower.hasPrefix("https://") { return full }
        guard lower.hasPrefix("http://") else {
            throw CredentialsError.containerFailed(reason: "AWS_CONTAINER_CREDENTIALS_FULL_URI must be an http or https URL")
        }
        let host = Self.host(ofHTTPURL: full)
        guard Self.isLoopback(host) || Self.allowedHTTPHosts.contains(host) else {
            throw CredentialsError.containerFailed(
                reason: "AWS_CONTAINER_CREDENTIALS_FULL_URI host '\(host)' is not allowed over http; "
                    + "use https, a loopback address or one of \(Self.allowedHTTPHosts.sorted().joined(separator: ", "))")
        }
        return full
    }

    private func authorizationToken() throws -> String? {
        var token: String?
        if let path = environment.value("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE") {
            guard let bytes = try? environment.readFile(environment.expandingTilde(path)) else {
                throw CredentialsError.containerFailed(reason: "cannot read AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE \(path)")
            }
            token = String(decoding: bytes, as: UTF8.self).trimmingAll(of: " \t\r\n")
        } else {
            token = environment.value("AWS_CONTAINER_AUTHORIZATION_TOKEN")
        }
        // Scalars, not Characters: "\r\n" is one Character equal to neither.
        if let token, token.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" }) {
            throw CredentialsError.containerFailed(reason: "the authorization token contains a line break")
        }
        return token
    }

    /// Up to 3 attempts, but only for failures that may pass (no answer, 5xx); a 4xx is final.
    private func sendRetryingTransientFailures(_ request: HTTPRequest) throws -> HTTPResponse {
        var attempt = 1
        while true {
            do {
                let response = try transport.send(request)
                if response.status >= 500 && attempt < 3 { attempt += 1; continue }
                return response
            } catch {
                if attempt >= 3 { throw error }
                attempt += 1
            }
        }
    }

    static func host(ofHTTPURL url: String) -> String {
        let authority = url.dropFirst("http://".count).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let hostAndPort = authority.split(separator: "@").last ?? authority
        if hostAndPort.hasPrefix("[") {
            return String(hostAndPort.dropFirst().prefix { $0 != "]" }).lowercased()
        }
        return String(hostAndPort.prefix { $0 != ":" }).lowercased()
    }

    /// 127.0.0.0/8 and ::1, written as addresses (names other than `localhost` are not trusted).
    static func isLoopback(_ host: String) -> Bool {
        if host == "::1" || host == "0:0:0:0:0:0:0:1" { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4, octets.allSatisfy({ UInt8($0) != nil }) else { return false }
        return octets[0] == "127"
    }
}
