import Foundation

/// Substring tests on a line's bytes for the per-line loop: `memchr` (vectorised in libc) finds the
/// candidates for a needle's last byte, a comparison confirms them. No allocation, no `String`.
enum ByteSearch {
    /// Whether `haystack` contains `needle` (byte for byte).
    @inline(__always)
    static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = haystack.baseAddress, let needleBase = needle.baseAddress, let last = needle.last,
              haystack.count >= needle.count else { return false }
        let length = needle.count
        var from = length - 1
        while from < haystack.count, let hit = memchr(base + from, Int32(last), haystack.count - from) {
            let end = UnsafeRawPointer(hit).assumingMemoryBound(to: UInt8.self) - base
            if memcmp(base + end - (length - 1), needleBase, length) == 0 { return true }
            from = end + 1
        }
        return false
    }

    /// Whether every byte is ASCII (then the bytes are valid UTF-8 and equal to their decoded `String`'s).
    @inline(__always)
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var index = 0
        // Eight bytes at a time: any high bit set means a non-ASCII byte.
        let raw = UnsafeRawPointer(base)
        while index + 8 <= bytes.count {
            if raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            index += 8
        }
        while index < bytes.count {
            if base[index] >= 0x80 { return false }
            index += 1
        }
        return true
    }

    /// `PRIVATE KEY`, the marker of a key block's BEGIN and END lines.
    static let privateKey: UnsafeBufferPointer<UInt8> = {
        let bytes = Array("PRIVATE KEY".utf8)
        let storage = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
        _ = storage.initialize(from: bytes)
        return UnsafeBufferPointer(storage)
    }()
}
