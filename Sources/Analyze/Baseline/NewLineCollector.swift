import Fetch
import Parse

/// Streams a failed build's lines past a `BaselineIndex` and keeps the new ones (output lines whose normalised
/// text the baseline never printed) in groups with their context. Bounded: at most `maxKeptNewLines` new lines
/// are held (the first groups and the latest ones; a long middle is counted, not kept), at most
/// `maxLinesPerGroup` per group.
public final class NewLineCollector: BuildEventSink {
    /// New lines at most this many lines apart are one group.
    static let joinGap = 3
    static let maxLinesPerGroup = 40
    static let maxKeptNewLines = 2_000

    struct PendingGroup {
        var lines: [(number: Int, text: String, new: Bool, insideKey: Bool)] = []
        var newLines = 0
        var shownNewLines = 0
        var firstNewLine = 0
        var lastNewLine = 0
        var phase: String?
        var commandOrdinal: Int?
        var errorLooking = false
        var full: Bool { shownNewLines >= NewLineCollector.maxLinesPerGroup }
    }

    private let index: BaselineIndex
    private let looksLikeError: (UnsafeBufferPointer<UInt8>) -> Bool
    private let contextBefore: Int
    private let contextAfter: Int
    private var cleaner = LineCleaner()
    /// The normaliser's output, reused line after line.
    private var scratch: [UInt8] = []
    private var keyBlock = PrivateKeyBlockTracker()
    private var recent: RecentLines
    private var open: PendingGroup?
    private(set) var groups: [PendingGroup] = []
    private(set) var newLineCount = 0
    private(set) var groupCount = 0
    private var keptNewLines = 0
    /// Groups at the front that are never dropped: the first signs of trouble.
    private var protectedGroups: Int?

    init(index: BaselineIndex, contextBefore: Int, contextAfter: Int,
         looksLikeError: @escaping (UnsafeBufferPointer<UInt8>) -> Bool) {
        self.index = index
        self.contextBefore = contextBefore
        self.contextAfter = contextAfter
        self.looksLikeError = looksLikeError
        recent = RecentLines(capacity: contextBefore)
    }

    public func consume(_ line: LogLine, context: LineContext) {
        let insideKey = keyBlock.inside || ByteSearch.contains(line.bytes, ByteSearch.privateKey)
            ? keyBlock.update(line.bytes) : false
        cleaner.withCleaned(line.bytes, messageOffset: context.messageOffset) { display, messageStart in
            let message = UnsafeBufferPointer(rebasing: display[messageStart...])
            let isNew = !context.isAgentLine && !message.isEmpty && !index.contains(LineNormalizer.hash(message, scratch: &scratch))
            if isNew {
                newLineCount += 1
                add(number: line.number, display: display, message: message, context: context, insideKey: insideKey)
            } else if var group = open {
                if line.number - group.lastNewLine > Self.joinGap {
                    close()
                } else if !group.full {
                    group.lines.append((line.number, String(decoding: display, as: UTF8.self), false, insideKey))
                    open = group
                }
            }
            recent.push(number: line.number, bytes: display, insidePrivateKey: insideKey)
        }
    }

    private func add(number: Int, display: UnsafeBufferPointer<UInt8>, message: UnsafeBufferPointer<UInt8>,
                     context: LineContext, insideKey: Bool) {
        if open == nil {
            var group = PendingGroup()
            group.firstNewLine = number
            group.phase = context.phaseName
            group.commandOrdinal = context.command?.command
            group.lines = recent.ordered.map {
                ($0.number, $0.text, false, $0.insidePrivateKey)
            }
            open = group
            groupCount += 1
        }
        guard var group = open else { return }
        group.newLines += 1
        group.lastNewLine = number
        if !group.full {
            group.lines.append((number, String(decoding: display, as: UTF8.self), true, insideKey))
            group.shownNewLines += 1
            keptNewLines += 1
            if !group.errorLooking, !insideKey, looksLikeError(message) { group.errorLooking = true }
        }
        open = group
    }

    /// Ends the open group: trailing context beyond `contextAfter` lines goes.
    private func close() {
        guard var group = open else { return }
        open = nil
        if let lastNew = group.lines.lastIndex(where: \.new) {
            let keep = group.full ? 0 : contextAfter
            group.lines.removeLast(max(0, group.lines.count - (lastNew + 1 + keep)))
        }
        groups.append(group)
        if protectedGroups == nil, keptNewLines >= Self.maxKeptNewLines / 4 { protectedGroups = groups.count }
        // Over the bound: the oldest unprotected groups go; the failure is usually at the end.
        while keptNewLines > Self.maxKeptNewLines, groups.count > (protectedGroups ?? 0) + 1 {
            let dropped = groups.remove(at: protectedGroups ?? 0)
            keptNewLines -= dropped.shownNewLines
        }
    }

    /// The groups kept, after the last line.
    func finish() -> [PendingGroup] {
        close()
        return groups
    }
}
