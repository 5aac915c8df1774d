import Dispatch
import Foundation

/// Client-side rate limits, one per (account, Region, API), shared by every thread of the process — so
/// `summary --jobs 16` sends no faster than AWS's per-account quota instead of being throttled into losing
/// builds.
///
/// Each limit starts at the API's documented quota (`defaultQuotas`, or the user's `--api-rate`), which is
/// never exceeded; a throttling answer slows it as the SDKs' "adaptive" retry mode does (`CubicSendRate`),
/// and successes bring it back. An API without a known quota is not paced until it is first throttled
/// (botocore's adaptive mode starts the same way). The account is keyed by the credentials' access key id:
/// the process does not know the account number without an extra STS call, and one key belongs to one
/// account.
public final class APIRateLimits: @unchecked Sendable {
    /// Requests per second per account and Region, from AWS's documentation:
    /// GetLogEvents 10 and FilterLogEvents 5 ("CloudWatch Logs quotas"; re:Post knowledge center
    /// "cloudwatch-logs-throttling": FilterLogEvents "5 transactions per second (TPS) per account/Region"),
    /// DescribeLogStreams 5 (API reference: "a limit of five transactions per second"). CodeBuild publishes no
    /// per-API request rates: its calls are paced only once throttled.
    public static let defaultQuotas: [String: Double] = [
        "GetLogEvents": 10,
        "FilterLogEvents": 5,
        "DescribeLogStreams": 5,
    ]

    /// The process's limits.
    public static let shared = APIRateLimits()

    struct Key: Hashable {
        var account: String
        var region: String
        var service: AWSService
        var operation: String
    }

    private let lock = NSLock()
    private var quotas: [String: Double]
    private var limiters: [Key: Limiter] = [:]
    private let now: () -> Double
    private let adaptive: Bool

    /// `now` is a monotonic clock in seconds, injected by tests. `adaptive: false` never slows on throttling.
    public init(quotas: [String: Double] = APIRateLimits.defaultQuotas, adaptive: Bool = true,
                now: @escaping () -> Double = { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }) {
        self.quotas = quotas
        self.adaptive = adaptive
        self.now = now
    }

    /// Limits that never pace: for unit tests of retries, whose sleeps are recorded rather than slept.
    public static func unpaced() -> APIRateLimits { APIRateLimits(quotas: [:], adaptive: false) }

    /// Sets an API's quota (requests per second); nil removes it (paced only once throttled). Applies to calls
    /// made from now on.
    public func setQuota(_ perSecond: Double?, operation: String) {
        lock.lock()
        defer { lock.unlock() }
        quotas[operation] = perSecond
        limiters = limiters.filter { $0.key.operation != operation }
    }

    public func quota(operation: String) -> Double? {
        lock.lock()
        defer { lock.unlock() }
        return quotas[operation]
    }

    /// Seconds the caller must wait before sending this request (0 when it may go now). Takes its slot.
    func reserve(_ key: Key) -> Double {
        withLimiter(key) { limiter, at in limiter.reserve(at: at) }
    }

    /// Tells the limit how a request ended. Returns the new rate when a throttle lowered it, for `--verbose`.
    @discardableResult
    func record(_ key: Key, throttled: Bool) -> Double? {
        guard adaptive else { return nil }
        return withLimiter(key) { limiter, at in limiter.record(throttled: throttled, at: at) }
    }

    /// Runs `body` on the key's limiter (made at its quota the first time) under the lock, at the current time.
    private func withLimiter<T>(_ key: Key, _ body: (inout Limiter, Double) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        let at = now()
        var limiter = limiters[key] ?? Limiter(quota: quotas[key.operation], at: at)
        let result = body(&limiter, at)
        limiters[key] = limiter
        return result
    }

    /// The rate one API is currently paced at; nil when it is not paced. For tests and `--verbose`.
    func currentRate(_ key: Key) -> Double? {
        lock.lock()
        defer { lock.unlock() }
        guard let limiter = limiters[key], limiter.paced else { return nil }
        return limiter.bucket.rate
    }

    /// One API's limit: the bucket, and the adaptive state that sets its rate.
    struct Limiter {
        /// Multiple of the measured sending rate the limit may run ahead of it (botocore `_MAX_RATE_ADJUST_SCALE`).
        static let measuredRateScale = 2.0

        let quota: Double?
        var bucket: SendRateBucket
        var cubic: CubicSendRate
        var measured: MeasuredSendRate
        var throttledOnce = false

        init(quota: Double?, at now: Double) {
            self.quota = quota
            bucket = SendRateBucket(rate: quota ?? 1)
            cubic = CubicSendRate(startingAt: now)
            measured = MeasuredSendRate(startingAt: now)
        }

        /// Paced from the start when the quota is known, else from the first throttle on.
        var paced: Bool { quota != nil || throttledOnce }

        mutating func reserve(at now: Double) -> Double {
            paced ? bucket.reserve(at: now) : 0
        }

        mutating func record(throttled: Bool, at now: Double) -> Double? {
            let sending = measured.record(at: now)
            var rate: Double
            if throttled {
                // What was being sent when AWS said no: the measured rate, no more than the limit then in force.
                let basis = paced ? min(sending, bucket.rate) : sending
                rate = cubic.afterThrottle(sendingRate: basis > 0 ? basis : bucket.rate, at: now)
                throttledOnce = true
            } else if throttledOnce {
                rate = cubic.afterSuccess(at: now)
            } else {
                return nil
            }
            rate = min(rate, Self.measuredRateScale * max(sending, SendRateBucket.minimumRate))
            if let quota { rate = min(rate, quota) }
            bucket.setRate(rate, at: now)
            return throttled ? bucket.rate : nil
        }
    }
}
