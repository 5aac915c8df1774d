import CVectorscan

/// `InformativeErrorLines.score(bytes:)`, with the markers of an ASCII line found by one Vectorscan scan of
/// it rather than by the per-line automaton (which cost about 400 ns on each error-looking line). One per
/// analyzer: it owns the scan's scratch space. Lines that are not ASCII, and a database Vectorscan refused,
/// take the automaton's path; the score is the same either way.
final class ErrorLineScorer {
    /// Lines scored by the automaton before the database is built: a short log never pays for compiling it.
    private let linesBeforeVectorscan: Int
    private var scored = 0
    private var scratch: OpaquePointer?
    /// The database, once the scratch was allocated for it.
    private var prepared: OpaquePointer?
    private var unavailable = false

    /// The markers in one literal database; usable only when each literal's id is its marker value.
    private static let database: BlockLiteralDatabase? = {
        let database = BlockLiteralDatabase(patterns: InformativeErrorLines.markerPatterns)
        let count = InformativeErrorLines.markerPatterns.count
        let oneToOne = database.values.all == (0..<count).map { [Int32($0)] }
        return oneToOne ? database : nil
    }()

    init(linesBeforeVectorscan: Int = 4_096) {
        self.linesBeforeVectorscan = linesBeforeVectorscan
    }

    deinit {
        if let scratch { hs_free_scratch(scratch) }
    }

    func score(bytes: UnsafeBufferPointer<UInt8>) -> Int {
        scored += 1
        guard scored > linesBeforeVectorscan, let base = bytes.baseAddress, bytes.count > 0, ByteSearch.isASCII(bytes),
              let db = preparedDatabase(), let scratch else {
            return InformativeErrorLines.score(bytes: bytes)
        }
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: InformativeErrorLines.markerWords) { present in
            present.initialize(repeating: 0)
            let status = VectorscanRuntime.scan(db, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self),
                                                UInt32(bytes.count), 0, scratch, { id, _, _, _, context in
                                                    let bits = context!.assumingMemoryBound(to: UInt64.self)
                                                    bits[Int(id) >> 6] |= 1 << UInt64(id & 63)
                                                    return 0
                                                }, present.baseAddress)
            guard status == HS_SUCCESS else { return InformativeErrorLines.score(bytes: bytes) }
            return InformativeErrorLines.value(present: UnsafeBufferPointer(present), length: bytes.count)
        }
    }

    /// Whether ASCII lines past the first `linesBeforeVectorscan` are scored by Vectorscan here (false: the
    /// automaton scores every line).
    var usesVectorscan: Bool { preparedDatabase() != nil }

    @inline(__always)
    private func preparedDatabase() -> OpaquePointer? {
        if let prepared { return prepared }
        guard !unavailable else { return nil }
        guard let db = Self.database?.built(), hs_alloc_scratch(db, &scratch) == HS_SUCCESS, scratch != nil else {
            unavailable = true
            return nil
        }
        prepared = db
        return db
    }
}
