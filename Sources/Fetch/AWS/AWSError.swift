/// An error answer from an AWS service, decoded faithfully from its JSON or XML body.
///
/// `code` and `message` are the service's own (the part of `__type` after `#`, `<Code>`), so callers
/// can match on them; `userMessage` adds what to do for the common ones. The message is scrubbed of
/// the canonical request that some services echo for `SignatureDoesNotMatch` (it would show the
/// session token) and of any credential the client knows.
public struct AWSError: UserFacingError, Equatable {
    /// e.g. `ResourceNotFoundException`, `SignatureDoesNotMatch`; empty when the body named none.
    public var code: String
    /// The service's message, one line; may be empty.
    public var message: String
    public var status: Int
    public var service: AWSService
    public var operation: String
    public var region: String
    /// `x-amzn-RequestId` / `<RequestId>`, for support cases.
    public var requestId: String?
    /// How many attempts were made before giving up (1 when the error is not retryable).
    public var attempts: Int

    public init(code: String, message: String, status: Int, service: AWSService, operation: String,
                region: String, requestId: String? = nil, attempts: Int = 1) {
        self.code = code
        self.message = message
        self.status = status
        self.service = service
        self.operation = operation
        self.region = region
        self.requestId = requestId
        self.attempts = attempts
    }

    /// The IAM action the call needs, e.g. `logs:GetLogEvents`.
    public var iamAction: String { "\(service.signingName):\(operation)" }

    public var userMessage: String {
        let what = code.isEmpty ? "HTTP \(status)" : "\(code) (HTTP \(status))"
        var text = "\(service.signingName) \(operation) in \(region) failed: \(what)"
        if !message.isEmpty { text += ": \(message)" }
        if let advice { text += " - \(advice)" }
        return text
    }

    /// What to do about the common errors; nil when there is nothing better than the service's message.
    public var advice: String? {
        switch code {
        case "AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "UnauthorizedException":
            return "the credentials lack the IAM permission \(iamAction); add it to the role or user policy"
        case "UnrecognizedClientException", "InvalidClientTokenId", "SignatureDoesNotMatch",
             "IncompleteSignature", "InvalidSignatureException", "MissingAuthenticationToken", "AuthFailure":
            return "AWS rejected the access key or its signature; check the key pair, AWS_PROFILE and the profile's settings"
        case "ExpiredToken", "ExpiredTokenException", "TokenRefreshRequired":
            return "the session credentials have expired; refresh them (e.g. `aws sso login`) and retry"
        case "ResourceNotFoundException":
            return "not found in \(region); check the name or id and the region"
        case _ where RetryPolicy.throttlingCodes.contains(code) || status == 429:
            return "AWS throttled the request \(attempts) time(s); wait and try again, or lower the request rate"
        case _ where status >= 500:
            return "AWS had a server-side problem (\(attempts) attempt(s)); try again later"
        default:
            return nil
        }
    }

    public var isThrottling: Bool { RetryPolicy.throttlingCodes.contains(code) || status == 429 }
    public var isTransient: Bool { RetryPolicy.transientCodes.contains(code) || RetryPolicy.transientStatuses.contains(status) }
    /// An error that a wrong local clock can cause (the retry corrects the clock when `Date` is off).
    public var mayBeClockSkew: Bool { RetryPolicy.clockSkewCodes.contains(code) }
}
