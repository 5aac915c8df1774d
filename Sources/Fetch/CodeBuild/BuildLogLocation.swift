/// The CloudWatch Logs group and stream that hold a build's log.
public struct BuildLogLocation: Equatable, Sendable {
    public var group: String
    public var stream: String

    public init(group: String, stream: String) {
        self.group = group
        self.stream = stream
    }

    /// Where a build's log is, in the order CodeBuild itself decides it:
    /// 1. `logs.groupName` / `logs.streamName` when the build reports them;
    /// 2. else the project's custom CloudWatch Logs configuration (group, and a stream *prefix*:
    ///    CodeBuild writes to `<prefix>/<build-uuid>`), each part falling back to the default;
    /// 3. else the default AWS documents: group `/aws/codebuild/<project>`, stream `<build-uuid>`.
    /// A build with CloudWatch Logs disabled throws, naming its S3 location when it has one.
    public init(for build: CodeBuildBuild) throws {
        let logs = build.logs
        let cloudWatch = logs?.cloudWatchLogs
        if cloudWatch?.status?.uppercased() == "DISABLED" {
            if let location = Self.s3Location(logs), logs?.s3Logs?.status?.uppercased() != "DISABLED" {
                throw CodeBuildError.logsOnlyInS3(buildId: build.id, location: location)
            }
            throw CodeBuildError.noLogs(buildId: build.id)
        }
        if let group = logs?.groupName.nonEmpty, let stream = logs?.streamName.nonEmpty {
            self.init(group: group, stream: stream)
            return
        }
        let group = cloudWatch?.groupName.nonEmpty ?? "/aws/codebuild/\(build.project)"
        let stream = cloudWatch?.streamName.nonEmpty.map { "\($0)/\(build.uuid)" } ?? build.uuid
        self.init(group: group, stream: stream)
    }

    /// `bucket/prefix` from `s3Logs.location`, else from `s3LogsArn` (`arn:aws:s3:::bucket/key`).
    private static func s3Location(_ logs: CodeBuildLogs?) -> String? {
        if let location = logs?.s3Logs?.location.nonEmpty { return location }
        guard let arn = logs?.s3LogsArn.nonEmpty, let range = arn.range(of: ":::") else { return nil }
        return String(arn[range.upperBound...]).nonEmpty
    }
}

fileprivate extension Optional where Wrapped == String {
    /// The string when present and not empty.
    var nonEmpty: String? {
        guard let self, !self.isEmpty else { return nil }
        return self
    }
}

fileprivate extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
