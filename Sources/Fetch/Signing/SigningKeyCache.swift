import Crypto
import Foundation

/// Derived SigV4 signing keys, cached per (secret, date, region, service).
///
/// Deriving a key costs four HMACs; every request of a day to one service reuses it. The secret is
/// not kept as a key: entries are found by its SHA-256, so a dump of the cache shows no secret.
final class SigningKeyCache: @unchecked Sendable {
    static let shared = SigningKeyCache()

    private struct Entry: Hashable {
        var secretDigest: [UInt8]
        var date: String
        var region: String
        var service: String
    }

    /// A handful of (date, region, service) combinations are live at once; past this, start over.
    private let capacity = 32
    private let lock = NSLock()
    private var keys: [Entry: SymmetricKey] = [:]

    func key(secret: String, date: String, region: String, service: String) -> SymmetricKey {
        let entry = Entry(secretDigest: Array(SHA256.hash(data: Array(secret.utf8))),
                          date: date, region: region, service: service)
        lock.lock()
        if let cached = keys[entry] {
            lock.unlock()
            return cached
        }
        lock.unlock()
        // Derive outside the lock; two threads racing derive the same value.
        let derived = SigV4Signer.signingKey(secret: secret, date: date, region: region, service: service)
        lock.lock()
        if keys.count >= capacity { keys.removeAll() }
        keys[entry] = derived
        lock.unlock()
        return derived
    }

    /// Number of cached keys, for tests.
    var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return keys.count
    }
}
