import Foundation

/// When and how long to wait before trying an AWS call again: the SDKs' "standard" retry mode.
///
/// - Attempts: 3 in total (AWS SDKs and Tools Reference Guide, "Retry behavior": standard mode
///   "makes three attempts" unless `max_attempts` is set).
/// - Backoff: truncated binary exponential with full jitter, `rand(0,1) * min(2^(i-1), 20)` seconds
///   before attempt `i + 1`, where `i` is the 1-based number of the attempt that failed — botocore
///   `botocore/retries/standard.py` `ExponentialBackoff.delay_amount` (standard mode 2.0,
///   `_BASE = 2`, `_MAX_BACKOFF = 20`). So the first retry waits up to 1 s, the second up to 2 s.
/// - Retried: the throttling codes and transient codes below, HTTP 500/502/503/504 and 429, and
///   connection failures and timeouts (`HTTPError.isTransient`). Nothing else: access denied,
///   not found, expired token or a bad signature repeat identically.
/// - The retry quota (token bucket) shared by the process is `RetryQuota`; a server's `x-amz-retry-after`
///   (milliseconds) replaces the computed backoff, capped at `maxBackoff`.
public struct RetryPolicy: Sendable {
    /// Total attempts, first one included; at least 1.
    public var maxAttempts: Int
    /// Cap on one backoff, seconds.
    public var maxBackoff: Double
    /// Returns a number in [0, 1]; injected so tests can pin the jitter.
    public var random: @Sendable () -> Double

    public init(maxAttempts: Int = 3, maxBackoff: Double = 20,
                random: @escaping @Sendable () -> Double = { Double.random(in: 0...1) }) {
        self.maxAttempts = max(1, maxAttempts)
        self.maxBackoff = maxBackoff
        self.random = random
    }

    public static let standard = RetryPolicy()

    /// Seconds to wait after attempt number `failedAttempt` (1-based) failed.
    public func backoff(afterAttempt failedAttempt: Int) -> Double {
        let exponent = min(max(failedAttempt - 1, 0), 30)
        let ceiling = min(Double(1 << exponent), maxBackoff)
        let jitter = min(max(random(), 0), 1)
        return jitter * ceiling
    }

    /// The wait before the next attempt: the server's `x-amz-retry-after` (milliseconds, capped at
    /// `maxBackoff`) when it sent a usable one, else the jittered backoff.
    public func delay(afterAttempt failedAttempt: Int, retryAfterHeader: String?) -> Double {
        if let header = retryAfterHeader?.trimmingCharacters(in: .whitespaces), let millis = Int(header), millis >= 0 {
            return min(Double(millis) / 1000, maxBackoff)
        }
        return backoff(afterAttempt: failedAttempt)
    }

    /// Error codes the SDKs treat as throttling (botocore `standard.py`, `ThrottlingErrorDetector`).
    public static let throttlingCodes: Set<String> = [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "ProvisionedThroughputExceededException",
        "TransactionInProgressException", "RequestLimitExceeded", "BandwidthLimitExceeded",
        "LimitExceededException", "RequestThrottled", "SlowDown", "PriorRequestNotComplete",
        "EC2ThrottledException",
    ]

    /// Error codes the SDKs treat as transient (`TransientRetryableChecker`).
    public static let transientCodes: Set<String> = [
        "RequestTimeout", "RequestTimeoutException", "PriorRequestNotComplete",
    ]

    /// HTTP statuses retried whatever the body says.
    public static let transientStatuses: Set<Int> = [500, 502, 503, 504]

    /// Errors a wrong local clock causes; retried once after correcting the clock from the server's
    /// `Date` header, and only when that header is more than `clockSkewThreshold` away.
    public static let clockSkewCodes: Set<String> = [
        "RequestTimeTooSkewed", "RequestExpired", "InvalidSignatureException", "SignatureDoesNotMatch",
        "AuthFailure", "RequestInTheFuture",
    ]

    /// AWS accepts signatures up to 5 minutes off; past 4 minutes the clock is treated as skewed
    /// (botocore's and the Java SDK's threshold).
    public static let clockSkewThreshold: Double = 4 * 60

    /// Whether this AWS error is worth another attempt (clock skew is handled separately).
    public static func isRetryable(_ error: AWSError) -> Bool {
        error.isThrottling || error.isTransient
    }
}
