import Foundation

/// Cleans one line for matching without allocating: removes ANSI escape sequences (colour from
/// npm, docker buildx, test runners), a stray trailing carriage return and trailing blanks (posted
/// copies keep them; a rule's `$` must not depend on them), and says where the message starts.
///
/// Lines without ESC or CR are passed through as the reader's own buffer; others are copied once
/// into storage that is reused for every line.
struct LineCleaner {
    private let storage = ByteStorage()

    /// The whole cleaned line and the offset of its message within it: a slice of `bytes`, or of storage that
    /// stays valid until the next call.
    @inline(__always)
    mutating func clean(_ bytes: UnsafeBufferPointer<UInt8>, messageOffset: Int)
        -> (display: UnsafeBufferPointer<UInt8>, messageStart: Int) {
        let offset = min(max(messageOffset, 0), bytes.count)
        var end = bytes.count
        while end > 0, bytes[end - 1] == 0x0D || bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        // memchr (vectorised) rather than a byte loop: nearly every line has no ESC at all.
        let hasEscape = end > 0 && memchr(bytes.baseAddress!, 0x1B, end) != nil
        if !hasEscape {
            return (UnsafeBufferPointer(rebasing: bytes[0..<end]), min(offset, end))
        }
        let output = storage.reserve(end)
        var count = 0
        var cleanedOffset = 0
        var index = 0
        while index < end {
            if index == offset { cleanedOffset = count }
            let byte = bytes[index]
            if byte == 0x1B {
                index = Self.skipEscape(bytes, from: index, end: end)
                continue
            }
            output[count] = byte
            count += 1
            index += 1
        }
        if offset >= end { cleanedOffset = count }
        return (UnsafeBufferPointer(start: output, count: count), cleanedOffset)
    }

    /// Calls `body` with the whole cleaned line and the offset of its message within it.
    mutating func withCleaned<R>(_ bytes: UnsafeBufferPointer<UInt8>, messageOffset: Int,
                                 _ body: (UnsafeBufferPointer<UInt8>, Int) -> R) -> R {
        let (display, messageStart) = clean(bytes, messageOffset: messageOffset)
        return body(display, messageStart)
    }

    /// Index after an escape sequence starting at `start` (CSI `ESC [ … final`, OSC `ESC ] … BEL/ST`,
    /// or a two-byte `ESC x`).
    private static func skipEscape(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, end: Int) -> Int {
        var index = start + 1
        guard index < end else { return end }
        switch bytes[index] {
        case UInt8(ascii: "["):
            index += 1
            // Parameter and intermediate bytes, then one final byte in 0x40...0x7E.
            while index < end, !(0x40...0x7E).contains(bytes[index]) { index += 1 }
            return min(index + 1, end)
        case UInt8(ascii: "]"):
            index += 1
            while index < end {
                if bytes[index] == 0x07 { return index + 1 }
                if bytes[index] == 0x1B, index + 1 < end, bytes[index + 1] == UInt8(ascii: "\\") { return index + 2 }
                index += 1
            }
            return end
        default:
            return index + 1
        }
    }
}

/// Reused bytes for `LineCleaner`'s copies, grown as needed and freed with the cleaner.
final class ByteStorage {
    private var base = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
    private var capacity = 256

    deinit { base.deallocate() }

    /// Room for at least `count` bytes (the previous contents are not kept).
    func reserve(_ count: Int) -> UnsafeMutablePointer<UInt8> {
        if count > capacity {
            base.deallocate()
            capacity = max(count, 2 * capacity)
            base = .allocate(capacity: capacity)
        }
        return base
    }
}

/// The last few lines seen, for evidence context before a hit: copied bytes in reused storage, or, for a line
/// that is a slice of the reader's current block, the slice itself until the block goes (`keepBorrowedLines`),
/// so the common line costs no copy.
struct RecentLines {
    struct Entry {
        var number = 0
        fileprivate var owned: [UInt8] = []
        fileprivate var borrowed: UnsafeBufferPointer<UInt8>?
        var insidePrivateKey = false

        /// The line's bytes, valid while the entry is.
        func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
            if let borrowed { return body(borrowed) }
            return owned.withUnsafeBufferPointer(body)
        }

        var text: String { withBytes { String(decoding: $0, as: UTF8.self) } }
    }

    private var entries: [Entry]
    private var next = 0
    private var filled = 0
    private var holdsBorrowed = false

    init(capacity: Int) {
        entries = Array(repeating: Entry(), count: max(capacity, 0))
    }

    /// `borrowing`: `bytes` stays valid until `keepBorrowedLines()` is called (a slice of the current block).
    mutating func push(number: Int, bytes: UnsafeBufferPointer<UInt8>, insidePrivateKey: Bool, borrowing: Bool = false) {
        guard !entries.isEmpty else { return }
        entries[next].number = number
        if borrowing {
            entries[next].borrowed = bytes
            holdsBorrowed = true
        } else {
            entries[next].borrowed = nil
            entries[next].owned.removeAll(keepingCapacity: true)
            entries[next].owned.append(contentsOf: bytes)
        }
        entries[next].insidePrivateKey = insidePrivateKey
        next = (next + 1) % entries.count
        filled = min(filled + 1, entries.count)
    }

    /// The block the borrowed lines lie in is going: copy them.
    mutating func keepBorrowedLines() {
        guard holdsBorrowed else { return }
        holdsBorrowed = false
        for index in entries.indices {
            guard let borrowed = entries[index].borrowed else { continue }
            entries[index].owned.removeAll(keepingCapacity: true)
            entries[index].owned.append(contentsOf: borrowed)
            entries[index].borrowed = nil
        }
    }

    /// Oldest first.
    var ordered: [Entry] {
        (0..<filled).map { entries[(next - filled + $0 + entries.count) % entries.count] }
    }
}
