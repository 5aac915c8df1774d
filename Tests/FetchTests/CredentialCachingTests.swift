import Foundation
import XCTest
@testable import Fetch

final class CredentialCachingTests: XCTestCase {
    private func temporary(_ id: String, expiresIn seconds: TimeInterval, from clock: CredentialMovableClock) -> AWSCredentials {
        AWSCredentials(accessKeyId: id, secretAccessKey: CredentialSecretMarker.secret, sessionToken: CredentialSecretMarker.token,
                       expiration: clock.now + seconds, source: "test")
    }

    func testLongTermCredentialsAreFetchedOnce() throws {
        var fetches = 0
        let provider = CachingCredentialsProvider(now: { CredentialTestClock.start }) {
            fetches += 1
            return AWSCredentials(accessKeyId: "AKIA", secretAccessKey: "s")
        }
        for _ in 0..<5 { _ = try provider.credentials() }
        XCTAssertEqual(fetches, 1)
    }

    func testRefreshFailureKeepsStillValidCredentialsButNotExpiredOnes() throws {
        let clock = CredentialMovableClock()
        var fail = false
        var fetches = 0
        let provider = CachingCredentialsProvider(now: { clock.now }) {
            fetches += 1
            if fail { throw CredentialsError.containerFailed(reason: "the endpoint answered HTTP 500") }
            return self.temporary("ASIA\(fetches)", expiresIn: 600, from: clock)
        }
        XCTAssertEqual(try provider.credentials().accessKeyId, "ASIA1")
        fail = true
        clock.advance(400) // 200 s left: refresh is tried, fails, the old ones still work
        XCTAssertEqual(try provider.credentials().accessKeyId, "ASIA1")
        clock.advance(300) // past expiration
        XCTAssertEqual(credentialErrorMessage { _ = try provider.credentials() },
                       "container credentials: the endpoint answered HTTP 500")
        fail = false
        XCTAssertEqual(try provider.credentials().accessKeyId, "ASIA4")
    }

    func testConcurrentCallersShareOneFetch() {
        let counter = NSLock()
        var fetches = 0
        let provider = CachingCredentialsProvider(now: { CredentialTestClock.start }) {
            counter.lock(); fetches += 1; counter.unlock()
            Thread.sleep(forTimeInterval: 0.05)
            return AWSCredentials(accessKeyId: "ASIA", secretAccessKey: "s", expiration: CredentialTestClock.start + 3600)
        }
        DispatchQueue.concurrentPerform(iterations: 16) { _ in
            XCTAssertEqual(try? provider.credentials().accessKeyId, "ASIA")
        }
        XCTAssertEqual(fetches, 1)
    }
}
