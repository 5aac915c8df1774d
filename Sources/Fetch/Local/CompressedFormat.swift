/// Compressed and archive formats cbtriage recognises by their first bytes but does not read.
///
/// Read as text they gave "no failure found" and exit 0: a wrong answer. Named, they are an
/// unreadable input (66) with the way out (decompress first).
enum UnsupportedFormat: String, Equatable, Sendable {
    case zstd = "zstd-compressed"
    case bzip2 = "bzip2-compressed"
    case xz = "xz-compressed"
    case zip = "a zip archive"
    case zlib = "a raw zlib stream"
    case nestedGzip = "a gzip file inside gzip"
    case tar = "a tar archive"

    /// How many leading bytes `detect` needs at most (tar's magic sits at offset 257).
    static let sniffLength = 262

    /// Checked on the input's first bytes, before any decompression.
    static func detect(raw prefix: [UInt8]) -> UnsupportedFormat? {
        if prefix.starts(with: [0x28, 0xB5, 0x2F, 0xFD]) { return .zstd }
        if prefix.starts(with: [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]) { return .xz }
        if prefix.starts(with: [0x50, 0x4B, 0x03, 0x04]) || prefix.starts(with: [0x50, 0x4B, 0x05, 0x06]) { return .zip }
        // "BZh", a block size digit, then the block magic (pi) or the end-of-stream magic (sqrt pi).
        if prefix.count >= 10, prefix.starts(with: [0x42, 0x5A, 0x68]), (0x31...0x39).contains(prefix[3]),
           prefix[4...9].elementsEqual([0x31, 0x41, 0x59, 0x26, 0x53, 0x59])
            || prefix[4...9].elementsEqual([0x17, 0x72, 0x45, 0x38, 0x50, 0x90]) {
            return .bzip2
        }
        if isZlibHeader(prefix) { return .zlib }
        return detectArchive(prefix)
    }

    /// Checked on the bytes a gzip file decompresses to.
    static func detect(insideGzip prefix: [UInt8]) -> UnsupportedFormat? {
        if prefix.starts(with: [0x1F, 0x8B]) { return .nestedGzip }
        return detectArchive(prefix) ?? detect(raw: prefix)
    }

    private static func detectArchive(_ prefix: [UInt8]) -> UnsupportedFormat? {
        if prefix.count >= 262, prefix[257..<262].elementsEqual(Array("ustar".utf8)) { return .tar }
        return nil
    }

    /// `78 01/5E/9C/DA` (deflate, 32 KiB window, a valid check value), then binary data: a text line
    /// starting `x^` stays text.
    private static func isZlibHeader(_ prefix: [UInt8]) -> Bool {
        guard prefix.count >= 8, prefix[0] == 0x78, [0x01, 0x5E, 0x9C, 0xDA].contains(prefix[1]),
              (UInt16(prefix[0]) << 8 | UInt16(prefix[1])) % 31 == 0 else { return false }
        return prefix[2..<min(prefix.count, 32)].contains { $0 < 0x09 || $0 >= 0x80 || (0x0E...0x1F).contains($0) }
    }

    var hint: String {
        switch self {
        case .zstd: return "zstd -d"
        case .bzip2: return "bunzip2"
        case .xz: return "xz -d"
        case .zip: return "unzip"
        case .zlib: return "e.g. pigz -dz or openssl zlib -d"
        case .nestedGzip: return "gunzip the outer layer"
        case .tar: return "tar -x"
        }
    }
}
