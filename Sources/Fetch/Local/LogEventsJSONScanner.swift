/// A streaming reader for the JSON of `aws logs get-log-events` / `filter-log-events`:
/// `{"events":[{"timestamp":…,"message":"…",…},…],"nextForwardToken":…}`, or the bare
/// `events` array. Several documents one after another (saved pages) are read in turn.
///
/// Bytes are fed in chunks of any size; memory is bounded by one event's message (capped at
/// `messageLimit`, beyond which finished lines are handed on early). String escapes are decoded,
/// `\uXXXX` included, surrogate pairs joined and lone surrogates replaced by U+FFFD. A message
/// holding `\n` becomes several lines; the `\n` that ends most CodeBuild events adds no empty line.
final class LogEventsJSONScanner {
    typealias Emit = (_ line: UnsafeBufferPointer<UInt8>, _ timestampMillis: Int64?, _ isCut: Bool) throws -> Void

    private let maxLineLength: Int
    private let messageLimit: Int
    private let emit: Emit

    private enum Container { case object, array }
    private enum Expect { case value, keyOrEnd, key, colon, commaOrEnd }
    private enum StringRole { case key, message, ignored }
    private enum Lexeme: Equatable { case idle, string, escape, unicode(digits: Int, value: UInt32), scalar }

    private var stack: [Container] = []
    private var expect = Expect.value
    private var lexeme = Lexeme.idle
    private var stringRole = StringRole.ignored
    private var pendingHighSurrogate: UInt32?
    /// Depth of the events array in `stack`, while inside it.
    private var eventsDepth: Int?
    private var key: [UInt8] = []
    private var keyOverflow = false
    private var currentKey = [UInt8]()
    private var scalar: [UInt8] = []

    // The event being read.
    private var timestamp: Int64?
    private var message: [UInt8] = []
    private var lineLength = 0
    private var lineIsCut = false
    /// Finished lines of `message`: end offsets and cut flags.
    private var lineEnds: [(end: Int, cut: Bool)] = []
    private var messageSeen = false
    private var emittedLines = false

    private(set) var offset: Int64 = 0
    private(set) var damage: Completeness = .complete

    init(maxLineLength: Int, messageLimit: Int = 1 << 20, emit: @escaping Emit) {
        self.maxLineLength = maxLineLength
        self.messageLimit = max(messageLimit, maxLineLength)
        self.emit = emit
        message.reserveCapacity(4096)
    }

