/// What went wrong with S3 beyond a failed call (which arrives as an `AWSError` with S3's own code).
public enum S3Error: UserFacingError, Equatable {
    /// A ListObjectsV2 answer without the elements every listing has.
    case unreadableListing(bucket: String, reason: String)

    public var userMessage: String {
        switch self {
        case .unreadableListing(let bucket, let reason):
            return "s3 ListObjectsV2 on bucket \(bucket) answered with a listing cbtriage cannot read: \(reason)"
        }
    }
}
