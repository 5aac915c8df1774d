/// The S3 object that holds a build's log when CodeBuild sent it only to S3.
public enum BuildS3LogObject {
    /// Where the log object is, when CloudWatch Logs is disabled for the build and S3 logs are on; nil
    /// otherwise (the log is in CloudWatch Logs, or nowhere: `BuildLogLocation` says which).
    ///
    /// 1. `logs.s3LogsArn`, `arn:${Partition}:s3:::${BucketName}/${ObjectName}`: the object itself (the
    ///    CodeBuild API reference, LogsLocation: "The ARN of S3 logs for a build project").
    /// 2. else `s3Logs.location` (`bucket/prefix` or `arn:aws:s3:::bucket/prefix`, S3LogsConfig) with the
    ///    object CodeBuild writes under it, `<prefix>/<build-uuid>.gz` — the layout the console's
    ///    "S3 logs" link points at; the API reference does not spell it out, so the ARN is preferred.
    public static func address(for build: CodeBuildBuild) -> S3ObjectAddress? {
        let logs = build.logs
        guard logs?.cloudWatchLogs?.status?.uppercased() == "DISABLED",
              logs?.s3Logs?.status?.uppercased() != "DISABLED" else { return nil }
        if let arn = logs?.s3LogsArn, !arn.isEmpty, let address = S3ObjectAddress(parsing: arn), !address.key.isEmpty,
           !address.key.hasSuffix("/") {
            return address
        }
        guard let location = logs?.s3Logs?.location, !location.isEmpty,
              var address = S3ObjectAddress(parsing: location) else { return nil }
        let prefix = address.key.hasSuffix("/") || address.key.isEmpty ? address.key : address.key + "/"
        address.key = prefix + build.uuid + ".gz"
        return address
    }
}
