import Analyze
import ArgumentParser
import Fetch
import Foundation

/// Every exit status cbtriage uses, decided here and only here. Lower modules throw typed errors and
/// never know these numbers. Documented in `docs/exit-codes.md` and in `cbtriage --help`.
enum ExitStatus: Int32, CaseIterable {
    /// The analysis ran, whatever it found.
    case ok = 0
    /// `--fail-on SEVERITY` or `--fail-on-any` matched a finding; `rules test`: an example failed.
    case failOnMatched = 1
    /// The analysis ran but some input was only partly read (truncated or corrupt gzip, a failed page).
    case partialInput = 2
    /// The command line was wrong (ArgumentParser uses 64, EX_USAGE, for its own errors too).
    case usage = 64
    /// An input could not be read at all: missing file, no permission, empty directory.
    case unreadableInput = 66
    /// An AWS service or network error, or a webhook that refused the report.
    case serviceUnavailable = 69
    /// A bug in cbtriage.
    case internalError = 70
    /// The report or a requested output file could not be written (stdout closed, disk full): EX_IOERR.
    case outputFailed = 74
    /// AWS refused the credentials (authentication or authorization).
    case permissionDenied = 77

    /// When several outcomes apply (one missing file, another partial), the most severe wins:
    /// a failure to run beats a verdict, and an explicit `--fail-on` gate beats "partial".
    var precedence: Int {
        switch self {
        case .ok: return 0
        case .partialInput: return 1
        case .failOnMatched: return 2
        case .unreadableInput: return 3
        case .serviceUnavailable: return 4
        case .permissionDenied: return 5
        case .usage: return 6
        case .outputFailed: return 7
        case .internalError: return 8
        }
    }

    static func strongest(_ statuses: [ExitStatus]) -> ExitStatus {
        statuses.max { $0.precedence < $1.precedence } ?? .ok
    }

    /// Text for `--help`: the same table as `docs/exit-codes.md`.
    static let helpText = """
        Exit status:
          0   the analysis ran (whatever it found)
          1   --fail-on / --fail-on-any matched a finding; rules test: an example failed
          2   the analysis ran but some input was partial (truncated gzip, a failed page)
          64  usage error
          66  an input could not be read (missing file, permission, empty directory)
          69  AWS service or network error; the webhook refused the report
          70  internal error
          74  the report or an output file could not be written (stdout closed, disk full)
          77  AWS authentication or authorization error
        """
}

/// Maps an error thrown anywhere below `report` to an exit status. Each module's error type is named
/// here; anything unknown that still speaks to the user is an internal error.
enum ErrorClassifier {
    static func status(for error: Error) -> ExitStatus {
        switch error {
        case let error as CommandFailure:
            return error.status
        case let error as InputError:
            return error.exitStatus
        case is LocalInputError:
            return .unreadableInput
        case let error as OutputFileError:
            // Bytes that could not be written are a lost report; a file that could not even be created
            // (exists, no permission) is like an input we cannot open.
            if case .writeFailed = error { return .outputFailed }
            return .unreadableInput
        case let error as RuleFileError:
            // A rule file that is not there is an unreadable input; one that is there but wrong is a usage error.
            switch error.kind {
            case .unreadable: return .unreadableInput
            case .invalid: return .usage
            }
        case is LogTimeBoundError:
            // `--start`, `--end`, `--since` that is not a time, or one outside 1970...9999.
            return .usage
        case is CatalogError:
            // Only a user's rule can be wrong at run time: the built-in catalog is compiled in every test run.
            return .usage
        case let error as AWSError:
            // S3's "not there": a log object or a results bucket that does not exist is an unreadable input.
            if notFoundCodes.contains(error.code) { return .unreadableInput }
            return authenticationCodes.contains(error.code) || error.status == 401 || error.status == 403
                ? .permissionDenied : .serviceUnavailable
        case is BuildEventError:
            return .unreadableInput
        case let error as LambdaRuntimeError:
            // The Runtime API gone or refusing: the runtime ends, Lambda starts a new one.
            if case .badHost = error { return .usage }
            return .serviceUnavailable
        case is RoleAssumptionError:
            // A role ARN, template, external id or session name in the wrong form, or a template with no account.
            return .usage
        case let error as CodeBuildError:
            if case .invalidBuildIdentifier = error { return .usage }
            // A build or project that is not there, or a build whose log cannot be reached from here.
            return .unreadableInput
        case is CloudWatchLogsError:
            return .unreadableInput
        case is CredentialsError:
            return .permissionDenied
        case let error as ConfigError:
            switch error {
            case .unreadableFile: return .unreadableInput
            default: return .usage
            }
        case is S3Error:
            return .serviceUnavailable
        case is ResultStoreError:
            return .outputFailed
        case is StoredDiagnosisError:
            return .unreadableInput
        case is HTTPError, is WebhookError, is AWSResponseDecodingError, is AWSDamagedResponseError, is PaginationRunawayError:
            // A 2xx answer that is not the documented JSON is the service's fault, not ours.
            return .serviceUnavailable
        default:
            return .internalError
        }
    }

    /// S3 error codes for a key or bucket that does not exist.
    static let notFoundCodes: Set<String> = ["NoSuchKey", "NoSuchBucket"]

    /// AWS error codes that mean "who you are" or "what you may do" was refused.
    static let authenticationCodes: Set<String> = [
        "AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "UnauthorizedException",
        "UnrecognizedClientException", "InvalidClientTokenId", "SignatureDoesNotMatch", "IncompleteSignature",
        "InvalidSignatureException", "MissingAuthenticationToken", "AuthFailure", "ExpiredToken",
        "ExpiredTokenException", "TokenRefreshRequired",
    ]
}

/// An exit status decided by a command after it printed its report (`--fail-on`, partial input, an
/// unreadable file among several). Carries no message: whatever needed saying was already said.
struct CommandFailure: Error {
    var status: ExitStatus
}
