import Foundation

/// How fast to send after throttling, as the SDKs' "adaptive" retry mode decides it (botocore
/// `retries/throttling.py` `CubicCalculator`, the CUBIC congestion window applied to a request rate):
/// on a throttle the rate drops to `beta` (0.7) of what was being sent, and then grows back along
/// `C·(t − K)³ + Wmax` with `C` = 0.4 and `K` = ∛(Wmax·(1 − beta)/C): quickly at first, flat near the rate
/// that was throttled, then probing above it.
struct CubicSendRate {
    static let scale = 0.4
    static let beta = 0.7

    private var lastMaximum: Double
    private var zeroPoint: Double
    private var lastThrottle: Double

    init(startingAt now: Double) {
        lastMaximum = 0
        zeroPoint = 0
        lastThrottle = now
    }

    /// The rate to allow after a success at `now`.
    func afterSuccess(at now: Double) -> Double {
        let since = now - lastThrottle
        return Self.scale * pow(since - zeroPoint, 3) + lastMaximum
    }

    /// The rate to allow after a throttle at `now`, when `sendingRate` calls/s were being sent.
    mutating func afterThrottle(sendingRate: Double, at now: Double) -> Double {
        lastMaximum = sendingRate
        zeroPoint = cbrt(sendingRate * (1 - Self.beta) / Self.scale)
        lastThrottle = now
        return sendingRate * Self.beta
    }
}

/// The rate requests are actually sent at, smoothed (botocore `RateClocker`): counted in half-second
/// buckets, each new bucket's rate weighted 0.8 against the running value.
struct MeasuredSendRate {
    static let smoothing = 0.8
    static let bucketSeconds = 0.5

    private(set) var rate: Double = 0
    private var count = 0.0
    private var bucketStart: Double

    init(startingAt now: Double) {
        bucketStart = (now / Self.bucketSeconds).rounded(.down) * Self.bucketSeconds
    }

    /// Counts one request answered at `now`; returns the smoothed rate.
    mutating func record(at now: Double) -> Double {
        let bucket = (now / Self.bucketSeconds).rounded(.down) * Self.bucketSeconds
        count += 1
        if bucket > bucketStart {
            let current = count / (bucket - bucketStart)
            rate = current * Self.smoothing + rate * (1 - Self.smoothing)
            count = 0
            bucketStart = bucket
        }
        return rate
    }
}
