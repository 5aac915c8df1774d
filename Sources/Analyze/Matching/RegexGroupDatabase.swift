import CVectorscan
import Foundation

/// The regexes of rules that are always selected together (the same literals, the same case mode) in one
/// Vectorscan database: a line that selects them costs one scan instead of one per rule. Without it, a
/// hundred rules keyed on a common word ran a hundred scans on every line holding the word.
///
/// Each expression keeps its own flags and reports its rule's index once (`HS_FLAG_SINGLEMATCH`), so the set
/// of ids reported is exactly the set of member regexes `LinearRegex.matches` would say yes to. Built on first
/// use, shared by every analyzer of the catalog; nil when Vectorscan refuses the combination (the members then
/// run one by one, as without a group).
final class RegexGroupDatabase: @unchecked Sendable {
    /// Rule indexes (in `CompiledCatalog.compiled`) and their regexes.
    let members: [(rule: Int, regex: LinearRegex)]
    /// Its place among the catalog's groups (where a scratch notes that it was grown for it).
    let index: Int
    private var database: OpaquePointer?
    private var failed = false
    private let lock = NSLock()

    init(members: [(rule: Int, regex: LinearRegex)], index: Int) {
        self.members = members
        self.index = index
    }

    deinit {
        if let database { hs_free_database(database) }
    }

    func built() -> OpaquePointer? {
        lock.lock()
        defer { lock.unlock() }
        if let database { return database }
        if failed { return nil }
        let expressions = members.map { strdup($0.regex.pattern) }
        defer { for expression in expressions { free(expression) } }
        let flags = members.map(\.regex.vectorscanFlags)
        let ids = members.map { UInt32($0.rule) }
        var db: OpaquePointer?
        var compileError: UnsafeMutablePointer<hs_compile_error_t>?
        let pointers = expressions.map { $0.map { UnsafePointer<CChar>($0) } }
        let status = pointers.withUnsafeBufferPointer { pointers in
            VectorscanRuntime.withPlatform {
                hs_compile_multi(pointers.baseAddress, flags, ids, UInt32(members.count), UInt32(HS_MODE_BLOCK),
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

/// Where a group scan writes its verdicts: `marks[rule] = serial` for every member that matched the line.
struct GroupMatchSink {
    let marks: UnsafeMutablePointer<Int>
    let serial: Int
}

extension MatchScratch {
    /// Scans `subject` with a group's database; marks each member that matches. False when the group has no
    /// database (the caller then matches the members one by one).
    func scanGroup(_ group: RegexGroupDatabase, _ subject: UnsafeBufferPointer<UInt8>,
                   marks: UnsafeMutablePointer<Int>, serial: Int) -> Bool {
        guard let database = group.built(), let space = scratch(growingFor: database, group: group.index) else { return false }
        let empty: [UInt8] = [0]
        var sink = GroupMatchSink(marks: marks, serial: serial)
        let status = empty.withUnsafeBufferPointer { fallback -> hs_error_t in
            let start = subject.count > 0 ? subject.baseAddress : fallback.baseAddress
            let data = UnsafeRawPointer(start!).assumingMemoryBound(to: CChar.self)
            return withUnsafeMutablePointer(to: &sink) { sink in
                VectorscanRuntime.scan(database, data, UInt32(subject.count), 0, space,
                                       { id, _, _, _, context in
                                           let sink = context!.assumingMemoryBound(to: GroupMatchSink.self).pointee
                                           sink.marks[Int(id)] = sink.serial
                                           return 0
                                       }, sink)
            }
        }
        return status == HS_SUCCESS
    }
}
