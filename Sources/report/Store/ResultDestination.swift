import Analyze
import Fetch
import Foundation

/// Where `--out` writes diagnoses and `summary --from` reads them: a local directory, or an S3 prefix.
enum ResultDestination: Equatable {
    case directory(String)
    /// `key` is the prefix, `""` or ending in `/` (one is added when the user left it out).
    case s3(S3ObjectAddress)

    /// `s3://bucket/prefix/` or a directory path; nil for an `s3://` value without a bucket.
    init?(parsing text: String) {
        guard text.hasPrefix("s3://") else {
            guard !text.isEmpty else { return nil }
            self = .directory(text)
            return
        }
        guard var address = S3ObjectAddress(parsing: text) else { return nil }
        if !address.key.isEmpty && !address.key.hasSuffix("/") { address.key += "/" }
        self = .s3(address)
    }

    var isS3: Bool { if case .s3 = self { return true } else { return false } }

    var description: String {
        switch self {
        case .directory(let path): return path
        case .s3(let address): return address.uri
        }
    }
}

/// The name of one stored diagnosis: the build ARN (else the build id, else the input's file name) with every
/// character outside `A-Z a-z 0-9 . _ -` replaced by `_`, and `.json`:
/// `arn:aws:codebuild:us-east-1:123456789012:build/web-app:0f1e…` →
/// `arn_aws_codebuild_us-east-1_123456789012_build_web-app_0f1e….json`. Safe as a file name and an S3 key.
enum ResultName {
    static func name(arn: String?, diagnosis: Diagnosis) -> String {
        let identity = arn ?? diagnosis.build.metadata.buildId
            ?? "log_" + (diagnosis.source.name as NSString).lastPathComponent
        return safe(identity) + ".json"
    }

    static func safe(_ text: String) -> String {
        String(text.unicodeScalars.map { scalar -> Character in
            switch scalar {
            case "A"..."Z", "a"..."z", "0"..."9", ".", "_", "-": return Character(scalar)
            default: return "_"
            }
        })
    }
}
