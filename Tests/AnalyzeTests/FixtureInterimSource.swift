import Fetch
import Foundation

/// INTERIM, test-only: reads a plain raw log so the fixture tests run before Fetch's `LocalLogSource`
/// lands on main. It knows no gzip and no export/JSON shapes (those fixtures fail loudly with this
/// reader); delete this file and switch `FixtureFiles.diagnose` to `LocalLogSource` once it exists.
struct InterimPlainLogSource: LineSource {
    struct Unsupported: UserFacingError {
        var userMessage: String
    }

    let path: String
    var displayName: String { path }

    func readLines(_ body: (LogLine) throws -> Void) throws -> ReadOutcome {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        if data.starts(with: [0x1F, 0x8B]) {
            throw Unsupported(userMessage: "\(path): gzip needs LocalLogSource")
        }
        var bytes = [UInt8](data)
        var number = 0
        try bytes.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var start = 0
            while start < buffer.count {
                let newline = buffer[start...].firstIndex(of: 0x0A) ?? buffer.count
                var end = newline
                if end > start, buffer[end - 1] == 0x0D { end -= 1 }
                number += 1
                let line = UnsafeBufferPointer(start: base + start, count: end - start)
                try body(LogLine(number: number, bytes: line))
                start = newline + 1
            }
        }
        return ReadOutcome(shape: .raw, completeness: .complete, bytesRead: Int64(data.count), linesRead: number)
    }
}
