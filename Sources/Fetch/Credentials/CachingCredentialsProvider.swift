import Foundation

/// Fetches credentials once and hands out the cached value until it is about to expire.
///
/// Temporary credentials are refreshed when less than `refreshWindow` remains before `expiration`,
/// so a long CloudWatch download never signs with credentials that die mid-request. If a refresh
/// fails while the old credentials are still valid, the old ones are used (as botocore does in its
/// advisory window). A lock makes one thread fetch while the others wait for its result.
public final class CachingCredentialsProvider: CredentialsProvider, @unchecked Sendable {
    private let fetch: () throws -> AWSCredentials
    private let now: @Sendable () -> Date
    private let refreshWindow: TimeInterval
    private let lock = NSLock()
    private var cached: AWSCredentials?

    public init(refreshWindow: TimeInterval = 300, now: @escaping @Sendable () -> Date,
                fetch: @escaping () throws -> AWSCredentials) {
        self.fetch = fetch
        self.now = now
        self.refreshWindow = refreshWindow
    }

    public func credentials() throws -> AWSCredentials {
        lock.lock()
        defer { lock.unlock() }
        let current = now()
        if let cached {
            guard let expiration = cached.expiration else { return cached }
            if expiration.timeIntervalSince(current) > refreshWindow { return cached }
            do {
                let fresh = try fetchChecked(at: current)
                self.cached = fresh
                return fresh
            } catch {
                if expiration > current { return cached }
                throw error
            }
        }
        let fresh = try fetchChecked(at: current)
        cached = fresh
        return fresh
    }

    /// A provider that hands back credentials already past their expiration is an error, not a value.
    private func fetchChecked(at current: Date) throws -> AWSCredentials {
        let fresh = try fetch()
        if let expiration = fresh.expiration, expiration <= current {
            throw CredentialsError.expired(source: fresh.source)
        }
        return fresh
    }
}
