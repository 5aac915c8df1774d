import Dispatch
import Foundation

/// Signed AWS calls over an `HTTPTransport`: JSON 1.1 for CloudWatch Logs and CodeBuild, the query
/// protocol for STS, REST for S3, all through one attempt loop with the SDKs' standard retries, rate
/// limits, timeouts and clock-skew correction.
///
/// Thread-safe: the only mutable state is the clock offset, behind a lock; concurrency of the
/// requests themselves is whatever the transport allows.
/// Verbose log lines carry method, host, target, status, AWS error code, attempt and duration only:
/// never a header value, a body or a credential.
public final class AWSJSONClient: AWSJSONCalling, AWSQueryCalling, AWSRESTCalling, @unchecked Sendable {
    public let region: String
    private let endpoint: (AWSService) -> String
    private let credentials: CredentialsProvider
    private let transport: HTTPTransport
    private let clock: () -> Date
    private let sleeper: (Double) -> Void
    private let retry: RetryPolicy
    private let quota: RetryQuota
    private let rates: APIRateLimits
    private let timeouts: AWSCallTimeouts
    private let log: ((String) -> Void)?

    private let lock = NSLock()
    private var offset: Double = 0

    /// `endpoint` gives the base URL per service (`https://logs.us-east-1.amazonaws.com`, or a
    /// custom `http://127.0.0.1:5000`); `clock` and `sleeper` are injected for tests.
    public init(region: String, endpoint: @escaping (AWSService) -> String, credentials: CredentialsProvider,
                transport: HTTPTransport, clock: @escaping () -> Date = Date.init,
                sleeper: @escaping (Double) -> Void = { Thread.sleep(forTimeInterval: $0) },
                retry: RetryPolicy = .standard, quota: RetryQuota = .shared, rates: APIRateLimits = .shared,
                timeouts: AWSCallTimeouts = .standard, log: ((String) -> Void)? = nil) {
        self.region = region
        self.endpoint = endpoint
        self.credentials = credentials
        self.transport = transport
        self.clock = clock
        self.sleeper = sleeper
        self.retry = retry
        self.quota = quota
        self.rates = rates
        self.timeouts = timeouts
        self.log = log
    }

    /// Seconds added to the local clock when signing, learned from a skewed server `Date`.
    public var clockOffset: Double {
        lock.lock()
        defer { lock.unlock() }
        return offset
    }

    public func callJSON(service: AWSService, operation: String, body: [UInt8]) throws -> [UInt8] {
        guard let prefix = service.targetPrefix else {
            throw AWSClientError.protocolMismatch(service: service, operation: operation)
        }
        let target = "\(prefix).\(operation)"
        return try call(service: service, operation: operation, logLabel: target, method: "POST",
                        url: Self.baseURL(endpoint(service)), body: body, expecting: .json, headers: [
            HTTPHeader("Content-Type", "application/x-amz-json-1.1"),
            HTTPHeader("X-Amz-Target", target),
        ]).body
    }

