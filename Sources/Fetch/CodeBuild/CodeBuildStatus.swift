/// CodeBuild's status words for builds and phases, in one place: every layer that asks "did it fail?" asks here.
public enum CodeBuildStatus {
    /// What `BatchGetBuilds` can report as a build's `buildStatus` (`ListBuildsForProject` filters take the same).
    public static let buildStatuses = ["SUCCEEDED", "FAILED", "FAULT", "TIMED_OUT", "IN_PROGRESS", "STOPPED"]

    /// Statuses that mean a build or a phase failed. `STOPPED` is not one: a person or a batch build stopped it.
    /// `CLIENT_ERROR` is a phase status only (a source or artifact the build could not reach).
    public static let failing: Set<String> = ["FAILED", "FAULT", "TIMED_OUT", "CLIENT_ERROR"]

    /// True when `status` (any case) is a failing status.
    public static func isFailing(_ status: String?) -> Bool {
        failing.contains(status?.uppercased() ?? "")
    }
}
