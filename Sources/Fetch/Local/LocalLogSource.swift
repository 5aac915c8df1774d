#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A build log in a local file: plain or gzip (detected by its first bytes, not its name), raw,
/// CloudWatch export or get-log-events JSON (detected from its content).
public struct LocalLogSource: LineSource {
    public let path: String
    public let options: LineReaderOptions

    public init(path: String, options: LineReaderOptions = .standard) {
        self.path = path
        self.options = options
    }

    public var displayName: String { path }

    public func readLines(_ body: (LogLine) throws -> Void) throws -> ReadOutcome {
        try readLines(observingBlocks: nil, body)
    }

    public func readLines(observingBlocks observer: BlockObserver?, _ body: (LogLine) throws -> Void) throws -> ReadOutcome {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw LocalInputError.fromOpen(errno: errno, path: path) }
        let input = FileDescriptorStream(fd: fd, displayName: path, closesOnDeinit: true)
        var status = stat()
        if fstat(fd, &status) == 0 {
            switch status.st_mode & S_IFMT {
            case S_IFDIR: throw LocalInputError.isDirectory(path: path)
            case S_IFREG, S_IFIFO, S_IFCHR: break
            default: throw LocalInputError.notAFile(path: path)
            }
        }
        return try LocalLineReading.readLines(from: input, name: path, options: options, observingBlocks: observer, body)
    }
}

/// The build log on standard input (`-`), in any shape a file may have, gzip included.
public struct StdinLogSource: LineSource {
    public let options: LineReaderOptions
    /// Standard input, or (in tests) the read end of a pipe standing in for it.
    let fileDescriptor: Int32

    public init(options: LineReaderOptions = .standard) {
        self.init(options: options, fileDescriptor: STDIN_FILENO)
    }

    init(options: LineReaderOptions, fileDescriptor: Int32) {
        self.options = options
        self.fileDescriptor = fileDescriptor
    }

    public var displayName: String { "-" }

    public func readLines(_ body: (LogLine) throws -> Void) throws -> ReadOutcome {
        try readLines(observingBlocks: nil, body)
    }

    public func readLines(observingBlocks observer: BlockObserver?, _ body: (LogLine) throws -> Void) throws -> ReadOutcome {
        let input = FileDescriptorStream(fd: fileDescriptor, displayName: "standard input", closesOnDeinit: false)
        return try LocalLineReading.readLines(from: input, name: "standard input", options: options,
                                              observingBlocks: observer, body)
    }
}
