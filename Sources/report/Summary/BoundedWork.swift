import Foundation

/// Runs independent jobs on a few threads at once and returns their results in input order.
/// The bound keeps a summary inside AWS API quotas (CodeBuild and CloudWatch Logs throttle per account).
enum BoundedWork {
    static func map<Input, Output>(_ inputs: [Input], limit: Int,
                                   progress: ((Int) -> Void)? = nil,
                                   _ job: @escaping (Input) -> Output) -> [Output] {
        guard !inputs.isEmpty else { return [] }
        let lock = NSLock()
        var results = [Output?](repeating: nil, count: inputs.count)
        var next = 0
        var done = 0
        let workers = max(1, min(limit, inputs.count))
        // Real threads, not concurrentPerform: the jobs block on the network, and concurrentPerform
        // would run no more of them at once than there are cores.
        do {
            let group = DispatchGroup()
            for _ in 0..<workers {
                group.enter()
                let thread = Thread {
                    defer { group.leave() }
                    while true {
                        lock.lock()
                        let index = next
                        next += 1
                        lock.unlock()
                        guard index < inputs.count else { return }
                        let output = job(inputs[index])
                        lock.lock()
                        results[index] = output
                        done += 1
                        let finished = done
                        lock.unlock()
                        progress?(finished)
                    }
                }
                thread.start()
            }
            group.wait()
        }
        return results.compactMap { $0 }
    }
}
