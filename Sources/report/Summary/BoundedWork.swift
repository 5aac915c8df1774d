import Foundation

/// Runs independent jobs on a few threads at once and returns their results in input order.
/// The bound keeps a summary inside AWS API quotas (CodeBuild and CloudWatch Logs throttle per account).
enum BoundedWork {
    static func map<Input, Output>(_ inputs: [Input], limit: Int,
                                   progress: ((Int) -> Void)? = nil,
                                   _ job: @escaping (Input) -> Output) -> [Output] {
        guard !inputs.isEmpty else { return [] }
        let queue = WorkQueue<Output>(count: inputs.count)
        let group = DispatchGroup()
        // Real threads, not concurrentPerform: the jobs block on the network, and concurrentPerform
        // would run no more of them at once than there are cores.
        for _ in 0..<max(1, min(limit, inputs.count)) {
            group.enter()
            Thread {
                defer { group.leave() }
                while let index = queue.take() {
                    let finished = queue.store(job(inputs[index]), at: index)
                    progress?(finished)
                }
            }.start()
        }
        group.wait()
        return queue.results()
    }
}

/// The shared state of one `BoundedWork.map`, touched only under its lock.
private final class WorkQueue<Output>: @unchecked Sendable {
    private let lock = NSLock()
    private let count: Int
    private var next = 0
    private var done = 0
    private var slots: [Output?]

    init(count: Int) {
        self.count = count
        slots = Array(repeating: nil, count: count)
    }

    /// The next index to work on, or nil when every job is taken.
    func take() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < count else { return nil }
        next += 1
        return next - 1
    }

    /// Stores a result; returns how many are done.
    func store(_ output: Output, at index: Int) -> Int {
        lock.lock()
        defer { lock.unlock() }
        slots[index] = output
        done += 1
        return done
    }

    func results() -> [Output] {
        lock.lock()
        defer { lock.unlock() }
        return slots.compactMap { $0 }
    }
}
