/// Rewrites a log line's message so that two runs of the same build print the same text: what differs from run
/// to run for no reason (times, numbers, hashes, ids, the source directory, durations) becomes a placeholder.
///
/// `2024-09-10T13:20:15.252Z` and `13:20:15` → `<time>`, `8-4-4-4-12` hex → `<uuid>`, a hex word of 7 or more
/// characters holding a digit (git SHAs, layer ids, `0x…`) → `<hex>`, `350ms`, `1m30s`, `12.5 seconds` → `<dur>`,
/// a number that starts a word → `#`, `/codebuild/output/src123/…` → `/codebuild/output/<src>/…`; runs of blanks
/// become one space; `date`'s day and month names → `<date>`. Digits inside a word (`node18`, `python3`) are
/// kept: a changed version is a real change.
/// One pass over the bytes, no allocation beyond the output.
public enum LineNormalizer {
    /// The normalised text, for tests and for showing what was compared.
    public static func normalized(_ text: String) -> String {
        var output: [UInt8] = []
        var copy = Array(text.utf8)
        copy.withUnsafeMutableBufferPointer { normalize(UnsafeBufferPointer($0), into: &output) }
        return String(decoding: output, as: UTF8.self)
    }

    /// The 64-bit FNV-1a hash of the normalised bytes: stable across runs, so an index can be cached. `scratch`
    /// holds the normalised bytes; a caller hashing many lines passes the same one each time.
    public static func hash(_ bytes: UnsafeBufferPointer<UInt8>, scratch: inout [UInt8]) -> UInt64 {
        scratch.removeAll(keepingCapacity: true)
        normalize(bytes, into: &scratch)
        return FNV1a.hash(scratch)
    }

    public static func hash(_ text: String) -> UInt64 {
        var copy = Array(text.utf8)
        var scratch: [UInt8] = []
        return copy.withUnsafeMutableBufferPointer { hash(UnsafeBufferPointer($0), scratch: &scratch) }
    }

    static func normalize(_ bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        let count = bytes.count
        var index = 0
        // Leading blanks are indentation that a progress width or a wrapped column can change.
        while index < count, isBlank(bytes[index]) { index += 1 }
        while index < count {
            let byte = bytes[index]
            if isBlank(byte) {
                var end = index
                while end < count, isBlank(bytes[end]) { end += 1 }
                if end < count { output.append(0x20) }
                index = end
                continue
            }
            if byte == slash, let end = sourceDirectory(bytes, at: index) {
                output.append(contentsOf: sourcePlaceholder)
                index = end
                continue
            }
            let startsWord = index == 0 || !isWordByte(bytes[index - 1])
            guard startsWord, isAlphanumeric(byte) else {
                output.append(byte)
                index += 1
                continue
            }
            if let end = uuidEnd(bytes, at: index) {
                output.append(contentsOf: uuidPlaceholder)
                index = end
            } else if isDigit(byte), let end = timestampEnd(bytes, at: index) {
                output.append(contentsOf: timePlaceholder)
                index = end
            } else if let end = hexWordEnd(bytes, at: index) {
                output.append(contentsOf: hexPlaceholder)
                index = end
            } else if isDigit(byte) {
                let numberEnd = decimalEnd(bytes, at: index)
                if let end = durationEnd(bytes, afterNumberAt: numberEnd) {
                    output.append(contentsOf: durationPlaceholder)
                    index = end
                } else {
                    output.append(numberPlaceholder)
                    index = numberEnd
                }
            } else {
                // A word starting with a letter is kept whole, digits and all.
                var end = index
                while end < count, isWordByte(bytes[end]) { end += 1 }
                let word = UnsafeBufferPointer(rebasing: bytes[index..<end])
                if isCalendarName(word) {
                    output.append(contentsOf: calendarPlaceholder)
                } else {
                    output.append(contentsOf: word)
                }
                index = end
            }
        }
    }

    // MARK: - Recognisers (each returns the end of what it recognised at `start`, or nil)

