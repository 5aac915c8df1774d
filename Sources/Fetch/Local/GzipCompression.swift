/// Whole-buffer gzip compression, for inputs built in memory (rule examples read as a `.gz` file is).
/// Files written by `fetch` stream through `LogFileWriter` instead.
public enum GzipCompression {
    public static func compress(_ bytes: [UInt8]) throws -> [UInt8] {
        let deflater = try Deflater()
        var output: [UInt8] = []
        let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 16)
        defer { scratch.deallocate() }
        try bytes.withUnsafeBytes { input in
            try deflater.deflate(input, finish: true, scratch: scratch) { output.append(contentsOf: $0) }
        }
        return output
    }
}
