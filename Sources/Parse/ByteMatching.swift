#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte comparisons for recognising agent lines without making a `String` per line.
enum ByteMatching {
    /// `bytes[offset...]` starts with `literal`.
    @inline(__always)
    static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, _ literal: [UInt8]) -> Bool {
        guard offset >= 0, bytes.count - offset >= literal.count, let base = bytes.baseAddress else { return false }
        return literal.withUnsafeBufferPointer { literalBytes in
            guard let literalBase = literalBytes.baseAddress else { return true }
            return memcmp(base + offset, literalBase, literal.count) == 0
        }
    }

    /// Parses `count` ASCII digits at `offset`.
    @inline(__always)
    static func digits(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, count: Int) -> Int? {
        guard offset >= 0, offset + count <= bytes.count else { return nil }
        var value = 0
        for index in offset..<offset + count {
            let byte = bytes[index]
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    /// The bytes from `offset` to the end as text (invalid UTF-8 replaced).
    static func text(_ bytes: UnsafeBufferPointer<UInt8>, from offset: Int) -> String {
        guard offset < bytes.count else { return "" }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[offset...]), as: UTF8.self)
    }
}