    /// Reads the whole stream.
    func run(_ stream: ByteStream, blockSize: Int) throws {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: blockSize, alignment: 1)
        defer { buffer.deallocate() }
        while damage == .complete {
            let count = try stream.read(into: buffer)
            if count == 0 { break }
            for byte in UnsafeRawBufferPointer(rebasing: buffer[0..<count]) {
                try feed(byte)
                offset += 1
                if damage != .complete { break }
            }
        }
        if damage == .complete && (!stack.isEmpty || lexeme != .idle && !isScalarAtTop) {
            fail("JSON ends unexpectedly")
        }
        // Whatever part of an event was read before the damage is still shown.
        if messageSeen { try flushEvent() }
    }

    private var isScalarAtTop: Bool {
        if case .scalar = lexeme { return stack.isEmpty }
        return false
    }

    private func fail(_ reason: String) {
        if damage == .complete {
            damage = .partial(reason: "\(reason) at byte \(offset) of the JSON", byteOffset: nil)
        }
    }

    private func feed(_ byte: UInt8) throws {
        switch lexeme {
        case .string: return try stringByte(byte)
        case .escape: return try escapeByte(byte)
        case .unicode(let digits, let value): return try unicodeByte(byte, digits: digits, value: value)
        case .scalar:
            if isDelimiter(byte) {
                endScalar()
            } else {
                if scalar.count < 32 { scalar.append(byte) }
                return
            }
        case .idle:
            break
        }
        try structuralByte(byte)
    }

    private func isDelimiter(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x0A, 0x0D, 0x09, UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"): return true
        default: return false
        }
    }

    private func structuralByte(_ byte: UInt8) throws {
        switch byte {
        case 0x20, 0x0A, 0x0D, 0x09:
            return
        case UInt8(ascii: "{") where expect == .value:
            stack.append(.object)
            if let eventsDepth, stack.count == eventsDepth + 1 { startEvent() }
            expect = .keyOrEnd
        case UInt8(ascii: "[") where expect == .value:
            stack.append(.array)
            // The events array: the top-level array, or the value of the top-level "events" key.
            if eventsDepth == nil && (stack.count == 1 || stack.count == 2 && currentKey == Self.eventsKey) {
                eventsDepth = stack.count
            }
            expect = .value
        case UInt8(ascii: "}") where stack.last == .object && (expect == .keyOrEnd || expect == .commaOrEnd):
            try closeContainer()
        case UInt8(ascii: "]") where stack.last == .array && (expect == .value || expect == .commaOrEnd):
            try closeContainer()
        case UInt8(ascii: ",") where expect == .commaOrEnd && !stack.isEmpty:
            expect = stack.last == .object ? .key : .value
        case UInt8(ascii: ":") where expect == .colon:
            expect = .value
        case UInt8(ascii: "\"") where expect == .value || expect == .key || expect == .keyOrEnd:
            if expect == .value {
                stringRole = isEventField(Self.messageKey) ? .message : .ignored
                if stringRole == .message { startMessage() }
            } else {
                stringRole = .key
                key.removeAll(keepingCapacity: true)
                keyOverflow = false
            }
            lexeme = .string
        default:
            guard expect == .value, byte == UInt8(ascii: "-") || (byte >= 0x30 && byte <= 0x39)
                || byte == UInt8(ascii: "t") || byte == UInt8(ascii: "f") || byte == UInt8(ascii: "n")
            else { return fail("unexpected character") }
            scalar.removeAll(keepingCapacity: true)
            scalar.append(byte)
            lexeme = .scalar
        }
    }

    private func closeContainer() throws {
        if let eventsDepth, stack.count == eventsDepth + 1, stack.last == .object { try flushEvent() }
        if let eventsDepth, stack.count == eventsDepth { self.eventsDepth = nil }
        stack.removeLast()
        expect = stack.isEmpty ? .value : .commaOrEnd
    }

    private func endScalar() {
        lexeme = .idle
        if isEventField(Self.timestampKey) {
            timestamp = scalar.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } && scalar.count <= 18
                ? scalar.reduce(Int64(0)) { $0 * 10 + Int64($1 - 0x30) } : nil
        }
        expect = stack.isEmpty ? .value : .commaOrEnd
    }

    /// The value being read is `field` of an event object.
    private func isEventField(_ field: [UInt8]) -> Bool {
        guard let eventsDepth, stack.count == eventsDepth + 1, stack.last == .object else { return false }
        return currentKey == field
    }

    // MARK: strings

    private func stringByte(_ byte: UInt8) throws {
        switch byte {
        case UInt8(ascii: "\""):
            if pendingHighSurrogate != nil { try appendScalar(0xFFFD) }
            lexeme = .idle
            if stringRole == .key {
                currentKey = keyOverflow ? [] : key
                expect = .colon
            } else {
                expect = stack.isEmpty ? .value : .commaOrEnd
            }
        case UInt8(ascii: "\\"):
            lexeme = .escape
        default:
            if pendingHighSurrogate != nil { try appendScalar(0xFFFD) }
            try append(byte)
        }
    }

    private func escapeByte(_ byte: UInt8) throws {
        lexeme = .string
        let decoded: UInt8
        switch byte {
        case UInt8(ascii: "n"): decoded = 0x0A
        case UInt8(ascii: "t"): decoded = 0x09
        case UInt8(ascii: "r"): decoded = 0x0D
        case UInt8(ascii: "b"): decoded = 0x08
        case UInt8(ascii: "f"): decoded = 0x0C
        case UInt8(ascii: "u"):
            lexeme = .unicode(digits: 0, value: 0)
            return
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded = byte
        default: return fail("invalid escape in a JSON string")
        }
        if pendingHighSurrogate != nil { try appendScalar(0xFFFD) }
        try append(decoded)
    }

    private func unicodeByte(_ byte: UInt8, digits: Int, value: UInt32) throws {
        let nibble: UInt32
        switch byte {
        case 0x30...0x39: nibble = UInt32(byte - 0x30)
        case 0x41...0x46: nibble = UInt32(byte - 0x41 + 10)
        case 0x61...0x66: nibble = UInt32(byte - 0x61 + 10)
        default: return fail("invalid \\u escape in a JSON string")
        }
        let next = value << 4 | nibble
        guard digits == 3 else {
            lexeme = .unicode(digits: digits + 1, value: next)
            return
        }
        lexeme = .string
        switch next {
        case 0xD800...0xDBFF:
            if pendingHighSurrogate != nil { try appendScalar(0xFFFD) }
            pendingHighSurrogate = next
        case 0xDC00...0xDFFF:
            if let high = pendingHighSurrogate {
                pendingHighSurrogate = nil
                try appendScalar(0x10000 + ((high - 0xD800) << 10) + (next - 0xDC00))
            } else {
                try appendScalar(0xFFFD)
            }
        default:
            if pendingHighSurrogate != nil { try appendScalar(0xFFFD) }
            try appendScalar(next)
        }
    }

    /// Appends a Unicode scalar as UTF-8; clears a pending high surrogate (already accounted for).
    private func appendScalar(_ value: UInt32) throws {
        pendingHighSurrogate = nil
        let code = Unicode.Scalar(value)?.value ?? 0xFFFD
        switch code {
        case 0..<0x80:
            try append(UInt8(code))
        case 0x80..<0x800:
            try append(UInt8(0xC0 | code >> 6))
            try append(UInt8(0x80 | code & 0x3F))
        case 0x800..<0x10000:
            try append(UInt8(0xE0 | code >> 12))
            try append(UInt8(0x80 | code >> 6 & 0x3F))
            try append(UInt8(0x80 | code & 0x3F))
        default:
            try append(UInt8(0xF0 | code >> 18))
            try append(UInt8(0x80 | code >> 12 & 0x3F))
            try append(UInt8(0x80 | code >> 6 & 0x3F))
            try append(UInt8(0x80 | code & 0x3F))
        }
    }

    private func append(_ byte: UInt8) throws {
        switch stringRole {
        case .ignored: return
        case .key:
            if key.count < 32 { key.append(byte) } else { keyOverflow = true }
        case .message:
            try appendToMessage(byte)
        }
    }

    // MARK: the event's message

    private func startEvent() {
        timestamp = nil
        startMessage()
        messageSeen = false
    }

    private func startMessage() {
        message.removeAll(keepingCapacity: true)
        lineEnds.removeAll(keepingCapacity: true)
        lineLength = 0
        lineIsCut = false
        messageSeen = true
        emittedLines = false
    }

    private func appendToMessage(_ byte: UInt8) throws {
        if byte == 0x0A {
            if !lineIsCut && lineLength > 0 && message.last == 0x0D { message.removeLast() }
            lineEnds.append((message.count, lineIsCut))
            lineLength = 0
            lineIsCut = false
            if message.count >= messageLimit { try emitFinishedLines() }
            return
        }
        guard lineLength < maxLineLength else {
            lineIsCut = true
            return
        }
        message.append(byte)
        lineLength += 1
    }

    /// Hands on the finished lines of the message and keeps the unfinished one.
    private func emitFinishedLines() throws {
        guard let lastEnd = lineEnds.last?.end else { return }
        try message.withUnsafeBufferPointer { bytes in
            var start = 0
            for line in lineEnds {
                try emit(UnsafeBufferPointer(rebasing: bytes[start..<line.end]), timestamp, line.cut)
                start = line.end
            }
        }
        emittedLines = true
        message.removeFirst(lastEnd)
        lineEnds.removeAll(keepingCapacity: true)
    }

    /// Hands on the rest of the event's message once the event is read.
    private func flushEvent() throws {
        guard messageSeen else { return }
        messageSeen = false
        try emitFinishedLines()
        // The unfinished line, unless the message ended with its newline; an empty message is one
        // empty line.
        if lineLength > 0 || lineIsCut || !emittedLines {
            try message.withUnsafeBufferPointer { try emit($0, timestamp, lineIsCut) }
        }
        message.removeAll(keepingCapacity: true)
    }

    static let eventsKey = Array("events".utf8)
    static let messageKey = Array("message".utf8)
    static let timestampKey = Array("timestamp".utf8)
}
