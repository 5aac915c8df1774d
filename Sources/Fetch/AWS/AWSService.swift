/// The AWS services cbtriage talks to, with what their JSON 1.1 / query / REST protocols need.
public enum AWSService: String, Sendable, CaseIterable {
    case cloudWatchLogs = "logs"
    case codeBuild = "codebuild"
    case sts = "sts"
    /// REST-XML (GetObject, PutObject, ListObjectsV2): build logs kept in S3 and stored results.
    case s3 = "s3"

    /// The SigV4 signing name (also the endpoint prefix).
    public var signingName: String { rawValue }

    /// `X-Amz-Target` prefix for JSON 1.1 calls (`<prefix>.<Operation>`); nil for STS (query protocol).
    public var targetPrefix: String? {
        switch self {
        case .cloudWatchLogs: return "Logs_20140328"
        case .codeBuild: return "CodeBuild_20161006"
        case .sts, .s3: return nil
        }
    }

    /// The suffix of the service-specific endpoint variable, `AWS_ENDPOINT_URL_<suffix>`.
    public var endpointEnvironmentSuffix: String {
        switch self {
        case .cloudWatchLogs: return "CLOUDWATCH_LOGS"
        case .codeBuild: return "CODEBUILD"
        case .sts: return "STS"
        case .s3: return "S3"
        }
    }
}

/// Makes one signed AWS JSON 1.1 call and returns the response body of a 2xx answer.
///
/// The real implementation signs with SigV4, sends over an `HTTPTransport`, retries as the SDKs'
/// standard mode does, and throws an `AWSError` (service code and message intact) otherwise.
/// Service clients (CloudWatch Logs, CodeBuild) depend only on this protocol, so their unit tests
/// can script answers without HTTP.
public protocol AWSJSONCalling: AnyObject {
    func callJSON(service: AWSService, operation: String, body: [UInt8]) throws -> [UInt8]
}
