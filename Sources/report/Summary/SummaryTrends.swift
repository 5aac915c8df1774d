import Foundation

/// `summary --windows N`: the failed builds of N consecutive windows of one length (the newest is the summary's
/// own), counted per root-cause category, and when each failure kind (root-cause rule) was first seen in them.
struct SummaryTrends: Equatable {
    /// Oldest first.
    var windows: [TimeWindow]
    /// Every category that failed a build in any window, most failures in the newest window first.
    var categories: [CategoryTrend]
    /// Every failure kind seen in the windows, newest first-seen first.
    var kinds: [FailureKindSeen]
}

struct CategoryTrend: Equatable {
    var category: String
    /// Failed builds per window, oldest first.
    var counts: [Int]
    /// See `SummaryTrends.isRising`.
    var rising: Bool
}

struct FailureKindSeen: Equatable {
    var ruleId: String
    var title: String
    /// The earliest start of a failed build with this root cause, among the windows.
    var firstSeen: Date
    /// Index into `SummaryTrends.windows` of the window holding `firstSeen`.
    var firstWindow: Int
    var count: Int
}

extension SummaryTrends {
    /// Windows asked of `--windows`, at most: a year of weeks.
    static let maxWindows = 52

    /// `count` windows of `length` ending at `end`, oldest first.
    static func windows(count: Int, length: TimeInterval, end: Date) -> [TimeWindow] {
        (0..<count).reversed().map { back in
            let windowEnd = end.addingTimeInterval(-Double(back) * length)
            return TimeWindow(start: windowEnd.addingTimeInterval(-length), end: windowEnd)
        }
    }

    /// Folds failed builds into the windows they started in; builds outside every window (or without a start
    /// time) are not counted.
    static func build(records: [SummaryRecord], windows: [TimeWindow]) -> SummaryTrends {
        var counts: [String: [Int]] = [:]
        var kinds: [String: FailureKindSeen] = [:]
        for record in records where record.failed {
            guard let start = record.startTime, let slot = windows.firstIndex(where: { $0.contains(start) }) else { continue }
            counts[record.categoryKey, default: Array(repeating: 0, count: windows.count)][slot] += 1
            let key = record.ruleKey
            var kind = kinds[key] ?? FailureKindSeen(ruleId: key, title: record.rootCause?.title ?? key, firstSeen: start,
                                                    firstWindow: slot, count: 0)
            kind.count += 1
            if start < kind.firstSeen {
                kind.firstSeen = start
                kind.firstWindow = slot
            }
            kinds[key] = kind
        }
        let categories = counts.map { CategoryTrend(category: $0.key, counts: $0.value, rising: isRising($0.value)) }
            .sorted { ($0.counts.last ?? 0, $0.counts.reduce(0, +), $1.category) > ($1.counts.last ?? 0, $1.counts.reduce(0, +), $0.category) }
        let seen = kinds.values.sorted { ($0.firstSeen, $1.ruleId) > ($1.firstSeen, $0.ruleId) }
        return SummaryTrends(windows: windows, categories: categories, kinds: seen)
    }

    /// Rising: the newest window has more failures than the earlier windows had on average, and the least-squares
    /// line through all the counts slopes upwards. One busy window after a quiet run is rising; a high plateau
    /// whose newest window is no higher is not.
    static func isRising(_ counts: [Int]) -> Bool {
        guard counts.count >= 2, let newest = counts.last else { return false }
        let earlier = counts.dropLast()
        let mean = Double(earlier.reduce(0, +)) / Double(earlier.count)
        guard Double(newest) > mean else { return false }
        let n = Double(counts.count)
        let xs = counts.indices.map(Double.init)
        let ys = counts.map(Double.init)
        let xMean = xs.reduce(0, +) / n
        let yMean = ys.reduce(0, +) / n
        let slope = zip(xs, ys).reduce(0) { $0 + ($1.0 - xMean) * ($1.1 - yMean) }
        return slope > 0
    }
}
