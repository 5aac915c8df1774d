import CVectorscan
import Foundation

/// Every literal of a catalog (rules', checks', the error words) in one Vectorscan literal database, so the
/// reader's blocks are scanned whole, once, at Vectorscan's speed: the per-line literal matcher then runs only
/// on the lines where one of them ends (`BlockLiteralHits`). Built on first use (a run that reads no block
/// never pays for it) and shared by every analyzer of the catalog; only scratch space is per analyzer.
final class BlockLiteralDatabase: @unchecked Sendable {
    private let literals: [[UInt8]]
    private let caseless: [Bool]
    private var database: OpaquePointer?
    private var failed = false
    private let lock = NSLock()

    init(patterns: [LiteralMatcher.Pattern]) {
        var seen = Set<[UInt8]>()
        var literals: [[UInt8]] = []
        var caseless: [Bool] = []
        // A caseless literal covers its case-sensitive twin; keep one entry per folded form and case mode.
        for pattern in patterns where !pattern.bytes.isEmpty {
            let key = pattern.caseInsensitive ? [0] + pattern.bytes.map(asciiLower) : [1] + pattern.bytes
            guard seen.insert(key).inserted else { continue }
            literals.append(pattern.bytes)
            caseless.append(pattern.caseInsensitive)
        }
        self.literals = literals
        self.caseless = caseless
    }

    deinit {
        if let database { hs_free_database(database) }
    }

    var isEmpty: Bool { literals.isEmpty }

    /// The database, built the first time it is asked for; nil when there is nothing to find or Vectorscan
    /// refused it (then every line goes through the per-line matcher, as without this database).
    func built() -> OpaquePointer? {
        lock.lock()
        defer { lock.unlock() }
        if let database { return database }
        if failed || literals.isEmpty { return nil }
        let count = literals.count
        var pointers = [UnsafeMutablePointer<CChar>]()
        pointers.reserveCapacity(count)
        for literal in literals {
            let copy = UnsafeMutablePointer<CChar>.allocate(capacity: max(literal.count, 1))
            literal.withUnsafeBufferPointer { bytes in
                UnsafeMutableRawPointer(copy).copyMemory(from: bytes.baseAddress!, byteCount: literal.count)
            }
            pointers.append(copy)
        }
        defer { for pointer in pointers { pointer.deallocate() } }
        let flags = caseless.map { UInt32($0 ? HS_FLAG_CASELESS : 0) }
        // One id per literal although no one asks which matched: with a shared id Vectorscan 5.4's compiler takes
        // 25 times as long (0.69 s instead of 0.027 s for 1,479 literals).
        let ids = (0..<count).map(UInt32.init)
        let lengths = literals.map(\.count)
        var db: OpaquePointer?
        var compileError: UnsafeMutablePointer<hs_compile_error_t>?
        let expressions = pointers.map { UnsafePointer<CChar>?($0) }
        let status = expressions.withUnsafeBufferPointer { expressions -> hs_error_t in
            if let platform = VectorscanRuntime.platform {
                return withUnsafePointer(to: platform) {
                    hs_compile_lit_multi(expressions.baseAddress, flags, ids, lengths, UInt32(count),
                                         UInt32(HS_MODE_BLOCK), $0, &db, &compileError)
                }
            }
            return hs_compile_lit_multi(expressions.baseAddress, flags, ids, lengths, UInt32(count),
                                        UInt32(HS_MODE_BLOCK), nil, &db, &compileError)
        }
        if let compileError { hs_free_compile_error(compileError) }
        guard status == HS_SUCCESS, let db else {
            failed = true
            return nil
        }
        database = db
        return db
    }
}

/// Where the catalog's literals end in the block the reader is handing out, for one analyzer: answers "may this
/// line hold a literal" for a line that is a slice of the block, and "don't know" for any other line.
final class BlockLiteralHits {
    private let database: BlockLiteralDatabase
    private var scratch: OpaquePointer?
    private var base: UnsafePointer<UInt8>?
    private var count = 0
    /// Offsets (in the block) of the last byte of every literal occurrence, ascending.
    private var ends = HitOffsets()
    /// The first entry of `ends` not before the last line asked about (lines arrive in order).
    private var cursor = 0
    private var lastStart = 0

    init(database: BlockLiteralDatabase) {
        self.database = database
    }

    deinit {
        if let scratch { hs_free_scratch(scratch) }
        ends.storage.deallocate()
    }

    /// A new block (or, empty, the end of the last one): scans it whole.
    func observe(_ block: UnsafeBufferPointer<UInt8>) {
        base = nil
        count = 0
        cursor = 0
        lastStart = 0
        ends.count = 0
        guard let start = block.baseAddress, block.count > 0, block.count <= Int(UInt32.max),
              let db = database.built(), hs_alloc_scratch(db, &scratch) == HS_SUCCESS, let scratch else { return }
        let status = withUnsafeMutablePointer(to: &ends) { sink in
            VectorscanRuntime.scan(db, UnsafeRawPointer(start).assumingMemoryBound(to: CChar.self), UInt32(block.count),
                                   0, scratch, { _, _, to, _, context in
                                       context!.assumingMemoryBound(to: HitOffsets.self).pointee.append(Int(to) - 1)
                                       return 0
                                   }, sink)
        }
        guard status == HS_SUCCESS else { return }
        ends.sortIfNeeded()
        base = start
        count = block.count
    }

    /// nil when `line` is not a slice of the current block; else whether a literal occurrence ends inside it.
    func mayHoldLiteral(_ line: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard let base, let address = line.baseAddress else { return nil }
        let start = address - base
        guard start >= 0, start + line.count <= count else { return nil }
        if start < lastStart { cursor = 0 }
        lastStart = start
        let end = start + line.count
        while cursor < ends.count, ends.storage[cursor] < start { cursor += 1 }
        return cursor < ends.count && ends.storage[cursor] < end
    }
}

/// A growable array of offsets the C match callback appends to without Swift runtime calls.
struct HitOffsets {
    var storage = UnsafeMutablePointer<Int>.allocate(capacity: 4096)
    var capacity = 4096
    var count = 0

    mutating func append(_ offset: Int) {
        if count == capacity {
            let grown = UnsafeMutablePointer<Int>.allocate(capacity: capacity * 2)
            grown.moveInitialize(from: storage, count: count)
            storage.deallocate()
            storage = grown
            capacity *= 2
        }
        storage[count] = offset
        count += 1
    }

    /// Vectorscan reports matches by end offset, but sorting makes the order a fact here rather than a hope.
    mutating func sortIfNeeded() {
        var index = 1
        while index < count, storage[index - 1] <= storage[index] { index += 1 }
        if index < count {
            var all = UnsafeMutableBufferPointer(start: storage, count: count)
            all.sort()
        }
    }
}
