import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes to stdout and stderr with `write(2)` and checks every write.
///
/// A reader that goes away (`cbtriage … | head`) is not an error: SIGPIPE is ignored at start-up, and on
/// EPIPE later output is dropped quietly (`readerGone`); the command decides whether to stop early or to
/// finish the work its exit status depends on (`--fail-on-any DIR | head -1` still exits 1). Any other
/// failure (stdout closed, disk full) loses the report: one line on stderr and exit 74 at once, never a
/// silent success.
enum StandardStreams {
    /// The reader of stdout closed the pipe: nothing more can be shown, and that is not an error.
    private(set) static var readerGone = false
    /// Descriptor 1 was closed when cbtriage started; /dev/null holds its place (see `prepare`).
    private static var stdoutWasClosed = false

    /// SIGPIPE off; a closed stdin, stdout or stderr gets /dev/null in its place, so a file opened later
    /// cannot land on descriptor 1 and receive the report. A write to a stdout that was closed still fails.
    static func prepare() {
        signal(SIGPIPE, SIG_IGN)
        for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(descriptor, F_GETFD) == -1 {
            let placeholder = open("/dev/null", descriptor == STDIN_FILENO ? O_RDONLY : O_WRONLY)
            if placeholder >= 0 && placeholder != descriptor {
                _ = dup2(placeholder, descriptor)
                _ = close(placeholder)
            }
            if descriptor == STDOUT_FILENO { stdoutWasClosed = true }
        }
    }

    static func out(_ text: String) {
        guard !readerGone else { return }
        if stdoutWasClosed { failStandardOutput(reason: errnoText(EBADF)) }
        if let code = write(text, to: STDOUT_FILENO) { standardOutputFailed(errno: code) }
    }

    /// What a failed write to stdout means: EPIPE marks the reader gone; anything else ends the run.
    static func standardOutputFailed(errno code: Int32) {
        if code == EPIPE {
            readerGone = true
        } else {
            failStandardOutput(reason: errnoText(code))
        }
    }

    /// Only for writes that bypass `out` (stdio in `fetch`): the same check on a closed stdout.
    static func checkStandardOutputOpen() {
        if stdoutWasClosed { failStandardOutput(reason: errnoText(EBADF)) }
    }

    private static func failStandardOutput(reason: String) -> Never {
        error("cannot write to standard output: \(reason)")
        exit(ExitStatus.outputFailed.rawValue)
    }

    /// One diagnostic line on stderr, `cbtriage: <message>`; newlines in the message are flattened so
    /// an error is always exactly one line.
    static func error(_ message: String) {
        let flat = message.split(whereSeparator: \.isNewline).joined(separator: " ")
        _ = write("cbtriage: \(flat)\n", to: STDERR_FILENO)
    }

    /// Progress and notes on stderr, exactly as given.
    static func err(_ text: String) {
        _ = write(text, to: STDERR_FILENO)
    }

    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Columns of the terminal on stdout, when it is one.
    static var terminalColumns: Int? { columns(of: STDOUT_FILENO) }

    /// Columns of the terminal on stderr (where `build --follow` draws its status line), when it is one.
    static var stderrColumns: Int? { columns(of: STDERR_FILENO) }

    private static func columns(of descriptor: Int32) -> Int? {
        var size = winsize()
        guard isatty(descriptor) == 1, ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else {
            return nil
        }
        return Int(size.ws_col)
    }

    static func errnoText(_ code: Int32) -> String {
        String(cString: strerror(code))
    }

    /// Writes everything or returns the errno of the write that failed.
    private static func write(_ text: String, to descriptor: Int32) -> Int32? {
        var bytes = Array(text.utf8)
        var failure: Int32?
        bytes.withUnsafeMutableBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, base + offset, buffer.count - offset)
                if written >= 0 {
                    offset += written
                } else if errno == EINTR {
                    continue
                } else {
                    failure = errno
                    return
                }
            }
        }
        return failure
    }

    private static func systemWrite(_ descriptor: Int32, _ pointer: UnsafeMutableRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        return Glibc.write(descriptor, pointer, count)
        #else
        return Darwin.write(descriptor, pointer, count)
        #endif
    }
}
