/// Reads leaf values out of the small, fixed-shape XML documents STS returns.
///
/// Not a general XML parser: no attributes on the elements read, no CDATA, no namespaces prefixes.
/// That is all `AssumeRole*Response` and `ErrorResponse` use, and it keeps FoundationXML
/// (and libxml2) out of the binary.
enum XMLFields {
    /// The inner bytes of the first `<name>…</name>` (also when the open tag carries attributes).
    static func element(_ name: String, in bytes: [UInt8]) -> [UInt8]? {
        let open = Array("<\(name)".utf8)
        let close = Array("</\(name)>".utf8)
        var searchFrom = 0
        while let start = find(open, in: bytes, from: searchFrom) {
            let afterName = start + open.count
            guard afterName < bytes.count else { return nil }
            let next = bytes[afterName]
            // `<Code>` must not match `<CodeX>`.
            guard next == UInt8(ascii: ">") || next == UInt8(ascii: " ") else {
                searchFrom = afterName
                continue
            }
            guard let tagEnd = bytes[afterName...].firstIndex(of: UInt8(ascii: ">")) else { return nil }
            if bytes[tagEnd - 1] == UInt8(ascii: "/") { return [] }
            guard let end = find(close, in: bytes, from: tagEnd + 1) else { return nil }
            return Array(bytes[(tagEnd + 1)..<end])
        }
        return nil
    }

    /// The first element's text with entities decoded and surrounding white space trimmed.
    static func first(_ name: String, in bytes: [UInt8]) -> String? {
        guard let inner = element(name, in: bytes) else { return nil }
        return decodeEntities(String(decoding: inner, as: UTF8.self)).trimmingAll(of: " \t\r\n")
    }

    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            rest = rest[amp...]
            guard let semicolon = rest.firstIndex(of: ";"), rest.distance(from: amp, to: semicolon) <= 10 else {
                result += "&"; rest = rest.dropFirst(); continue
            }
            let entity = rest[rest.index(after: amp)..<semicolon]
            if let decoded = decode(entity) { result += decoded } else { result += rest[amp...semicolon] }
            rest = rest[rest.index(after: semicolon)...]
        }
        return result + rest
    }

    private static func decode(_ entity: Substring) -> String? {
        switch entity {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        default:
            let number: UInt32?
            if entity.hasPrefix("#x") { number = UInt32(entity.dropFirst(2), radix: 16) } else if entity.hasPrefix("#") {
                number = UInt32(entity.dropFirst())
            } else { number = nil }
            return number.flatMap { Unicode.Scalar($0) }.map { String(Character($0)) }
        }
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        var index = start
        while index <= haystack.count - needle.count {
            if haystack[index] == needle[0] && haystack[index..<(index + needle.count)].elementsEqual(needle) {
                return index
            }
            index += 1
        }
        return nil
    }
}
