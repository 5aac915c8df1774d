import Fetch
import Foundation

/// One input the user named, resolved: a build log ready to read, or the reason it cannot be.
enum CollectedInput {
    case source(LineSource)
    case unreadable(name: String, error: Error)
}

/// Turns the command line's paths into line sources, one path at a time, so that one unreadable path is
/// reported on its own and does not sink the others.
enum InputCollector {
    static func collect(_ paths: [String]) -> [CollectedInput] {
        paths.flatMap { path -> [CollectedInput] in
            do {
                return try LocalLogFiles.expand(path).map(CollectedInput.source)
            } catch {
                return [.unreadable(name: path, error: error)]
            }
        }
    }
}

/// STOPGAP until Fetch's `LocalInputs` lands on main: plain-text files, directories of them, and stdin,
/// read whole. It knows no gzip, export or JSON shapes; `LocalInputs.expand` replaces it.
enum LocalLogFiles {
    static func expand(_ path: String) throws -> [LineSource] {
        if path == "-" { return [BufferedLineSource(displayName: "-", bytes: Array(FileHandle.standardInput.readDataToEndOfFile()))] }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError.notFound(path: path)
        }
        guard isDirectory.boolValue else { return [try file(path)] }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            throw InputError.notReadable(path: path, reason: "permission denied")
        }
        let files = names.filter { !$0.hasPrefix(".") }.sorted().map { (path as NSString).appendingPathComponent($0) }
            .filter { candidate in
                var nested: ObjCBool = false
                return FileManager.default.fileExists(atPath: candidate, isDirectory: &nested) && !nested.boolValue
            }
        guard !files.isEmpty else { throw InputError.emptyDirectory(path: path) }
        return try files.map(file)
    }

    private static func file(_ path: String) throws -> LineSource {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError.notReadable(path: path, reason: "permission denied or not a regular file")
        }
        return BufferedLineSource(displayName: path, bytes: Array(data))
    }
}

/// A whole log in memory, cut into lines on `\n` (a trailing `\r` dropped).
struct BufferedLineSource: LineSource {
    var displayName: String
    var bytes: [UInt8]

    func readLines(_ body: (LogLine) throws -> Void) throws -> ReadOutcome {
        var number = 0
        try bytes.withUnsafeBufferPointer { buffer in
            var start = 0
            while start < buffer.count {
                var end = start
                while end < buffer.count, buffer[end] != UInt8(ascii: "\n") { end += 1 }
                var contentEnd = end
                if contentEnd > start, buffer[contentEnd - 1] == UInt8(ascii: "\r") { contentEnd -= 1 }
                number += 1
                try body(LogLine(number: number, bytes: UnsafeBufferPointer(rebasing: buffer[start..<contentEnd])))
                start = end + 1
            }
        }
        return ReadOutcome(shape: .raw, completeness: .complete, bytesRead: Int64(bytes.count), linesRead: number)
    }
}
