import Fetch
import Foundation

/// A JSON document built by hand so that key order is the documented order and every documented key
/// is present (`null` when unknown), which `JSONEncoder`'s synthesized coding does not promise.
indirect enum JSONValue: Equatable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    /// Pairs in output order; keys are unique by construction.
    case object([(String, JSONValue)])

    static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.int(a), .int(b)): return a == b
        case let (.double(a), .double(b)): return a == b
        case let (.string(a), .string(b)): return a == b
        case let (.array(a), .array(b)): return a == b
        case let (.object(a), .object(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    static func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
    static func optional(_ value: Int?) -> JSONValue { value.map { .int(Int64($0)) } ?? .null }
    static func optional(_ value: Int64?) -> JSONValue { value.map(JSONValue.int) ?? .null }
    static func optional(_ value: Double?) -> JSONValue { value.map(JSONValue.double) ?? .null }
    static func optional(_ value: Date?) -> JSONValue { value.map { .string(ISOTime.format($0)) } ?? .null }
}

/// ISO-8601 in UTC with milliseconds: `2024-03-06T10:00:03.123Z`.
enum ISOTime {
    static func format(_ date: Date) -> String {
        // Computed by hand: the formatter classes are not thread-safe and their output varies by platform.
        // Clamped to years 0001...9999 so the Int64 conversion below cannot trap on an absurd date.
        let millisTotal = min(max((date.timeIntervalSince1970 * 1000).rounded(.down), -62_135_596_800_000),
                              253_402_300_799_999)
        let millis = Int64(millisTotal)
        let seconds = millis >= 0 ? millis / 1000 : (millis - 999) / 1000
        let fraction = millis - seconds * 1000
        let civil = CivilTime(epochSeconds: seconds)
        return String(format: "%04ld-%02ld-%02ldT%02ld:%02ld:%02ld.%03lldZ",
                      civil.year, civil.month, civil.day, civil.hour, civil.minute, civil.second, fraction)
    }
}

/// Writes a `JSONValue` as text: pretty (two-space indent, one key per line) or compact.
struct JSONWriter {
    var pretty: Bool

    func write(_ value: JSONValue) -> String {
        var out = ""
        append(value, to: &out, depth: 0)
        if pretty { out += "\n" }
        return out
    }

    private func append(_ value: JSONValue, to out: inout String, depth: Int) {
        switch value {
        case .null: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .int(let number): out += String(number)
        case .double(let number): out += Self.format(number)
        case .string(let text): Self.appendQuoted(text, to: &out)
        case .array(let items):
            appendContainer(open: "[", close: "]", count: items.count, to: &out, depth: depth) { index, out in
                append(items[index], to: &out, depth: depth + 1)
            }
        case .object(let pairs):
            appendContainer(open: "{", close: "}", count: pairs.count, to: &out, depth: depth) { index, out in
                Self.appendQuoted(pairs[index].0, to: &out)
                out += pretty ? ": " : ":"
                append(pairs[index].1, to: &out, depth: depth + 1)
            }
        }
    }

    private func appendContainer(open: String, close: String, count: Int, to out: inout String, depth: Int,
                                 element: (Int, inout String) -> Void) {
        out += open
        guard count > 0 else { out += close; return }
        for index in 0..<count {
            if index > 0 { out += "," }
            if pretty { out += "\n" + String(repeating: "  ", count: depth + 1) }
            element(index, &out)
        }
        if pretty { out += "\n" + String(repeating: "  ", count: depth) }
        out += close
    }

    /// Finite numbers only (JSON has no NaN); at most four decimals, trailing zeros dropped.
    static func format(_ number: Double) -> String {
        guard number.isFinite else { return "null" }
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        var text = String(format: "%.4f", number)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    static func appendQuoted(_ text: String, to out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
