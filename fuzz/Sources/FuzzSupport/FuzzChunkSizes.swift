/// Chunk sizes for a target that feeds its input in pieces: taken from the input itself (its first and
/// last bytes, which stay part of the data, so seeds from `Fixtures/` keep their shape), each 1...17.
public func fuzzChunkSizes(_ bytes: [UInt8], count: Int = 4) -> [Int] {
    guard !bytes.isEmpty else { return Array(repeating: 1, count: count) }
    return (0..<count).map { index in
        let first = bytes[index % bytes.count], last = bytes[bytes.count - 1 - index % bytes.count]
        return 1 + Int(first ^ last) % 17
    }
}
