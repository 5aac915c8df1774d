import Foundation

/// A token bucket that paces requests: `rate` tokens a second, holding at most `max(rate, 1)` (botocore
/// `retries/bucket.py` `TokenBucket`: capacity equals the rate, a floor of 0.5/s).
///
/// It hands out reservations instead of blocking: `reserve(at:)` takes a token now, letting the balance go
/// below zero, and returns how long the caller must wait before sending. Callers sleep outside the lock, so
/// sixteen threads queue behind each other in the order they asked, each wait exactly one token's worth
/// longer than the one before it.
struct SendRateBucket {
    static let minimumRate = 0.5

    private(set) var rate: Double
    private var balance: Double
    private var refilledAt: Double?

    init(rate: Double) {
        self.rate = max(rate, Self.minimumRate)
        balance = max(rate, 1)
    }

    var capacity: Double { max(rate, 1) }

    /// Seconds from `now` (a monotonic clock in seconds) until the request that just took a token may go.
    mutating func reserve(at now: Double) -> Double {
        refill(at: now)
        balance -= 1
        return balance >= 0 ? 0 : -balance / rate
    }

    /// A new fill rate from `now` on; what accrued at the old rate is kept, up to the new capacity.
    mutating func setRate(_ newRate: Double, at now: Double) {
        refill(at: now)
        rate = max(newRate, Self.minimumRate)
        balance = min(balance, capacity)
    }

    private mutating func refill(at now: Double) {
        if let refilledAt, now > refilledAt {
            balance = min(capacity, balance + (now - refilledAt) * rate)
        }
        refilledAt = max(now, refilledAt ?? now)
    }
}
