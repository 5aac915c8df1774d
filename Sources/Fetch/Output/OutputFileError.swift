/// Why `LogFileWriter` could not write the file the user asked for. One line, naming the path.
public enum OutputFileError: UserFacingError, Equatable {
    /// The target exists and overwriting was not asked for.
    case exists(path: String)
    case cannotCreate(path: String, reason: String)
    case writeFailed(path: String, reason: String)
    case cannotReplace(path: String, reason: String)
    /// `write` or `finish` after `finish` or `abandon`.
    case alreadyClosed(path: String)

    public var userMessage: String {
        switch self {
        case .exists(let path):
            return "\(path): file exists (use --overwrite to replace it)"
        case .cannotCreate(let path, let reason):
            return "\(path): cannot create: \(reason)"
        case .writeFailed(let path, let reason):
            return "\(path): write error: \(reason)"
        case .cannotReplace(let path, let reason):
            return "\(path): cannot move the finished file into place: \(reason)"
        case .alreadyClosed(let path):
            return "\(path): written after the file was finished"
        }
    }
}
