import Foundation

/// Runs independent jobs on a few threads at once and returns their results in input order.
/// The bound keeps a summary inside AWS API quotas (CodeBuild and CloudWatch Logs throttle per account).
enum BoundedWork {
    static func map<Input, Output>(_ inputs: [Input], limit: Int,
                                   progress: ((Int) -> Void)? = nil,
                                   _ job: @escaping (Input) -> Output) -> [Output] {
        // One thread per slot; the threads need no state of their own.
        let workers: [Void] = Array(repeating: (), count: max(1, min(limit, inputs.count)))
        return map(inputs, workers: workers, progress: progress) { _, input in job(input) }
    }

    /// One thread per element of `workers`, each handing its own worker value to every job it runs:
    /// that is how each thread gets its own HTTP connection (a `CurlTransport` serialises its calls).
    static func map<Worker, Input, Output>(_ inputs: [Input], workers: [Worker],
                                           progress: ((Int) -> Void)? = nil,
                                           _ job: @escaping (Worker, Input) -> Output) -> [Output] {
        guard !inputs.isEmpty, !workers.isEmpty else { return [] }
        let run = WorkRun(inputs: inputs, progress: progress, job: job)
        let group = DispatchGroup()
        // Real threads, not concurrentPerform: the jobs block on the network, and concurrentPerform
        // would run no more of them at once than there are cores.
        for worker in workers.prefix(inputs.count) {
            group.enter()
            let handle = UncheckedBox(worker)
            Thread {
                defer { group.leave() }
                run.drain(with: handle.value)
            }.start()
        }
        group.wait()
        return run.queue.results()
    }
}

/// Carries a value into a thread's `@Sendable` closure. Safe here because each worker value is
/// handed to exactly one thread and never touched by the caller while that thread runs.
private struct UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// What every thread of one `map` shares: the inputs and job (read only) and the lock-protected queue.
private final class WorkRun<Worker, Input, Output>: @unchecked Sendable {
    let inputs: [Input]
    let progress: ((Int) -> Void)?
    let job: (Worker, Input) -> Output
    let queue: WorkQueue<Output>

    init(inputs: [Input], progress: ((Int) -> Void)?, job: @escaping (Worker, Input) -> Output) {
        self.inputs = inputs
        self.progress = progress
        self.job = job
        queue = WorkQueue(count: inputs.count)
    }

    func drain(with worker: Worker) {
        while let index = queue.take() {
            let finished = queue.store(job(worker, inputs[index]), at: index)
            progress?(finished)
        }
    }
}

/// The mutable state of one `BoundedWork.map`, touched only under its lock.
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
