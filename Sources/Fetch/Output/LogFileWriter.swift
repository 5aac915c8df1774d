#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a fetched log to a file: gzip when the name ends in `.gz`, plain otherwise.
///
/// Bytes go to a temporary file beside the target; `finish()` moves it into place in one step, so
/// the user never sees a half-written file and loses nothing they had: without `overwrite` an
/// existing target is refused (checked at creation and again, atomically, at `finish()`). A writer
/// dropped without `finish()` removes its temporary file.
public final class LogFileWriter {
    public let path: String
    public let isGzip: Bool
    private let overwrite: Bool
    private let temporaryPath: String
    private var fd: Int32
    private let deflater: Deflater?
    /// Bytes collected before they are compressed or written, so small writes cost no syscall.
    private let stage: UnsafeMutableRawBufferPointer
    private var staged = 0
    /// Output room for the deflater.
    private let scratch: UnsafeMutableRawBufferPointer
    private var closed = false

    static let stageSize = 256 * 1024

    public init(path: String, overwrite: Bool) throws {
        self.path = path
        self.overwrite = overwrite
        self.isGzip = path.hasSuffix(".gz")
        var status = stat()
        if !overwrite && lstat(path, &status) == 0 { throw OutputFileError.exists(path: path) }
        if lstat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR {
            throw OutputFileError.cannotCreate(path: path, reason: "is a directory")
        }
        temporaryPath = Self.temporaryPath(beside: path)
        fd = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw OutputFileError.cannotCreate(path: path, reason: errnoText(errno)) }
        do {
            deflater = isGzip ? try Deflater() : nil
        } catch {
            _ = close(fd)
            _ = unlink(temporaryPath)
            throw error
        }
        stage = .allocate(byteCount: Self.stageSize, alignment: 16)
        scratch = .allocate(byteCount: Self.stageSize, alignment: 16)
    }

    deinit {
        if !closed { abandon() }
        stage.deallocate()
        scratch.deallocate()
    }

    /// Appends bytes as they are.
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard !closed else { throw OutputFileError.alreadyClosed(path: path) }
        var offset = 0
        while offset < bytes.count {
            if staged == stage.count { try flushStage(finish: false) }
            let count = min(bytes.count - offset, stage.count - staged)
            guard let source = bytes.baseAddress, let target = stage.baseAddress else { return }
            (target + staged).copyMemory(from: source + offset, byteCount: count)
            staged += count
            offset += count
        }
    }

    /// Appends one line and a `\n`.
    public func write(line: UnsafeBufferPointer<UInt8>) throws {
        try write(UnsafeRawBufferPointer(line))
        var newline: UInt8 = 0x0A
        try withUnsafeBytes(of: &newline) { try write($0) }
    }

    public func write(line: LogLine) throws {
        try write(line: line.bytes)
    }

    /// Completes the file and moves it to `path`. On failure the temporary file is removed.
    public func finish() throws {
        guard !closed else { throw OutputFileError.alreadyClosed(path: path) }
        do {
            try flushStage(finish: true)
            guard fsync(fd) == 0 || errno == EINVAL else { throw OutputFileError.writeFailed(path: path, reason: errnoText(errno)) }
            let result = close(fd)
            fd = -1
            guard result == 0 else { throw OutputFileError.writeFailed(path: path, reason: errnoText(errno)) }
            try moveIntoPlace()
            closed = true
        } catch {
            abandon()
            throw error
        }
    }

    /// Stops writing and removes the temporary file; the target is left as it was.
    public func abandon() {
        if fd >= 0 { _ = close(fd) }
        fd = -1
        _ = unlink(temporaryPath)
        closed = true
    }

    private func moveIntoPlace() throws {
        if overwrite {
            guard rename(temporaryPath, path) == 0 else {
                throw OutputFileError.cannotReplace(path: path, reason: errnoText(errno))
            }
            return
        }
        // link(2) fails if the target appeared meanwhile: no window in which it could be clobbered.
        if link(temporaryPath, path) == 0 {
            _ = unlink(temporaryPath)
            return
        }
        let code = errno
        if code == EEXIST { throw OutputFileError.exists(path: path) }
        // File systems without hard links: check, then rename (a small race, documented).
        guard code == EPERM || code == ENOTSUP || code == EOPNOTSUPP || code == EXDEV else {
            throw OutputFileError.cannotReplace(path: path, reason: errnoText(code))
        }
        var status = stat()
        if lstat(path, &status) == 0 { throw OutputFileError.exists(path: path) }
        guard rename(temporaryPath, path) == 0 else {
            throw OutputFileError.cannotReplace(path: path, reason: errnoText(errno))
        }
    }

    private func flushStage(finish: Bool) throws {
        let pending = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(stage)[0..<staged])
        staged = 0
        if let deflater {
            try deflater.deflate(pending, finish: finish, scratch: scratch) { try writeAll($0) }
        } else {
            try writeAll(pending)
        }
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer) throws {
        guard var next = bytes.baseAddress else { return }
        var remaining = bytes.count
        while remaining > 0 {
            #if canImport(Glibc)
            let count = Glibc.write(fd, next, remaining)
            #else
            let count = Darwin.write(fd, next, remaining)
            #endif
            if count < 0 {
                if errno == EINTR { continue }
                throw OutputFileError.writeFailed(path: path, reason: errnoText(errno))
            }
            next += count
            remaining -= count
        }
    }

    /// `.NAME.cbtriage-PID-RANDOM.tmp` in the target's directory, so the final rename stays on one file system.
    private static func temporaryPath(beside path: String) -> String {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        return "\(directory).\(name).cbtriage-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
    }
}
