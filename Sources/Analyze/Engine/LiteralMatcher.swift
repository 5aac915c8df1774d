/// Finds every one of many literals in a line in one pass over its bytes (Aho-Corasick).
///
/// The automaton is built over ASCII-folded bytes so case-insensitive literals cost nothing extra;
/// a case-sensitive literal is confirmed against the original bytes when its end is reached.
/// Transitions are a dense table over byte classes (bytes that occur in no literal share class 0),
/// so scanning is one class load and one table load per byte and never allocates: each entry holds the
/// next state's row offset (premultiplied by the class count) shifted left once, with the low bit set
/// when that state ends a literal, so the output lists are looked at only there.
public struct LiteralMatcher {
    /// One literal to find, and what it stands for (a rule index, a check id, …).
    public struct Pattern {
        public var bytes: [UInt8]
        public var caseInsensitive: Bool
        public var value: Int

        public init(_ text: String, caseInsensitive: Bool, value: Int) {
            self.bytes = Array(text.utf8)
            self.caseInsensitive = caseInsensitive
            self.value = value
        }
    }

    private let patterns: [Pattern]
    /// Byte -> class of its ASCII-folded form.
    private let byteClass: [UInt16]
    private let classCount: Int
    /// `transitions[rowOffset + class]` -> `(nextRowOffset << 1) | endsALiteral`; failure links resolved.
    private let transitions: [Int32]
    /// Patterns ending at a state (its own and those of its suffix states): `outputs[outputStart[s]..<outputStart[s+1]]`.
    private let outputStart: [Int32]
    private let outputs: [Int32]

    public var patternCount: Int { patterns.count }

    public init(patterns: [Pattern]) {
        // Empty literals would match everywhere; they carry no information for a prefilter.
        let usable = patterns.filter { !$0.bytes.isEmpty }
        self.patterns = usable

        var classOf = [UInt16](repeating: 0, count: 256)
        var nextClass: UInt16 = 1
        for pattern in usable {
            for byte in pattern.bytes {
                let folded = Int(asciiLower(byte))
                if classOf[folded] == 0 {
                    classOf[folded] = nextClass
                    nextClass += 1
                }
            }
        }
        for byte in 0..<256 { classOf[byte] = classOf[Int(asciiLower(UInt8(byte)))] }
        byteClass = classOf
        let classes = Int(nextClass)
        classCount = classes

        // Trie over folded bytes; -1 marks a missing edge until failure links fill it.
        var trie: [Int32] = Array(repeating: -1, count: classes)
        var ownOutputs: [[Int32]] = [[]]
        for (index, pattern) in usable.enumerated() {
            var state = 0
            for byte in pattern.bytes {
                let slot = state * classes + Int(classOf[Int(byte)])
                if trie[slot] < 0 {
                    trie[slot] = Int32(ownOutputs.count)
                    ownOutputs.append([])
                    trie.append(contentsOf: repeatElement(-1, count: classes))
                }
                state = Int(trie[slot])
            }
            ownOutputs[state].append(Int32(index))
        }

        // Breadth-first: resolve every missing edge through the failure link, merge suffix outputs.
        let stateCount = ownOutputs.count
        var failure = [Int](repeating: 0, count: stateCount)
        var merged = ownOutputs
        var queue: [Int] = []
        for cls in 0..<classes {
            if trie[cls] < 0 {
                trie[cls] = 0
            } else {
                failure[Int(trie[cls])] = 0
                queue.append(Int(trie[cls]))
            }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            merged[state].append(contentsOf: merged[failure[state]])
            for cls in 0..<classes {
                let slot = state * classes + cls
                let fallback = trie[failure[state] * classes + cls]
                if trie[slot] < 0 {
                    trie[slot] = fallback
                } else {
                    failure[Int(trie[slot])] = Int(fallback)
                    queue.append(Int(trie[slot]))
                }
            }
        }
        // Row offsets instead of state numbers, and the "has outputs" bit, for the scan loop. An offset
        // fits 31 bits: a table with 2^30 entries would take 4 GiB before it overflowed.
        transitions = trie.map { next in
            let state = Int(next)
            return Int32(truncatingIfNeeded: (state * classes) << 1 | (merged[state].isEmpty ? 0 : 1))
        }
        var starts: [Int32] = [0]
        var flat: [Int32] = []
        for list in merged {
            flat.append(contentsOf: list)
            starts.append(Int32(flat.count))
        }
        outputStart = starts
        outputs = flat
    }

    /// Calls `found` with the value of every pattern occurrence in `bytes` (a value may repeat).
    @inline(__always)
    public func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ found: (Int) -> Void) {
        guard !patterns.isEmpty, let input = bytes.baseAddress else { return }
        let classCount = self.classCount
        transitions.withUnsafeBufferPointer { table in
            byteClass.withUnsafeBufferPointer { classes in
                guard let table = table.baseAddress, let classes = classes.baseAddress else { return }
                var row = 0
                for position in 0..<bytes.count {
                    let entry = Int(table[row &+ Int(classes[Int(input[position])])])
                    row = entry >> 1
                    guard entry & 1 != 0 else { continue }
                    let state = row / classCount
                    let start = Int(outputStart[state]), end = Int(outputStart[state + 1])
                    for slot in start..<end {
                        let pattern = patterns[Int(outputs[slot])]
                        if pattern.caseInsensitive || endsWithExactly(bytes, at: position, pattern.bytes) {
                            found(pattern.value)
                        }
                    }
                }
            }
        }
    }

    /// True when `bytes` contains any pattern.
    public func containsAny(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var any = false
        scan(bytes) { _ in any = true }
        return any
    }

    @inline(__always)
    private func endsWithExactly(_ bytes: UnsafeBufferPointer<UInt8>, at end: Int, _ literal: [UInt8]) -> Bool {
        let start = end + 1 - literal.count
        guard start >= 0 else { return false }
        for offset in 0..<literal.count where bytes[start + offset] != literal[offset] { return false }
        return true
    }
}

@inline(__always)
func asciiLower(_ byte: UInt8) -> UInt8 {
    (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte
}
