/// How the overall status follows from the phases read in a log (the API's status, when known,
/// replaces it later).
enum BuildStatusRule {
    /// Phases after which a build whose phases all succeeded is known to have succeeded: the
    /// agent always enters POST_BUILD (and UPLOAD_ARTIFACTS) even when the buildspec has none.
    static let finalPhases: Set<String> = ["POST_BUILD", "UPLOAD_ARTIFACTS", "FINALIZING", "COMPLETED"]

    /// - the first failing phase's status when a phase failed;
    /// - `succeeded` when every phase completed successfully through POST_BUILD or later;
    /// - `unknown` otherwise (no phases, a phase never completed, a log cut before POST_BUILD).
    static func derive(phases: [Phase], firstFailingPhase: Int?, endsAbruptly: Bool) -> PhaseStatus {
        if let firstFailingPhase { return phases[firstFailingPhase].status }
        if phases.contains(where: { $0.status == .stopped }) { return .stopped }
        guard let last = phases.last, !endsAbruptly, finalPhases.contains(last.name),
              phases.allSatisfy({ $0.status == .succeeded }) else { return .unknown }
        return .succeeded
    }
}
