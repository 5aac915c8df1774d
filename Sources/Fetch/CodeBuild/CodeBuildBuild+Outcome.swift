import Foundation

extension CodeBuildBuild {
    /// Phase statuses that mean the phase failed (a STOPPED phase was stopped by a person or a batch build).
    static let failingPhaseStatuses: Set<String> = ["FAILED", "FAULT", "TIMED_OUT", "CLIENT_ERROR"]

    /// The first phase that did not succeed, in the API's order.
    public var firstFailedPhase: CodeBuildPhase? {
        phases?.first { Self.failingPhaseStatuses.contains($0.phaseStatus ?? "") }
    }

    /// Seconds from start to end; nil while the build runs.
    public var durationSeconds: Double? {
        guard let startTime, let endTime else { return nil }
        return endTime - startTime
    }
}

extension CodeBuildPhase {
    /// The first context that says something (succeeded phases carry empty ones).
    public var meaningfulContext: CodeBuildPhaseContext? {
        contexts?.first { !($0.statusCode ?? "").isEmpty || !($0.message ?? "").isEmpty }
    }
}