    public func callQuery(service: AWSService, parameters: [(String, String)]) throws -> [UInt8] {
        guard let action = parameters.first(where: { $0.0 == "Action" })?.1, !action.isEmpty else {
            throw AWSClientError.missingAction(service: service)
        }
        return try call(service: service, operation: action, logLabel: "Action=\(action)", method: "POST",
                        url: Self.baseURL(endpoint(service)), body: AWSQueryBody.encode(parameters), expecting: .xml,
                        headers: [HTTPHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")]).body
    }

    public func callREST(_ call: AWSRESTRequest) throws -> HTTPResponse {
        try self.call(service: call.service, operation: call.operation, logLabel: call.operation, method: call.method,
                      url: call.url, body: call.body, expecting: call.expecting, headers: call.headers)
    }

    // MARK: - One call, several attempts

    private func call(service: AWSService, operation: String, logLabel: String, method: String, url: String,
                      body: [UInt8], expecting: ResponseBodyCheck.Expectation, headers: [HTTPHeader]) throws -> HTTPResponse {
        guard let parts = URLParts(url) else { throw HTTPError.invalidURL }
        var attempt = 0
        var correctedSkew = false
        var lastRetryCost = 0
        /// Whether another attempt may follow this failed one: attempts left and the retry quota pays for it.
        func mayRetry(afterTimeout: Bool, _ label: String) -> Bool {
            guard attempt < retry.maxAttempts else { return false }
            guard let cost = quota.acquire(afterTimeout: afterTimeout) else {
                log?(label + "; not retrying: the retry quota is spent (too many calls are failing)")
                return false
            }
            lastRetryCost = cost
            return true
        }
        while true {
            attempt += 1
            let current = try credentials.credentials()
            let pace = APIRateLimits.Key(account: current.accessKeyId, region: region, service: service, operation: operation)
            let wait = rates.reserve(pace)
            if wait > 0 { sleeper(wait) }
            var request = HTTPRequest(method: method, url: url, headers: headers, body: body)
            timeouts.apply(to: &request)
            SigV4Signer(credentials: current, region: region, service: service.signingName)
                .sign(&request, date: clock().addingTimeInterval(clockOffset))

            let started = DispatchTime.now().uptimeNanoseconds
            let response: HTTPResponse
            do {
                response = try transport.send(request)
            } catch let error as HTTPError {
                rates.record(pace, throttled: false)
                let label = "\(method) \(parts.hostHeader) \(logLabel) -> \(error.userMessage) (attempt \(attempt)/\(retry.maxAttempts), \(elapsed(since: started)))"
                if error.isTransient && mayRetry(afterTimeout: error.isTimeout, label) {
                    let delay = retry.backoff(afterAttempt: attempt)
                    log?(label + "; retrying in \(Self.seconds(delay)) s")
                    sleeper(delay)
                    continue
                }
                log?(label)
                throw error
            }

            if (200..<300).contains(response.status) {
                rates.record(pace, throttled: false)
                let label = "\(method) \(parts.hostHeader) \(logLabel) -> \(response.status) (attempt \(attempt)/\(retry.maxAttempts), \(elapsed(since: started)))"
                guard let damage = ResponseBodyCheck.damage(in: response.body, expecting: expecting) else {
                    log?(label)
                    quota.release(lastRetryCost: lastRetryCost)
                    return response
                }
                if mayRetry(afterTimeout: false, label) {
                    let delay = retry.backoff(afterAttempt: attempt)
                    log?(label + " with \(damage); retrying in \(Self.seconds(delay)) s")
                    sleeper(delay)
                    continue
                }
                log?(label + " with \(damage)")
                throw AWSDamagedResponseError(service: service, operation: operation, status: response.status,
                                              reason: damage, bytesReceived: response.body.count, attempts: attempt)
            }

            var error = AWSErrorDecoder.decode(response, service: service, operation: operation, region: region,
                                               secrets: [current.secretAccessKey, current.sessionToken ?? ""])
            error.attempts = attempt
            var label = "\(method) \(parts.hostHeader) \(logLabel) -> \(response.status) \(error.code.isEmpty ? "-" : error.code) (attempt \(attempt)/\(retry.maxAttempts), \(elapsed(since: started)))"
            if let lowered = rates.record(pace, throttled: error.isThrottling) {
                label += "; \(operation) in \(region) now paced at \(Self.seconds(lowered)) calls/s"
            }

            if error.mayBeClockSkew, !correctedSkew, let skew = measuredSkew(response) {
                // Re-sign with the server's time; this retry is extra and happens at most once per call.
                correctedSkew = true
                setOffset(skew)
                attempt -= 1
                log?(label + "; local clock is \(Self.seconds(abs(skew))) s off the server's Date, re-signing")
                continue
            }
            if RetryPolicy.isRetryable(error) && mayRetry(afterTimeout: false, label) {
                let delay = retry.delay(afterAttempt: attempt, retryAfterHeader: response.header("x-amz-retry-after"))
                log?(label + "; retrying in \(Self.seconds(delay)) s")
                sleeper(delay)
                continue
            }
            log?(label)
            throw error
        }
    }

    /// Server time minus local time when the server's `Date` is more than the threshold away from the
    /// (already corrected) local clock; nil otherwise.
    private func measuredSkew(_ response: HTTPResponse) -> Double? {
        guard let header = response.header("Date"), let serverDate = HTTPDate.parse(header) else { return nil }
        let local = clock()
        let skew = serverDate.timeIntervalSince(local)
        guard abs(skew - clockOffset) > RetryPolicy.clockSkewThreshold else { return nil }
        return skew
    }

    private func setOffset(_ value: Double) {
        lock.lock()
        offset = value
        lock.unlock()
    }

    /// JSON and query calls POST to `/`: add the slash to a bare `scheme://host[:port]`.
    static func baseURL(_ endpoint: String) -> String {
        guard let parts = URLParts(endpoint) else { return endpoint }
        if parts.path == "/" && !endpoint.hasSuffix("/") && parts.query.isEmpty && !endpoint.contains("#") {
            return endpoint + "/"
        }
        return endpoint
    }

    private func elapsed(since start: UInt64) -> String {
        let nanoseconds = DispatchTime.now().uptimeNanoseconds &- start
        return "\(Self.seconds(Double(nanoseconds) / 1e9)) s"
    }

    /// Three decimals, e.g. `0.042`.
    static func seconds(_ value: Double) -> String {
        guard value.isFinite else { return "\(value)" }
        return String(format: "%.3f", value)
    }
}

/// Misuse of the client by the code calling it (never caused by AWS's answer).
public enum AWSClientError: UserFacingError, Equatable {
    case protocolMismatch(service: AWSService, operation: String)
    case missingAction(service: AWSService)

    public var userMessage: String {
        switch self {
        case .protocolMismatch(let service, let operation):
            return "internal error: \(service.signingName) \(operation) is not a JSON 1.1 operation"
        case .missingAction(let service):
            return "internal error: a \(service.signingName) query call needs an Action parameter"
        }
    }
}
