import Foundation

/// The SDKs' retry quota (botocore `retries/quota.py` and `standard.py` `RetryQuotaChecker`): a token bucket,
/// shared by every call of the process, that lets retries through while most calls succeed and stops them
/// when AWS (or the network) is failing across the board, so a struggling service is not hit three times as
/// hard. A retry costs 5 tokens (10 after a timeout); a call that succeeds gives back the cost of its last retry
/// (botocore keeps only that one in the call's context), or 1 token when it needed none; the bucket holds at
/// most 500.
public final class RetryQuota: @unchecked Sendable {
    public static let initialTokens = 500
    public static let retryCost = 5
    public static let timeoutRetryCost = 10
    public static let noRetryIncrement = 1

    /// One quota for the whole process: `summary --jobs N` runs its calls from N threads.
    public static let shared = RetryQuota()

    private let lock = NSLock()
    private var tokens: Int
    private let capacity: Int

    public init(tokens: Int = RetryQuota.initialTokens) {
        self.tokens = tokens
        self.capacity = tokens
    }

    public var available: Int {
        lock.lock()
        defer { lock.unlock() }
        return tokens
    }

    /// Takes the cost of one retry and returns it; nil (and nothing taken) when the bucket cannot pay it.
    public func acquire(afterTimeout: Bool) -> Int? {
        let cost = afterTimeout ? Self.timeoutRetryCost : Self.retryCost
        lock.lock()
        defer { lock.unlock() }
        guard tokens >= cost else { return nil }
        tokens -= cost
        return cost
    }

    /// After a call succeeded: gives back its last retry's cost, or `noRetryIncrement` when it had none.
    public func release(lastRetryCost taken: Int) {
        lock.lock()
        tokens = min(capacity, tokens + (taken > 0 ? taken : Self.noRetryIncrement))
        lock.unlock()
    }
}
