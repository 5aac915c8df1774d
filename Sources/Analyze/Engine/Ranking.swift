import Parse

/// Where a finding's occurrences sit relative to the build's failure, and what that makes it.
struct RankFacts {
    /// 0...1: inside the failing command's output beats the failing phase beats elsewhere.
    var position: Double
    /// Every occurrence sits in a command that succeeded, or that a later re-run of the same kind fixed.
    var overcome: Bool
    var generic: Bool
    var isLeak: Bool
    var severity: Severity
    var specificity: Int
    var firstLine: Int
    var ruleId: String

    /// Orders causes: most likely first.
    static func isRankedBefore(_ lhs: RankFacts, _ rhs: RankFacts) -> Bool {
        if lhs.overcome != rhs.overcome { return !lhs.overcome }
        if lhs.generic != rhs.generic { return !lhs.generic }
        if lhs.position != rhs.position { return lhs.position > rhs.position }
        if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
        if lhs.specificity != rhs.specificity { return lhs.specificity > rhs.specificity }
        if lhs.firstLine != rhs.firstLine { return lhs.firstLine < rhs.firstLine }
        return lhs.ruleId < rhs.ruleId
    }

    /// How sure the engine is that this finding caused the failure.
    var confidence: Double {
        if isLeak { return 1 } // a printed credential is certain; it is never offered as the cause
        var value = position
        if generic { value *= 0.5 }
        if overcome { value *= 0.25 }
        let severityBonus: Double
        switch severity {
        case .critical: severityBonus = 0.04
        case .error: severityBonus = 0.03
        case .warning: severityBonus = 0.01
        case .info: severityBonus = 0
        }
        value = value * 0.9 + severityBonus + min(Double(specificity), 100) / 2000
        return (min(max(value, 0.01), 0.99) * 100).rounded() / 100
    }
}

/// Facts about the build's failure that ranking needs.
struct FailureFacts {
    let build: BuildModel
    let failingCommand: CommandPosition?
    let failingPhase: Int?
    let failingCommandLine: Int?
    private let reruns: RerunIndex

    /// `omittedSuccesses`: for each kind of command, the last omitted run that exited 0 (`Analyzer.commandsOmitted`).
    init(build: BuildModel, omittedSuccesses: [String: CommandPosition] = [:]) {
        self.build = build
        reruns = RerunIndex(build: build, omittedSuccesses: omittedSuccesses)
        // A failed command that a later run of the same kind fixed (on-failure: CONTINUE, a retry step)
        // did not end the build: the first failure nothing fixed did.
        let unfixed = Self.firstUnfixedFailure(in: build, reruns: reruns)
        failingCommand = unfixed ?? build.firstFailingCommand
        failingPhase = unfixed?.phase ?? build.firstFailingPhase ?? build.firstFailingCommand?.phase
        failingCommandLine = failingCommand.flatMap { build.command(at: $0)?.line }
    }

    private static func firstUnfixedFailure(in build: BuildModel, reruns: RerunIndex) -> CommandPosition? {
        for (phaseIndex, phase) in build.phases.enumerated() {
            for (commandIndex, command) in phase.commands.enumerated() where command.failed {
                let position = CommandPosition(phase: phaseIndex, command: phase.ordinal(ofCommandAt: commandIndex))
                if !reruns.isRerunSuccessfully(command, at: position) { return position }
            }
        }
        return nil
    }

    /// The same kind of command ran later and succeeded.
    func isRerunSuccessfully(_ position: CommandPosition) -> Bool {
        guard let command = build.command(at: position) else { return false }
        return reruns.isRerunSuccessfully(command, at: position)
    }

    /// The build is known to have failed.
    var failed: Bool { !stopped && (build.status.isFailure || failingCommand != nil || failingPhase != nil) }
    /// Stopped by a person or a batch build: not a failure, so nothing is its root cause.
    var stopped: Bool { build.status == .stopped }
    var succeeded: Bool { build.status == .succeeded && !failed }

    func position(of state: FindingState) -> Double {
        guard failed else { return 0.6 }
        if let failingCommand, state.hitCommands.contains(failingCommand) { return 1 }
        // CodeBuild's own record of the failing phase is as close to the failure as the failing command.
        if let failingPhase, state.hitPhaseRecords.contains(failingPhase) { return 1 }
        if let failingPhase, state.hitPhases.contains(failingPhase) { return 0.75 }
        if let failingCommandLine, state.firstLine > failingCommandLine { return 0.35 }
        return 0.45
    }

    /// True when every occurrence was inside a command that did not end the build: it succeeded,
    /// or the same kind of command ran again later and succeeded.
    ///
    /// Also true when every occurrence sits in phases that completed successfully (outside the failing command):
    /// an excerpt whose phases all say SUCCEEDED did not fail there, whatever its lines say.
    func isOvercome(_ state: FindingState) -> Bool {
        if !state.hitOutsideCommands, !state.hitOmittedOtherCommands,
           !state.hitCommands.isEmpty || state.hitOmittedSucceededCommands,
           state.hitCommands.allSatisfy(isOvercome) { return true }
        guard state.hitPhaseRecords.isEmpty, !state.hitAfterPhaseEnd, !state.hitPhases.isEmpty || state.hitWithoutPhase
        else { return false }
        if let failingCommand, state.hitCommands.contains(failingCommand) { return false }
        guard state.hitPhases.allSatisfy({ build.phases.indices.contains($0) && build.phases[$0].status == .succeeded })
        else { return false }
        if state.hitWithoutPhase {
            return phase(containing: state.firstLine)?.status == .succeeded
                && phase(containing: state.lastLine)?.status == .succeeded
        }
        return true
    }

    /// The phase whose lines hold `line`.
    func phase(containing line: Int) -> Phase? {
        build.phases.last { phase in
            guard let first = phase.firstLine else { return false }
            return first <= line && line <= (phase.lastLine ?? Int.max)
        }
    }

    private func isOvercome(_ position: CommandPosition) -> Bool {
        guard position != failingCommand, let command = build.command(at: position),
              let status = command.exitStatus else { return false }
        return status == 0 || isRerunSuccessfully(position)
    }

    /// The program and its subcommand (`docker push`, `npm ci`), ignoring leading `VAR=value` words.
    static func kind(of text: String) -> String {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
            .drop(while: { $0.contains("=") && !$0.hasPrefix("-") })
        return words.prefix(2).joined(separator: " ")
    }
}
