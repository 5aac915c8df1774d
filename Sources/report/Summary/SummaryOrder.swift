import Foundation

/// The order an AWS summary takes its builds in, which decides each group's examples: projects as
/// requested (the rest by name), then newest start first (to the millisecond a stored diagnosis keeps), then
/// build id. A live run and one from stored diagnoses of the same builds list the same examples.
struct SummaryOrder {
    var projects: [String]

    func precedes(project lhsProject: String, start lhsStart: Date?, id lhsId: String,
                  _ rhsProject: String, _ rhsStart: Date?, _ rhsId: String) -> Bool {
        let lhsRank = projects.firstIndex(of: lhsProject) ?? projects.count
        let rhsRank = projects.firstIndex(of: rhsProject) ?? projects.count
        if lhsRank != rhsRank { return lhsRank < rhsRank }
        if lhsProject != rhsProject { return lhsProject < rhsProject }
        let lhsMillis = Self.millis(lhsStart)
        let rhsMillis = Self.millis(rhsStart)
        if lhsMillis != rhsMillis { return lhsMillis > rhsMillis }
        return lhsId < rhsId
    }

    private static func millis(_ date: Date?) -> Int64 {
        guard let date else { return .min }
        return Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
    }
}
