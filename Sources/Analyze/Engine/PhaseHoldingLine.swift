import Parse

/// Answers "which is the latest-starting phase whose lines hold line L?" for many lines at once, in
/// O((phases + lines) log) instead of a scan of every phase per line (a log of 50,000 tiny phases asked it
/// 50,000 times: quadratic).
///
/// Ties (two phases starting on the same line) go to the lower index, as a front-to-back scan keeping the
/// first strictly later start would choose. A phase without a first line (known only from the API) holds no
/// line; one without a last line (still open at the end) holds every line from its first.
struct PhaseHoldingLine {
    /// Stack pushes and pops of the last `find`: at most two per phase, so the sweep is linear after its sorts.
    private(set) var steps = 0

    /// For each of `lines`, the index into `phases` of the phase holding it, or nil.
    mutating func find(_ lines: [Int], in phases: [Phase]) -> [Int?] {
        steps = 0
        // Phases by start; equal starts with the lower index last, so "pushed later" always means "preferred".
        let spans = phases.enumerated().compactMap { index, phase -> (index: Int, first: Int, last: Int)? in
            phase.firstLine.map { (index, $0, phase.lastLine ?? Int.max) }
        }.sorted { ($0.first, -$0.index) < ($1.first, -$1.index) }
        let order = lines.indices.sorted { lines[$0] < lines[$1] }
        var answers = [Int?](repeating: nil, count: lines.count)
        // Candidates still worth answering with: starts rise and ends fall from bottom to top. A pushed phase
        // is preferred to every phase below it while it lasts, so one below that ends no later is never needed.
        var stack: [(index: Int, last: Int)] = []
        var next = 0
        for query in order {
            let line = lines[query]
            while next < spans.count, spans[next].first <= line {
                let span = spans[next]
                while let top = stack.last, top.last <= span.last {
                    stack.removeLast()
                    steps += 1
                }
                stack.append((span.index, span.last))
                steps += 1
                next += 1
            }
            // Queries rise, so a phase that ended before this line ended before every later one too.
            while let top = stack.last, top.last < line {
                stack.removeLast()
                steps += 1
            }
            answers[query] = stack.last?.index
        }
        return answers
    }
}
