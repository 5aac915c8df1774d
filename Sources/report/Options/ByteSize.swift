import Foundation
import ArgumentParser

/// `--max-bytes 500M`: a count of bytes with an optional K, M, G or T suffix (powers of 1024).
enum ByteSize {
    static func parse(_ text: String) throws -> Int64 {
        let trimmed = text.trimmingCharacters(in: .whitespaces).uppercased()
        let suffixes: [Character: Int64] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30, "T": 1 << 40]
        var digits = Substring(trimmed)
        var unit: Int64 = 1
        if let last = digits.last, let factor = suffixes[last] {
            unit = factor
            digits = digits.dropLast()
        }
        if digits.last == "B" && unit == 1 { digits = digits.dropLast() }
        // Int64(...) rejects signs other than a leading +/-, fractions and anything too big for 64 bits.
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber), let count = Int64(digits) else {
            throw ValidationError("--max-bytes \(text): expected a byte count like 500M, 2G or 0 (no limit)")
        }
        let (bytes, overflow) = count.multipliedReportingOverflow(by: unit)
        guard !overflow else { throw ValidationError("--max-bytes \(text): too large") }
        return bytes
    }
}
