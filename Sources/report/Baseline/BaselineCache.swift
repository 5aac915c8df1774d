import Analyze
import Foundation

/// Baseline indexes of completed builds, kept on disk so that a second diagnosis against the same baseline
/// fetches no log: `$XDG_CACHE_HOME/cbtriage/baselines`, else `~/.cache/cbtriage/baselines`. One JSON file per
/// build ARN holding only hashes, command texts (redacted) and phase durations, never log lines. An entry that
/// cannot be read, is damaged, or has another format version is ignored (and replaced by a fresh fetch).
struct BaselineCache {
    struct Entry: Codable {
        var key: String
        var index: BaselineIndex
    }

    let directory: URL

    /// The standard place; nil when neither `XDG_CACHE_HOME` nor `HOME` is set.
    static func standard(environment: [String: String]) -> BaselineCache? {
        let root: URL
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            root = URL(fileURLWithPath: xdg, isDirectory: true)
        } else if let home = environment["HOME"], !home.isEmpty {
            root = URL(fileURLWithPath: home, isDirectory: true).appendingPathComponent(".cache", isDirectory: true)
        } else {
            return nil
        }
        return BaselineCache(directory: root.appendingPathComponent("cbtriage/baselines", isDirectory: true))
    }

    func file(for key: String) -> URL {
        var name = String(key.map { $0.isASCII && ($0.isLetter || $0.isNumber || "-._".contains($0)) ? $0 : "_" })
        if name.count > 200 { name = String(name.prefix(180)) + "-" + String(key.hashValueStable, radix: 16) }
        return directory.appendingPathComponent(name + ".json")
    }

    /// The cached index for `key`, or nil (absent, unreadable, damaged, another key or format version).
    func load(key: String) -> BaselineIndex? {
        guard let data = try? Data(contentsOf: file(for: key)),
              let entry = try? JSONDecoder().decode(Entry.self, from: data),
              entry.key == key, entry.index.formatVersion == BaselineIndex.formatVersion else { return nil }
        return entry.index
    }

    /// Writes the entry beside its final name and renames it into place, so a reader never sees half a file.
    func store(_ index: BaselineIndex, key: String) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        let data = try JSONEncoder().encode(Entry(key: key, index: index))
        let target = file(for: key)
        let temporary = directory.appendingPathComponent(".\(target.lastPathComponent).\(getpid()).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: data, attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary.path])
        }
        if rename(temporary.path, target.path) != 0 {
            let code = errno
            try? FileManager.default.removeItem(at: temporary)
            throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
        }
    }
}

private extension String {
    /// FNV-1a of the UTF-8 bytes: the same in every process, unlike `hashValue`.
    var hashValueStable: UInt64 {
        utf8.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01B3 }
    }
}
