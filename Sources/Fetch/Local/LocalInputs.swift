import Foundation

/// Turns the paths a user gives into line sources, one per build log.
public enum LocalInputs {
    /// File name endings read from a directory. A `.json` file is read only when it is get-log-events or
    /// filter-log-events JSON (a directory of logs often holds other JSON: expectations, manifests).
    public static let logExtensions = [".log", ".txt", ".gz", ".json"]
    /// How deep a directory is followed (a CloudWatch export folder nests three or four levels).
    public static let maxDepth = 32

    /// `-` is stdin; a file is one build; a directory is each of its `.log`, `.txt`, `.gz` and log-events
    /// `.json` files, in it and in its subdirectories (not hidden ones, not through symbolic links to
    /// directories), sorted by path. Throws for a missing path or a directory with no logs anywhere; a
    /// subdirectory that cannot be listed becomes a source that fails with why, so the others are still read.
    /// `unseenOptions` (default: `options`) is for stdin and a directory's files, whose size nobody saw.
    public static func expand(_ paths: [String], options: LineReaderOptions = .standard,
                              unseenOptions: LineReaderOptions? = nil) throws -> [LineSource] {
        let collected = unseenOptions ?? options
        var sources: [LineSource] = []
        for path in paths {
            if path == "-" {
                sources.append(StdinLogSource(options: collected))
                continue
            }
            var status = stat()
            guard stat(path, &status) == 0 else { throw LocalInputError.fromOpen(errno: errno, path: path) }
            guard status.st_mode & S_IFMT == S_IFDIR else {
                sources.append(LocalLogSource(path: path, options: options))
                continue
            }
            // Listing needs read permission, looking at the entries search (x) permission: without it
            // every entry looks missing and the directory "has no logs", which is not what is wrong.
            guard access(path, R_OK | X_OK) == 0 else { throw LocalInputError.permissionDenied(path: path) }
            var found: [LineSource] = []
            try walk(directory: path, depth: 0, options: collected, into: &found)
            guard !found.isEmpty else { throw LocalInputError.directoryHasNoLogs(path: path) }
            sources += found
        }
        return sources
    }

    private static func walk(directory path: String, depth: Int, options: LineReaderOptions,
                             into sources: inout [LineSource]) throws {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            guard access(path, R_OK | X_OK) == 0 else { throw LocalInputError.permissionDenied(path: path) }
            throw LocalInputError.listFailed(path: path, reason: "\(error.localizedDescription)")
        }
        let prefix = path.hasSuffix("/") ? path : path + "/"
        for name in names.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) where !name.hasPrefix(".") {
            let child = prefix + name
            if isRealDirectory(child) {
                guard depth + 1 < maxDepth else { continue }
                do {
                    guard access(child, R_OK | X_OK) == 0 else { throw LocalInputError.permissionDenied(path: child) }
                    try walk(directory: child, depth: depth + 1, options: options, into: &sources)
                } catch {
                    sources.append(UnreadableLogSource(displayName: child, error: error))
                }
                continue
            }
            guard logExtensions.contains(where: { name.hasSuffix($0) }), isRegularFile(child) else { continue }
            if name.hasSuffix(".json") && !isLogEventsJSON(child) { continue }
            sources.append(LocalLogSource(path: child, options: options))
        }
    }

    /// Whether a `.json` file starts as get-log-events / filter-log-events JSON does.
    private static func isLogEventsJSON(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return true } // let the reader say why
        defer { try? handle.close() }
        let prefix = (try? handle.read(upToCount: InputShapeDetector.sniffSize)) ?? Data()
        return InputShapeDetector.detect(Array(prefix)) == .logEventsJSON
    }

    private static func isRegularFile(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFREG
    }

    /// A directory itself, not a symbolic link to one (which could lead back up the tree).
    private static func isRealDirectory(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
    }
}

/// A path found inside a directory that cannot be read (a subdirectory without permission): reading it throws
/// why, so it is reported as unreadable on its own while the rest of the directory is read.
struct UnreadableLogSource: LineSource {
    let displayName: String
    let error: Error

    func readLines(_ body: (LogLine) throws -> Void) throws -> ReadOutcome { throw error }
}
