@testable import Fetch
import XCTest

/// The client-side rate limits: the token bucket's pacing, botocore's CUBIC adaptation after a throttle, and
/// one limit per (account, Region, API) shared by every caller. Time is a fake clock: nothing here sleeps.
final class APIRateLimitsTests: XCTestCase {
    final class FakeClock: @unchecked Sendable {
        var now = 1_000.0
    }

    private func key(_ operation: String = "GetLogEvents", account: String = "AKIAEXAMPLE", region: String = "us-east-1") -> APIRateLimits.Key {
        APIRateLimits.Key(account: account, region: region, service: .cloudWatchLogs, operation: operation)
    }

    func testABucketLetsItsBurstGoThenSpacesRequestsOneTokenApart() {
        var bucket = SendRateBucket(rate: 10)
        let waits = (0..<15).map { _ in bucket.reserve(at: 5) }
        XCTAssertEqual(Array(waits.prefix(10)), Array(repeating: 0, count: 10), "a full bucket holds 10")
        for (index, wait) in waits.dropFirst(10).enumerated() {
            XCTAssertEqual(wait, Double(index + 1) / 10, accuracy: 1e-9, "reservation \(index + 11)")
        }
        // After the queue has drained and a second passes, the bucket holds 10 again, not more.
        XCTAssertEqual(bucket.reserve(at: 5 + 0.5 + 1), 0)
        XCTAssertEqual((0..<9).map { _ in bucket.reserve(at: 6.5) }.filter { $0 > 0 }.count, 0)
        XCTAssertGreaterThan(bucket.reserve(at: 6.5), 0)
    }

    func testARateBelowTheFloorIsHalfARequestASecond() {
        var bucket = SendRateBucket(rate: 0.01)
        XCTAssertEqual(bucket.rate, 0.5)
        XCTAssertEqual(bucket.reserve(at: 0), 0)
        XCTAssertEqual(bucket.reserve(at: 0), 2, accuracy: 1e-9)
    }

    func testCubicDropsToSeventyPercentThenClimbsBackPastTheThrottledRate() {
        var cubic = CubicSendRate(startingAt: 0)
        XCTAssertEqual(cubic.afterThrottle(sendingRate: 10, at: 100), 7, accuracy: 1e-9)
        // K = cbrt(10 * 0.3 / 0.4) ≈ 1.957 s: the curve is back at 10/s then, and above it later.
        let zero = cbrt(10 * 0.3 / 0.4)
        XCTAssertEqual(cubic.afterSuccess(at: 100), 7, accuracy: 1e-9)
        XCTAssertEqual(cubic.afterSuccess(at: 100 + zero), 10, accuracy: 1e-9)
        XCTAssertGreaterThan(cubic.afterSuccess(at: 100 + zero + 2), 10)
        XCTAssertLessThan(cubic.afterSuccess(at: 100 + 1), 10)
    }

    func testAKnownQuotaPacesFromTheFirstCallAndIsNeverExceeded() {
        let clock = FakeClock()
        let limits = APIRateLimits(now: { clock.now })
        let waits = (0..<30).map { _ in limits.reserve(key()) }
        XCTAssertEqual(waits.filter { $0 == 0 }.count, 10)
        XCTAssertEqual(waits.last ?? 0, 2.0, accuracy: 1e-9, "the 30th of 30 at 10/s goes 2 s later")
        // Successes never lift the rate above the quota.
        for step in 0..<200 {
            clock.now += 0.1
            limits.record(key(), throttled: false)
            if step.isMultiple(of: 50) { XCTAssertEqual(limits.currentRate(key()), 10) }
        }
        XCTAssertEqual(limits.currentRate(key()), 10)
    }

    func testAThrottleSlowsTheLimitAndSuccessesBringItBackToTheQuota() {
        let clock = FakeClock()
        let limits = APIRateLimits(now: { clock.now })
        // Sending 10 a second for a few seconds, so the measured rate is 10.
        for _ in 0..<40 {
            clock.now += 0.1
            _ = limits.reserve(key())
            limits.record(key(), throttled: false)
        }
        let lowered = try? XCTUnwrap(limits.record(key(), throttled: true))
        XCTAssertEqual(lowered ?? 0, 7, accuracy: 0.5, "0.7 of the rate being sent")
        XCTAssertLessThan(limits.currentRate(key()) ?? 99, 10)
        for _ in 0..<100 {
            clock.now += 0.1
            _ = limits.reserve(key())
            limits.record(key(), throttled: false)
        }
        XCTAssertEqual(limits.currentRate(key()) ?? 0, 10, accuracy: 1e-9, "recovered to the quota, not beyond")
    }

    func testAnAPIWithoutAQuotaIsUnpacedUntilThrottled() {
        let clock = FakeClock()
        let limits = APIRateLimits(now: { clock.now })
        let batch = key("BatchGetBuilds")
        XCTAssertEqual((0..<100).map { _ in limits.reserve(batch) }.max(), 0)
        XCTAssertNil(limits.currentRate(batch))
        for _ in 0..<20 { clock.now += 0.05; limits.record(batch, throttled: false) }
        XCTAssertNotNil(limits.record(batch, throttled: true))
        XCTAssertNotNil(limits.currentRate(batch), "paced from the first throttle on")
        XCTAssertGreaterThan((0..<50).map { _ in limits.reserve(batch) }.max() ?? 0, 0)
    }

    func testLimitsAreSeparatePerAccountRegionAndAPIAndConfigurable() {
        let clock = FakeClock()
        let limits = APIRateLimits(now: { clock.now })
        for _ in 0..<10 { _ = limits.reserve(key()) }
        XCTAssertGreaterThan(limits.reserve(key()), 0, "this API's bucket is empty")
        XCTAssertEqual(limits.reserve(key(region: "eu-west-1")), 0)
        XCTAssertEqual(limits.reserve(key(account: "AKIAOTHER")), 0)
        XCTAssertEqual(limits.reserve(key("FilterLogEvents")), 0)
        XCTAssertEqual(limits.quota(operation: "FilterLogEvents"), 5)

        limits.setQuota(2, operation: "GetLogEvents")
        XCTAssertEqual((0..<4).map { _ in limits.reserve(key()) }, [0, 0, 0.5, 1.0])
        limits.setQuota(nil, operation: "GetLogEvents")
        XCTAssertEqual((0..<100).map { _ in limits.reserve(key()) }.max(), 0)
    }

    func testEveryThreadSharesOneLimit() {
        let clock = FakeClock()
        let limits = APIRateLimits(now: { clock.now })
        let waits = NSLock()
        var all: [Double] = []
        DispatchQueue.concurrentPerform(iterations: 16) { _ in
            for _ in 0..<5 {
                let wait = limits.reserve(key())
                waits.lock(); all.append(wait); waits.unlock()
            }
        }
        // 80 reservations at 10/s with a burst of 10: the waits are 0 (×10) then 0.1 … 7.0, each once.
        XCTAssertEqual(all.filter { $0 == 0 }.count, 10)
        XCTAssertEqual(Set(all.map { ($0 * 10).rounded() }).count, 71)
        XCTAssertEqual(all.max() ?? 0, 7, accuracy: 1e-9)
    }
}
