import Parse

/// The analyzer records where lines stood with the parser's phase indices. A `refine` step (merging
/// CodeBuild's own phase records) may insert phases the log lacks (SUBMITTED, QUEUED, PROVISIONING) in
/// front of them, which shifts every index: without this, ranking would compare positions from two
/// numberings and the failing command's evidence would lose its place.
extension Analyzer {
    /// Rewrites every recorded phase index into the final model's numbering. A log phase keeps its
    /// identity through the merge by its lines: the final phase whose line range holds the first line the
    /// analyzer saw in it.
    func adoptPhaseNumbering(of build: BuildModel) {
        var map: [Int: Int] = [:]
        let seen = Array(phaseFirstLines)
        // The latest-starting phase that holds the line (a phase still open at the end has no last line).
        var lookup = PhaseHoldingLine()
        for ((old, _), holder) in zip(seen, lookup.find(seen.map(\.value), in: build.phases)) {
            if let holder { map[old] = holder }
        }
        guard map.contains(where: { $0.key != $0.value }) else { return }
        func phase(_ old: Int) -> Int { map[old] ?? old }
        func position(_ old: CommandPosition) -> CommandPosition {
            CommandPosition(phase: phase(old.phase), command: old.command)
        }
        for slot in states.indices {
            guard var state = states[slot] else { continue }
            states[slot] = nil
            state.hitCommands = Set(state.hitCommands.map(position))
            state.hitPhases = Set(state.hitPhases.map(phase))
            for index in state.evidence.indices {
                state.evidence[index].position = state.evidence[index].position.map(position)
            }
            states[slot] = state
        }
        commandTexts = Dictionary(commandTexts.map { (position($0.key), $0.value) }, uniquingKeysWith: { first, _ in first })
        commandLines = Dictionary(commandLines.map { (position($0.key), $0.value) }, uniquingKeysWith: { first, _ in first })
        errorLines = Dictionary(errorLines.map { entry -> (OutputOwner, InformativeLineSet) in
            switch entry.key {
            case .command(let old): return (.command(position(old)), entry.value)
            case .phase(let old): return (.phase(phase(old)), entry.value)
            case .none: return (.none, entry.value)
            }
        }, uniquingKeysWith: { first, _ in first })
        omittedSuccesses = omittedSuccesses.mapValues(position)
        phaseFirstLines = Dictionary(map.map { ($0.value, phaseFirstLines[$0.key] ?? 0) }, uniquingKeysWith: { first, _ in first })
    }
}
