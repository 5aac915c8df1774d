#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a local input (a file, a directory of logs, stdin) could not be read.
///
/// Every case names the path and renders as one line. Damage found after some lines were read
/// (a truncated gzip file, a read error mid-file) is not thrown: it becomes `Completeness.partial`.
public enum LocalInputError: UserFacingError, Equatable {
    case notFound(path: String)
    case permissionDenied(path: String)
    /// A directory holding no `.log`, `.txt` or `.gz` files.
    case directoryHasNoLogs(path: String)
    /// `LocalLogSource` was given a directory; `LocalInputs.expand` turns directories into files.
    case isDirectory(path: String)
    /// Not a regular file, directory or pipe (a socket, a device).
    case notAFile(path: String)
    case openFailed(path: String, reason: String)
    case readFailed(path: String, reason: String)
    case listFailed(path: String, reason: String)
    /// A compressed or archive format recognised by its first bytes that cbtriage does not read.
    case unsupportedFormat(path: String, format: String, hint: String)

    public var userMessage: String {
        switch self {
        case .notFound(let path):
            return "\(path): no such file or directory"
        case .permissionDenied(let path):
            return "\(path): permission denied"
        case .directoryHasNoLogs(let path):
            return "\(path): no .log, .txt, .gz or log-events .json files in this directory or below it"
        case .isDirectory(let path):
            return "\(path): is a directory (pass it as an input to read the logs inside)"
        case .notAFile(let path):
            return "\(path): not a regular file"
        case .openFailed(let path, let reason):
            return "\(path): cannot open: \(reason)"
        case .readFailed(let path, let reason):
            return "\(path): read error: \(reason)"
        case .listFailed(let path, let reason):
            return "\(path): cannot list directory: \(reason)"
        case .unsupportedFormat(let path, let format, let hint):
            return "\(path): is \(format), which cbtriage does not read; decompress it first (\(hint))"
        }
    }

    /// Maps an `open(2)`/`stat(2)` errno to the case a user understands best.
    public static func fromOpen(errno code: Int32, path: String) -> LocalInputError {
        switch code {
        case ENOENT, ENOTDIR: return .notFound(path: path)
        case EACCES, EPERM: return .permissionDenied(path: path)
        case EISDIR: return .isDirectory(path: path)
        default: return .openFailed(path: path, reason: errnoText(code))
        }
    }
}

/// `strerror` text for an errno value, e.g. "Input/output error".
func errnoText(_ code: Int32) -> String {
    guard let text = strerror(code) else { return "errno \(code)" }
    return String(cString: text)
}
