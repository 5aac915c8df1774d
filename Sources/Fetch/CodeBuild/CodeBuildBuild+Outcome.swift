import Foundation

extension CodeBuildBuild {
    /// The first phase that did not succeed, in the API's order.
    public var firstFailedPhase: CodeBuildPhase? {
        phases?.first { CodeBuildStatus.isFailing($0.phaseStatus) }
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
