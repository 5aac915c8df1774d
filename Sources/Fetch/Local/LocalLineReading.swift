/// The pipeline shared by files and stdin: gzip detection by magic bytes (other compressed formats are
/// refused by theirs), shape detection on the decompressed bytes, then lines (raw, export with
/// timestamps stripped, or JSON events), stopped by `options.limits`.
enum LocalLineReading {
    static let gzipMagic: [UInt8] = [0x1F, 0x8B]
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    static func readLines(from input: ByteStream, name: String, options: LineReaderOptions,
                          observingBlocks observer: BlockObserver? = nil,
                          _ body: (LogLine) throws -> Void) throws -> ReadOutcome {
        let magic = try input.readPrefix(upTo: UnsupportedFormat.sniffLength)
        if let format = UnsupportedFormat.detect(raw: magic) {
            throw LocalInputError.unsupportedFormat(path: name, format: format.rawValue, hint: format.hint)
        }
        let replayed = ReplayStream(prefix: magic, rest: input)
        let compressed = magic.starts(with: gzipMagic)
        var decoded: ByteStream
        var readAhead: ReadAheadByteStream?
        if compressed {
            // zlib inflates on its own thread, a few blocks ahead of the line splitting and the scan.
            let gzip = try GzipByteStream(source: replayed, chunkSize: options.inflateChunkSize)
            let ahead = ReadAheadByteStream(inner: gzip, blockSize: options.blockSize)
            readAhead = ahead
            decoded = ahead
        } else {
            decoded = replayed
        }
        defer { readAhead?.cancel() }
        let limits = options.limits
        let active = limits.isActive(compressed: compressed)
        var byteLimit: LimitedByteStream?
        if active, let maxBytes = limits.maxBytes {
            let limited = LimitedByteStream(source: decoded, limit: maxBytes)
            byteLimit = limited
            decoded = limited
        }
        var sniffed = try decoded.readPrefix(upTo: InputShapeDetector.sniffSize)
        if compressed, let format = UnsupportedFormat.detect(insideGzip: sniffed) {
            throw LocalInputError.unsupportedFormat(path: name, format: format.rawValue, hint: format.hint)
        }
        let shape = InputShapeDetector.detect(sniffed)
        // A UTF-8 byte order mark is not content: the JSON scanner and line 1 must not see it.
        if sniffed.starts(with: byteOrderMark) { sniffed.removeFirst(byteOrderMark.count) }
        let stream = ReplayStream(prefix: sniffed, rest: decoded)

        let maxLines = active ? limits.maxLines ?? Int.max : Int.max
        var number = 0
        var completeness = Completeness.complete
        var stoppedAtLineLimit = false
        do {
            switch shape {
            case .logEventsJSON:
                // The scanner keeps its callback only while `run` lasts.
                completeness = try withoutActuallyEscaping(body) { body in
                    let scanner = LogEventsJSONScanner(maxLineLength: options.maxLineLength) { bytes, timestamp, cut in
                        guard number < maxLines else { throw LineLimitReached() }
                        number += 1
                        try body(LogLine(number: number, bytes: bytes, timestampMillis: timestamp, isCut: cut))
                    }
                    try scanner.run(stream, blockSize: options.blockSize)
                    return scanner.damage
                }
            case .cloudwatchExport:
                try LineReader(options: options).run(stream, onBlock: observer) { bytes, cut in
                    guard number < maxLines else { throw LineLimitReached() }
                    number += 1
                    if let stamp = ExportTimestamp.parse(bytes) {
                        let message = UnsafeBufferPointer(rebasing: bytes[stamp.length...])
                        try body(LogLine(number: number, bytes: message, timestampMillis: stamp.millis, isCut: cut))
                    } else {
                        // A continuation of a multi-line event carries no timestamp of its own.
                        try body(LogLine(number: number, bytes: bytes, isCut: cut))
                    }
                }
            case .logEventsText:
                var messageOpen = false // an event's message whose timestamp is still to come, lines below
                try LineReader(options: options).run(stream, onBlock: observer) { bytes, cut in
                    let parsed = LogEventsTextLine.parse(bytes)
                    if case .token = parsed { return }
                    guard number < maxLines else { throw LineLimitReached() }
                    number += 1
                    switch parsed {
                    case .event(let message, let timestamp):
                        messageOpen = timestamp == nil
                        try body(LogLine(number: number, bytes: UnsafeBufferPointer(rebasing: bytes[message]),
                                         timestampMillis: timestamp, isCut: cut))
                    case .continuation, .token:
                        if messageOpen, let end = LogEventsTextLine.endOfContinuedMessage(bytes) {
                            messageOpen = false
                            try body(LogLine(number: number, bytes: UnsafeBufferPointer(rebasing: bytes[..<end.length]),
                                             timestampMillis: end.timestampMillis, isCut: cut))
                        } else {
                            try body(LogLine(number: number, bytes: bytes, isCut: cut))
                        }
                    }
                }
            case .raw, .cloudwatchLogsAPI:
                try LineReader(options: options).run(stream, onBlock: observer) { bytes, cut in
                    guard number < maxLines else { throw LineLimitReached() }
                    number += 1
                    try body(LogLine(number: number, bytes: bytes, isCut: cut))
                }
            }
        } catch is LineLimitReached {
            stoppedAtLineLimit = true
        }
        // Damage to the bytes (gzip, read errors) explains any JSON damage that follows from it.
        if decoded.completeness.isPartial { completeness = decoded.completeness }
        if stoppedAtLineLimit {
            completeness = .partial(reason: "stopped after \(number) lines (--max-lines); the rest was not read",
                                    byteOffset: nil)
        } else if let byteLimit, byteLimit.exceeded, let maxBytes = limits.maxBytes {
            completeness = .partial(reason: "stopped after \(maxBytes) bytes\(compressed ? " of decompressed data" : "") "
                                        + "(--max-bytes); the rest was not read", byteOffset: nil)
        }
        // With gzip, the inflate thread reads `input` (and may still be): ask it, not the stream under it.
        let bytesRead = readAhead?.bytesConsumed ?? input.bytesConsumed
        return ReadOutcome(shape: shape, completeness: completeness, bytesRead: bytesRead, linesRead: number)
    }
}
