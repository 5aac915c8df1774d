/// What went wrong finding a build or its log, beyond a failed call (which the AWS layer reports).
public enum CodeBuildError: UserFacingError, Equatable {
    /// `BatchGetBuilds` did not return it (listed in `buildsNotFound`, or simply absent).
    case unknownBuild(id: String)
    case unknownProject(name: String)
    /// The build sent its log only to S3, where only a finished build's log can be read (not `--follow`).
    case logsOnlyInS3(buildId: String, location: String)
    /// The build kept no log at all (CloudWatch Logs and S3 logs both disabled).
    case noLogs(buildId: String)
    /// Neither `PROJECT:UUID` nor a CodeBuild build ARN.
    case invalidBuildIdentifier(String)

    public var userMessage: String {
        switch self {
        case .unknownBuild(let id):
            return "unknown build: \(id) (check the project name, the build UUID and --region)"
        case .unknownProject(let name):
            return "unknown project: \(name) (check the name and --region)"
        case .logsOnlyInS3(let id, let location):
            return "build \(id) wrote its log only to S3 (s3://\(location)), not to CloudWatch Logs:"
                + " cbtriage build and fetch --build read it from there once the build has ended"
        case .noLogs(let id):
            return "build \(id) kept no log: CloudWatch Logs and S3 logs are both disabled for it"
        case .invalidBuildIdentifier(let text):
            return "not a build id: \(text) (expected PROJECT:UUID or arn:aws:codebuild:REGION:ACCOUNT:build/PROJECT:UUID)"
        }
    }

    /// The named build or project does not exist (as opposed to a failure reaching it).
    public var isNotFound: Bool {
        switch self {
        case .unknownBuild, .unknownProject: return true
        case .logsOnlyInS3, .noLogs, .invalidBuildIdentifier: return false
        }
    }
}
