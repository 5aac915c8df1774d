import Foundation

/// Turns the paths a user gives into line sources, one per build log.
public enum LocalInputs {
    /// File name endings read from a directory.
    public static let logExtensions = [".log", ".txt", ".gz"]

    /// `-` is stdin; a file is one build; a directory is each of its `.log`, `.txt` and `.gz` files
    /// (not recursing), sorted by name. Throws for a missing path or a directory with no logs.
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
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: path)
            } catch {
                guard access(path, R_OK | X_OK) == 0 else { throw LocalInputError.permissionDenied(path: path) }
                throw LocalInputError.listFailed(path: path, reason: "\(error.localizedDescription)")
            }
            let logs = names
                .filter { name in !name.hasPrefix(".") && logExtensions.contains { name.hasSuffix($0) } }
                .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
                .map { (path.hasSuffix("/") ? path : path + "/") + $0 }
                .filter { isRegularFile($0) }
            guard !logs.isEmpty else { throw LocalInputError.directoryHasNoLogs(path: path) }
            sources += logs.map { LocalLogSource(path: $0, options: collected) }
        }
        return sources
    }

    private static func isRegularFile(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFREG
    }
}
