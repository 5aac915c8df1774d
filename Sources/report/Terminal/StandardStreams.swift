import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes to stdout and stderr with `write(2)`, so a reader that goes away (`cbtriage … | head`) ends
/// the program quietly instead of killing it with SIGPIPE or printing an error. SIGPIPE is ignored at
/// start-up; EPIPE here exits with the status the run would have had so far (0).
enum StandardStreams {
    static func ignoreBrokenPipeSignal() {
        signal(SIGPIPE, SIG_IGN)
    }

    static func out(_ text: String) {
        write(text, to: STDOUT_FILENO)
    }

    /// One diagnostic line on stderr, `cbtriage: <message>`; newlines in the message are flattened so
    /// an error is always exactly one line.
    static func error(_ message: String) {
        let flat = message.split(whereSeparator: \.isNewline).joined(separator: " ")
        write("cbtriage: \(flat)\n", to: STDERR_FILENO)
    }

    /// Progress and notes on stderr, exactly as given.
    static func err(_ text: String) {
        write(text, to: STDERR_FILENO)
    }

    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Columns of the terminal on stdout, when it is one.
    static var terminalColumns: Int? {
        var size = winsize()
        guard isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else {
            return nil
        }
        return Int(size.ws_col)
    }

    private static func write(_ text: String, to descriptor: Int32) {
        var bytes = Array(text.utf8)
        var offset = 0
        bytes.withUnsafeMutableBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            while offset < buffer.count {
                let written = systemWrite(descriptor, base + offset, buffer.count - offset)
                if written >= 0 {
                    offset += written
                } else if errno == EINTR {
                    continue
                } else if errno == EPIPE {
                    // The reader closed the pipe: nothing more can be shown, and that is not an error.
                    exit(ExitStatus.ok.rawValue)
                } else {
                    return
                }
            }
        }
        bytes.removeAll()
    }

    private static func systemWrite(_ descriptor: Int32, _ pointer: UnsafeMutableRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        return Glibc.write(descriptor, pointer, count)
        #else
        return Darwin.write(descriptor, pointer, count)
        #endif
    }
}
