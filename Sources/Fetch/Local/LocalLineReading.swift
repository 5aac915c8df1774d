/// The pipeline shared by files and stdin: gzip detection by magic bytes, shape detection on the
/// decompressed bytes, then lines (raw, export with timestamps stripped, or JSON events).
enum LocalLineReading {
    static let gzipMagic: [UInt8] = [0x1F, 0x8B]

    static func readLines(from input: ByteStream, options: LineReaderOptions,
                          _ body: (LogLine) throws -> Void) throws -> ReadOutcome {
        let magic = try input.readPrefix(upTo: 2)
        let replayed = ReplayStream(prefix: magic, rest: input)
        let decoded: ByteStream
        var readAhead: ReadAheadByteStream?
        if magic == gzipMagic {
            // zlib inflates on its own thread, a few blocks ahead of the line splitting and the scan.
            let gzip = try GzipByteStream(source: replayed, chunkSize: options.inflateChunkSize)
            readAhead = ReadAheadByteStream(inner: gzip, blockSize: options.blockSize)
            decoded = readAhead!
        } else {
            decoded = replayed
        }
        defer { readAhead?.cancel() }
        let sniffed = try decoded.readPrefix(upTo: InputShapeDetector.sniffSize)
        let shape = InputShapeDetector.detect(sniffed)
        let stream = ReplayStream(prefix: sniffed, rest: decoded)

        var number = 0
        var completeness = Completeness.complete
        switch shape {
        case .logEventsJSON:
            // The scanner keeps its callback only while `run` lasts.
            completeness = try withoutActuallyEscaping(body) { body in
                let scanner = LogEventsJSONScanner(maxLineLength: options.maxLineLength) { bytes, timestamp, cut in
                    number += 1
                    try body(LogLine(number: number, bytes: bytes, timestampMillis: timestamp, isCut: cut))
                }
                try scanner.run(stream, blockSize: options.blockSize)
                return scanner.damage
            }
        case .cloudwatchExport:
            try LineReader(options: options).run(stream) { bytes, cut in
                number += 1
                if let stamp = ExportTimestamp.parse(bytes) {
                    let message = UnsafeBufferPointer(rebasing: bytes[stamp.length...])
                    try body(LogLine(number: number, bytes: message, timestampMillis: stamp.millis, isCut: cut))
                } else {
                    // A continuation of a multi-line event carries no timestamp of its own.
                    try body(LogLine(number: number, bytes: bytes, isCut: cut))
                }
            }
        case .raw, .cloudwatchLogsAPI:
            try LineReader(options: options).run(stream) { bytes, cut in
                number += 1
                try body(LogLine(number: number, bytes: bytes, isCut: cut))
            }
        }
        // Damage to the bytes (gzip, read errors) explains any JSON damage that follows from it.
        if decoded.completeness.isPartial { completeness = decoded.completeness }
        return ReadOutcome(shape: shape, completeness: completeness, bytesRead: input.bytesConsumed, linesRead: number)
    }
}
