/// The redactions that judge a whole run of base64 characters, as one left-to-right pass over the bytes.
///
/// As regexes these needed lookaheads over the run (`(?=[A-Za-z0-9+/]*[0-9])…`), which NSRegularExpression
/// retried from many positions: a 70,000-character token took over a minute. Here every byte is looked at
/// a constant number of times.
enum SecretRunScanner {
    /// A run of 60 or more base64 characters mixing upper case, lower case and digits (secret keys,
    /// session tokens), with up to two `=` of padding. The run must not follow a base64 character or `=`.
    static let longRunLength = 60
    /// The length of an AWS secret access key.
    static let secretKeyLength = 40

    /// Long base64 runs, and bare 40-character secret keys holding a `/` or `+` (CLI and CSV output).
    static func maskBase64Runs(_ text: String, mask: String) -> String {
        let bytes = Array(text.utf8)
        var spans: [Range<Int>] = []
        var index = 0
        while index < bytes.count {
            guard isBase64(bytes[index]) else { index += 1; continue }
            // A run over [A-Za-z0-9+/], and what the run is made of.
            let start = index
            var kinds = CharacterKinds()
            while index < bytes.count, isBase64(bytes[index]) {
                kinds.add(bytes[index])
                index += 1
            }
            let length = index - start
            let followedByPadding = index < bytes.count && bytes[index] == UInt8(ascii: "=")
            let precededByPadding = start > 0 && bytes[start - 1] == UInt8(ascii: "=")
            if kinds.isMixed && !precededByPadding && length >= longRunLength {
                var end = index
                while end < bytes.count, end - index < 2, bytes[end] == UInt8(ascii: "=") { end += 1 }
                spans.append(start..<end)
            } else if kinds.isMixed && kinds.hasSlashOrPlus && length == secretKeyLength && !followedByPadding {
                spans.append(start..<index)
            }
        }
        return replacing(spans, in: bytes, with: mask, original: text)
    }

    /// An AWS secret access key without `/` or `+` can only be told from other 40-character words by what
    /// comes before it: an access key id earlier on the same line (`aws configure list`, CSV exports).
    static func maskSecretKeysAfterKeyIds(_ text: String, mask: String) -> String {
        let bytes = Array(text.utf8)
        var spans: [Range<Int>] = []
        var keyIdSeen = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A { keyIdSeen = false; index += 1; continue }
            guard isBase64(byte) else { index += 1; continue }
            let start = index
            var kinds = CharacterKinds()
            while index < bytes.count, isBase64(bytes[index]) {
                kinds.add(bytes[index])
                index += 1
            }
            let length = index - start
            if !keyIdSeen {
                keyIdSeen = length == 20 && isAccessKeyId(bytes[start..<index])
            } else if length == secretKeyLength && kinds.isMixed
                        && !(index < bytes.count && bytes[index] == UInt8(ascii: "=")) {
                spans.append(start..<index)
            }
        }
        return replacing(spans, in: bytes, with: mask, original: text)
    }

    /// `AKIA` / `ASIA` / … and 16 upper-case letters or digits.
    private static func isAccessKeyId(_ run: ArraySlice<UInt8>) -> Bool {
        let prefix = String(decoding: run.prefix(4), as: UTF8.self)
        guard accessKeyIdPrefixes.contains(prefix) else { return false }
        return run.allSatisfy { (0x41...0x5A).contains($0) || (0x30...0x39).contains($0) }
    }

    private static let accessKeyIdPrefixes: Set<String> = [
        "AKIA", "ASIA", "ABIA", "ACCA", "AGPA", "AIDA", "AIPA", "ANPA", "ANVA", "APKA", "AROA", "ASCA",
    ]

    private struct CharacterKinds {
        var upper = false, lower = false, digit = false, slashOrPlus = false

        mutating func add(_ byte: UInt8) {
            switch byte {
            case 0x41...0x5A: upper = true
            case 0x61...0x7A: lower = true
            case 0x30...0x39: digit = true
            default: slashOrPlus = true
            }
        }

        var isMixed: Bool { upper && lower && digit }
        var hasSlashOrPlus: Bool { slashOrPlus }
    }

    @inline(__always)
    private static func isBase64(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x41...0x5A, 0x61...0x7A, 0x30...0x39, UInt8(ascii: "+"), UInt8(ascii: "/"): return true
        default: return false
        }
    }

    private static func replacing(_ spans: [Range<Int>], in bytes: [UInt8], with mask: String, original: String) -> String {
        guard !spans.isEmpty else { return original }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var position = 0
        for span in spans {
            out.append(contentsOf: bytes[position..<span.lowerBound])
            out.append(contentsOf: mask.utf8)
            position = span.upperBound
        }
        out.append(contentsOf: bytes[position...])
        return String(decoding: out, as: UTF8.self)
    }
}
