import ArgumentParser

/// `--out DIR|s3://bucket/prefix/`: also store each diagnosis as a JSON document (see `ResultStore`).
struct ResultOutputOption: ParsableArguments {
    @Option(name: .customLong("out"),
            help: ArgumentHelp("Also store each diagnosis as one JSON document named after its build (ARN, else id) in "
                + "this directory, or with AWS access in an S3 prefix (s3://bucket/prefix/).", valueName: "dir|s3-uri"))
    var out: String?

    /// The parsed destination; nil without `--out`.
    func destination(s3Allowed: Bool = true) throws -> ResultDestination? {
        guard let out else { return nil }
        guard let destination = ResultDestination(parsing: out) else {
            throw ValidationError("--out \(out): expected a directory or s3://bucket/prefix/")
        }
        if destination.isS3 && !s3Allowed {
            throw ValidationError("--out s3://… needs AWS access: use a directory here, or cbtriage build / summary --project")
        }
        return destination
    }
}
