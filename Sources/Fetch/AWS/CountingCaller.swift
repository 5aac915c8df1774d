import Foundation

/// Passes calls on to another caller and counts them and the bytes of their answers: what a piece of work
/// (a baseline build, fetched beside the build being diagnosed) cost in API calls.
public final class CountingCaller: AWSJSONCalling {
    private let base: AWSJSONCalling
    private let lock = NSLock()
    private var callCount = 0
    private var byteCount: Int64 = 0

    public init(_ base: AWSJSONCalling) {
        self.base = base
    }

    public func callJSON(service: AWSService, operation: String, body: [UInt8]) throws -> [UInt8] {
        lock.withLock { callCount += 1 }
        let answer = try base.callJSON(service: service, operation: operation, body: body)
        lock.withLock { byteCount += Int64(answer.count) }
        return answer
    }

    /// Calls made so far (a call that failed counts: it was made).
    public var calls: Int { lock.withLock { callCount } }
    /// Bytes of the answers received so far.
    public var bytes: Int64 { lock.withLock { byteCount } }
}