    private static let slash = UInt8(ascii: "/")
    private static let sourceRoot = Array("/codebuild/output/".utf8)
    private static let sourcePlaceholder = Array("/codebuild/output/<src>".utf8)
    private static let uuidPlaceholder = Array("<uuid>".utf8)
    private static let timePlaceholder = Array("<time>".utf8)
    private static let hexPlaceholder = Array("<hex>".utf8)
    private static let durationPlaceholder = Array("<dur>".utf8)
    private static let numberPlaceholder = UInt8(ascii: "#")
    private static let calendarPlaceholder = Array("<date>".utf8)
    /// `date`'s day and month names (`Mon Mar 11 12:01:19 UTC 2024`), capitalised as it prints them.
    private static let calendarNames: Set<[UInt8]> = Set(
        ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug",
         "Sep", "Oct", "Nov", "Dec"].map { Array($0.utf8) })

    private static func isCalendarName(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        word.count == 3 && calendarNames.contains(Array(word))
    }

    /// `/codebuild/output/src123456789` (the per-build source directory): the end of its first component.
    private static func sourceDirectory(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        guard hasPrefix(bytes, at: start, sourceRoot) else { return nil }
        var end = start + sourceRoot.count
        while end < bytes.count, bytes[end] != slash, !isBlank(bytes[end]) { end += 1 }
        return end
    }

    private static let uuidGroups = [8, 4, 4, 4, 12]

    private static func uuidEnd(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        // Cheap first test: the first dash of a UUID is 8 bytes in.
        guard bytes.count - start >= 36, bytes[start + 8] == UInt8(ascii: "-") else { return nil }
        var index = start
        for position in uuidGroups.indices {
            let length = uuidGroups[position]
            if position > 0 {
                guard index < bytes.count, bytes[index] == UInt8(ascii: "-") else { return nil }
                index += 1
            }
            for _ in 0..<length {
                guard index < bytes.count, isHex(bytes[index]) else { return nil }
                index += 1
            }
        }
        return endsWord(bytes, at: index) ? index : nil
    }

    /// `YYYY-MM-DD` or `YYYY/MM/DD`, optionally with a time; or a time alone (`H:MM`, `HH:MM:SS.fff`), with an
    /// optional zone (`Z`, `+02:00`).
    private static func timestampEnd(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        var index = start
        if let dateEnd = dateEnd(bytes, at: start) {
            index = dateEnd
            if index + 1 < bytes.count, bytes[index] == UInt8(ascii: "T") || bytes[index] == 0x20,
               let timeEnd = timeEnd(bytes, at: index + 1) {
                index = zoneEnd(bytes, at: timeEnd)
            }
        } else if let timeEnd = timeEnd(bytes, at: start) {
            index = zoneEnd(bytes, at: timeEnd)
        } else {
            return nil
        }
        return endsWord(bytes, at: index) ? index : nil
    }

    private static func dateEnd(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        guard digitRun(bytes, at: start) == 4, start + 10 <= bytes.count else { return nil }
        let separator = bytes[start + 4]
        guard separator == UInt8(ascii: "-") || separator == slash, bytes[start + 7] == separator,
              digitRun(bytes, at: start + 5) == 2, digitRun(bytes, at: start + 8) == 2 else { return nil }
        return start + 10
    }

    private static func timeEnd(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        let hours = digitRun(bytes, at: start)
        guard hours == 1 || hours == 2 else { return nil }
        var index = start + hours
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":"), digitRun(bytes, at: index + 1) == 2 else { return nil }
        index += 3
        if index < bytes.count, bytes[index] == UInt8(ascii: ":"), digitRun(bytes, at: index + 1) == 2 { index += 3 }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ","),
           digitRun(bytes, at: index + 1) > 0 {
            index += 1 + digitRun(bytes, at: index + 1)
        }
        return index
    }

    private static func zoneEnd(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Int {
        guard start < bytes.count else { return start }
        if bytes[start] == UInt8(ascii: "Z") { return start + 1 }
        if bytes[start] == UInt8(ascii: "+") || bytes[start] == UInt8(ascii: "-"), digitRun(bytes, at: start + 1) == 2 {
            var index = start + 3
            if index < bytes.count, bytes[index] == UInt8(ascii: ":") { index += 1 }
            if digitRun(bytes, at: index) == 2 { return index + 2 }
        }
        return start
    }

    /// A word of 7 or more hex digits holding at least one digit (a SHA, a layer or request id), or `0x` and hex.
    private static func hexWordEnd(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        if bytes[start] == UInt8(ascii: "0"), start + 2 < bytes.count,
           bytes[start + 1] == UInt8(ascii: "x") || bytes[start + 1] == UInt8(ascii: "X"), isHex(bytes[start + 2]) {
            var end = start + 2
            while end < bytes.count, isHex(bytes[end]) { end += 1 }
            return endsWord(bytes, at: end) ? end : nil
        }
        var end = start
        var digits = 0
        var letters = 0
        while end < bytes.count, isHex(bytes[end]) {
            if isDigit(bytes[end]) { digits += 1 } else { letters += 1 }
            end += 1
        }
        guard end - start >= 7, digits > 0, letters > 0, endsWord(bytes, at: end) else { return nil }
        return end
    }

    /// Digits, with `.` or `,` groups (`12.5`, `1,024`).
    private static func decimalEnd(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Int {
        var index = start + digitRun(bytes, at: start)
        while index + 1 < bytes.count, bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ","),
              isDigit(bytes[index + 1]) {
            index += 1 + digitRun(bytes, at: index + 1)
        }
        return index
    }

    private static let unitsAttached: [[UInt8]] = ["ms", "us", "ns", "s", "m", "h", "sec", "secs", "min", "mins"]
        .map { Array($0.utf8) }
    private static let unitsSpaced: [[UInt8]] = ["ms", "sec", "secs", "second", "seconds", "min", "mins", "minute",
                                                 "minutes", "hour", "hours", "milliseconds"].map { Array($0.utf8) }

    /// A unit right after a number (`350ms`, `2m30s`) or after one space (`12.5 seconds`): the end of the duration.
    private static func durationEnd(_ bytes: UnsafeBufferPointer<UInt8>, afterNumberAt numberEnd: Int) -> Int? {
        if let end = unitEnd(bytes, at: numberEnd, units: unitsAttached) {
            // Compound durations: `1h2m3.5s`.
            var index = end
            while index < bytes.count, isDigit(bytes[index]) {
                let next = decimalEnd(bytes, at: index)
                guard let unit = unitEnd(bytes, at: next, units: unitsAttached) else { break }
                index = unit
            }
            return index
        }
        if numberEnd < bytes.count, bytes[numberEnd] == 0x20 {
            return unitEnd(bytes, at: numberEnd + 1, units: unitsSpaced)
        }
        return nil
    }

    private static func unitEnd(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, units: [[UInt8]]) -> Int? {
        // Cheap first test: every unit starts with one of these letters.
        guard start < bytes.count else { return nil }
        switch bytes[start] {
        case UInt8(ascii: "m"), UInt8(ascii: "s"), UInt8(ascii: "h"), UInt8(ascii: "u"), UInt8(ascii: "n"): break
        default: return nil
        }
        var best: Int?
        for unitIndex in units.indices where hasPrefix(bytes, at: start, units[unitIndex]) {
            let unit = units[unitIndex]
            let end = start + unit.count
            // The unit must end the word, or be followed by the next part of a compound duration.
            guard end == bytes.count || !isLetter(bytes[end]) else { continue }
            if best.map({ end > $0 }) ?? true { best = end }
        }
        return best
    }

    // MARK: - Bytes

    private static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, _ prefix: [UInt8]) -> Bool {
        guard start >= 0, bytes.count - start >= prefix.count else { return false }
        var offset = 0
        while offset < prefix.count {
            if bytes[start + offset] != prefix[offset] { return false }
            offset += 1
        }
        return true
    }

    private static func digitRun(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Int {
        var end = start
        while end < bytes.count, isDigit(bytes[end]) { end += 1 }
        return end - start
    }

    private static func endsWord(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        index >= bytes.count || !isWordByte(bytes[index])
    }

    @inline(__always) static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    @inline(__always) static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    @inline(__always) static func isAlphanumeric(_ byte: UInt8) -> Bool { isDigit(byte) || isLetter(byte) }
    @inline(__always) static func isWordByte(_ byte: UInt8) -> Bool { isAlphanumeric(byte) || byte == UInt8(ascii: "_") }
    @inline(__always) static func isHex(_ byte: UInt8) -> Bool {
        isDigit(byte) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x66)
    }
}

/// 64-bit FNV-1a: fixed constants, so the same line hashes the same in every process (Swift's `Hasher` does not).
enum FNV1a {
    static func hash(_ bytes: [UInt8]) -> UInt64 {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return value
    }
}
