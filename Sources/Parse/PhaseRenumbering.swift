/// How a step after parsing moved the parser's phases: `APIBuildMerge` inserts the phases only CodeBuild's
/// record holds (SUBMITTED, QUEUED, PROVISIONING) in front of the log's, which shifts their indices.
/// `newIndex[parsed]` is where the parser's phase `parsed` now is.
public struct PhaseRenumbering: Equatable, Sendable {
    public private(set) var newIndex: [Int]

    public init(newIndex: [Int]) {
        self.newIndex = newIndex
    }

    /// Nothing moved among `count` phases.
    public static func identity(count: Int) -> PhaseRenumbering {
        PhaseRenumbering(newIndex: Array(0..<count))
    }

    public var isIdentity: Bool { newIndex.indices.allSatisfy { newIndex[$0] == $0 } }

    /// Where the parser's phase `parsed` is now; an index the renumbering does not know stays as it is.
    public subscript(parsed: Int) -> Int {
        newIndex.indices.contains(parsed) ? newIndex[parsed] : parsed
    }

    /// This renumbering followed by `later` (which numbers the phases this one produced).
    public func followed(by later: PhaseRenumbering) -> PhaseRenumbering {
        PhaseRenumbering(newIndex: newIndex.map { later[$0] })
    }
}

/// A step that adjusts the parsed model before ranking (merging CodeBuild's record of the build); it returns
/// how it moved the phases, or nil when it moved none.
public typealias ModelRefinement = (inout BuildModel) -> PhaseRenumbering?
