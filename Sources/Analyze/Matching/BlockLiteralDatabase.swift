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

    /// For literal id i: the matcher values it stands for.
    let values: ValueLists
    /// For literal id i: the deferred values it stands for: rules that need another literal on the line too
    /// before they are worth evaluating (a required run).
    let deferredValues: ValueLists
    /// For each deferred value: the ids of the literals that stand for it.
    let idsOfDeferredValue: [Int32: [Int32]]
    /// For literal id i: its length in bytes (where in the line it starts); lives as long as the database.
    let lengths: UnsafeBufferPointer<Int>

    /// `deferred`: pattern values listed apart (`deferredValues`), for the caller to add only when something
    /// else on the line says so.
    init(patterns: [LiteralMatcher.Pattern], deferred: Set<Int> = []) {
        var idOfKey: [[UInt8]: Int] = [:]
        var literals: [[UInt8]] = []
        var caseless: [Bool] = []
        var valuesOfId: [[Int32]] = []
        var deferredOfId: [[Int32]] = []
        // A caseless literal covers its case-sensitive twin; keep one entry per folded form and case mode,
        // standing for every pattern value with that form.
        for pattern in patterns where !pattern.bytes.isEmpty {
            let key = pattern.caseInsensitive ? [0] + pattern.bytes.map(asciiLower) : [1] + pattern.bytes
            let id: Int
            if let known = idOfKey[key] {
                id = known
            } else {
                id = literals.count
                idOfKey[key] = id
                literals.append(pattern.bytes)
                caseless.append(pattern.caseInsensitive)
                valuesOfId.append([])
                deferredOfId.append([])
            }
            let value = Int32(pattern.value)
            if deferred.contains(pattern.value) {
                if !deferredOfId[id].contains(value) { deferredOfId[id].append(value) }
            } else if !valuesOfId[id].contains(value) {
                valuesOfId[id].append(value)
            }
        }
        self.literals = literals
        self.caseless = caseless
        let lengthStorage = UnsafeMutableBufferPointer<Int>.allocate(capacity: literals.count)
        _ = lengthStorage.initialize(from: literals.map(\.count))
        lengths = UnsafeBufferPointer(lengthStorage)
        values = ValueLists(valuesOfId)
        deferredValues = ValueLists(deferredOfId)
        var ids: [Int32: [Int32]] = [:]
        for (id, list) in deferredOfId.enumerated() { for value in list { ids[value, default: []].append(Int32(id)) } }
        idsOfDeferredValue = ids
    }

    deinit {
        if let database { hs_free_database(database) }
        lengths.deallocate()
        values.deallocate()
        deferredValues.deallocate()
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
        // One id per literal (also what a hit says): with a shared id Vectorscan 5.4's compiler takes 25 times as
        // long (0.69 s instead of 0.027 s for 1,479 literals).
        let ids = (0..<count).map(UInt32.init)
        let lengths = literals.map(\.count)
        var db: OpaquePointer?
        var compileError: UnsafeMutablePointer<hs_compile_error_t>?
        let expressions = pointers.map { UnsafePointer<CChar>?($0) }
        let status = expressions.withUnsafeBufferPointer { expressions in
            VectorscanRuntime.withPlatform {
                hs_compile_lit_multi(expressions.baseAddress, flags, ids, lengths, UInt32(count), UInt32(HS_MODE_BLOCK),
                                     $0, &db, &compileError)
            }
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

/// Which of the catalog's literals occur where in the block the reader is handing out, for one analyzer:
/// for a line that is a slice of the block, the literal occurrences that end inside it; "don't know" for any
/// other line.
final class BlockLiteralHits {
    let database: BlockLiteralDatabase
    private var scratch: OpaquePointer?
    private var base: UnsafePointer<UInt8>?
    private var count = 0
    /// Every literal occurrence in the block as `end << idBits | id` (end: offset of its last byte), ascending.
    private var hits = HitOffsets()
    /// The first entry of `hits` not before the last line asked about (lines arrive in order).
    private var cursor = 0
    private var lastStart = 0
    static let idBits = 24

    init(database: BlockLiteralDatabase) {
        self.database = database
    }

    deinit {
        if let scratch { hs_free_scratch(scratch) }
        hits.storage.deallocate()
    }

    /// A new block (or, empty, the end of the last one): scans it whole.
    func observe(_ block: UnsafeBufferPointer<UInt8>) {
        base = nil
        count = 0
        cursor = 0
        lastStart = 0
        hits.count = 0
        guard let start = block.baseAddress, block.count > 0, block.count <= Int(UInt32.max),
              database.lengths.count < 1 << Self.idBits,
              let db = database.built(), hs_alloc_scratch(db, &scratch) == HS_SUCCESS, let scratch else { return }
        let status = withUnsafeMutablePointer(to: &hits) { sink in
            VectorscanRuntime.scan(db, UnsafeRawPointer(start).assumingMemoryBound(to: CChar.self), UInt32(block.count),
                                   0, scratch, { id, _, to, _, context in
                                       context!.assumingMemoryBound(to: HitOffsets.self).pointee
                                           .append((Int(to) - 1) << BlockLiteralHits.idBits | Int(id))
                                       return 0
                                   }, sink)
        }
        guard status == HS_SUCCESS else { return }
        hits.sortIfNeeded()
        base = start
        count = block.count
    }

    /// The literal occurrences ending inside `line`: nil when `line` is not a slice of the current block.
    func occurrences(in line: UnsafeBufferPointer<UInt8>) -> LineHits? {
        guard let base, let address = line.baseAddress else { return nil }
        let start = address - base
        guard start >= 0, start + line.count <= count else { return nil }
        if start < lastStart { cursor = 0 }
        lastStart = start
        let end = start + line.count
        while cursor < hits.count, hits.storage[cursor] >> Self.idBits < start { cursor += 1 }
        var last = cursor
        while last < hits.count, hits.storage[last] >> Self.idBits < end { last += 1 }
        return LineHits(lineStart: start, from: cursor, to: last)
    }

    /// nil when `line` is not a slice of the current block; else whether a literal occurrence ends inside it.
    func mayHoldLiteral(_ line: UnsafeBufferPointer<UInt8>) -> Bool? {
        occurrences(in: line).map { !$0.isEmpty }
    }

    /// Calls `found` with the literal id of every literal occurrence of `hits` that lies wholly inside
    /// `[lineStart + from, lineStart + to)` (an id may repeat).
    @inline(__always)
    func forEachLiteral(_ lineHits: LineHits, within range: Range<Int>, _ found: (Int) -> Void) {
        let mask = (1 << Self.idBits) - 1
        let lengths = database.lengths
        for index in lineHits.from..<lineHits.to {
            let entry = hits.storage[index]
            let id = entry & mask
            let last = (entry >> Self.idBits) - lineHits.lineStart
            guard last < range.upperBound, last + 1 - lengths[id] >= range.lowerBound else { continue }
            found(id)
        }
    }
}

/// One list of matcher values per literal id, flattened into storage that lives as long as its database (read on
/// every line with a hit: no array bounds or uniqueness checks, no nesting of `withUnsafeBufferPointer`).
struct ValueLists {
    private let starts: UnsafeBufferPointer<Int32>
    private let flat: UnsafeBufferPointer<Int32>

    init(_ lists: [[Int32]]) {
        var starts: [Int32] = [0]
        var flat: [Int32] = []
        for list in lists {
            flat.append(contentsOf: list)
            starts.append(Int32(flat.count))
        }
        let startStorage = UnsafeMutableBufferPointer<Int32>.allocate(capacity: starts.count)
        _ = startStorage.initialize(from: starts)
        let flatStorage = UnsafeMutableBufferPointer<Int32>.allocate(capacity: max(flat.count, 1))
        _ = flatStorage.initialize(from: flat)
        self.starts = UnsafeBufferPointer(startStorage)
        self.flat = UnsafeBufferPointer(rebasing: flatStorage[0..<flat.count])
    }

    /// The values of literal `id`.
    @inline(__always)
    subscript(id: Int) -> UnsafeBufferPointer<Int32> {
        UnsafeBufferPointer(rebasing: flat[Int(starts[id])..<Int(starts[id + 1])])
    }

    /// Every list, in id order (tests and checks of the layout).
    var all: [[Int32]] { (0..<starts.count - 1).map { Array(self[$0]) } }

    /// Frees the storage; only the owning database calls it, once.
    func deallocate() {
        starts.deallocate()
        flat.deallocate()
    }
}

/// The entries of a block's hits that end inside one line.
struct LineHits {
    let lineStart: Int
    let from: Int
    let to: Int
    var isEmpty: Bool { from == to }
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
