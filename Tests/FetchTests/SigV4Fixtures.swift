import Foundation
@testable import Fetch
import XCTest

/// One SigV4 vector: the signer input parsed from `<case>.req`, and the expected stage outputs.
struct SigV4Vector {
    var name: String
    var method: String
    /// The request-target as written in the `.req` (raw path, optional `?query`).
    var target: String
    var headers: [HTTPHeader]
    var body: [UInt8]
    var canonicalRequest: String
    var stringToSign: String
    var authorization: String

    var path: String {
        guard let question = target.firstIndex(of: "?") else { return target }
        return String(target[..<question])
    }

    var query: String {
        guard let question = target.firstIndex(of: "?") else { return "" }
        return String(target[target.index(after: question)...])
    }

    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}

enum SigV4FixtureError: Error, CustomStringConvertible {
    case missing(String)
    case malformed(String)

    var description: String {
        switch self {
        case .missing(let what): return "SigV4 fixture missing: \(what) (copy /work/shared/fixtures/sigv4 to Fixtures/sigv4)"
        case .malformed(let what): return "SigV4 fixture malformed: \(what)"
        }
    }
}

/// Reads the vectors copied byte for byte into `Fixtures/sigv4` (see its README). A missing fixture is
/// an error, never a skip.
enum SigV4Fixtures {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/sigv4")

    /// `relativeDirectory` is e.g. `suite/get-vanilla` or `suite/normalize-path/get-space`.
    static func load(_ relativeDirectory: String) throws -> SigV4Vector {
        let directory = root.appendingPathComponent(relativeDirectory)
        let name = directory.lastPathComponent
        func read(_ suffix: String) throws -> [UInt8] {
            let file = directory.appendingPathComponent("\(name).\(suffix)")
            guard let data = FileManager.default.contents(atPath: file.path) else {
                throw SigV4FixtureError.missing(file.path)
            }
            return Array(data)
        }
        var vector = try parseRequest(read("req"), name: name)
        vector.canonicalRequest = String(decoding: try read("creq"), as: UTF8.self)
        vector.stringToSign = String(decoding: try read("sts"), as: UTF8.self)
        vector.authorization = String(decoding: try read("authz"), as: UTF8.self)
        return vector
    }

    /// Parses the `.req` format: request line, `Name:value` lines (no space added after the colon,
    /// leading-space lines fold into the previous value), then an empty line and the raw body.
    static func parseRequest(_ bytes: [UInt8], name: String) throws -> SigV4Vector {
        var head = bytes[...]
        var body: [UInt8] = []
        if let split = firstBlankLine(bytes) {
            head = bytes[..<split]
            body = Array(bytes[(split + 2)...])
        }
        let lines = head.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true)
            .map { String(decoding: $0, as: UTF8.self) }
        guard let requestLine = lines.first,
              let firstSpace = requestLine.firstIndex(of: " "),
              requestLine.hasSuffix(" HTTP/1.1") else {
            throw SigV4FixtureError.malformed("\(name): request line")
        }
        let method = String(requestLine[..<firstSpace])
        let target = String(requestLine[requestLine.index(after: firstSpace)..<requestLine.index(requestLine.endIndex, offsetBy: -9)])
        var headers: [HTTPHeader] = []
        for line in lines.dropFirst() {
            if line.hasPrefix(" ") || line.hasPrefix("\t") {
                guard !headers.isEmpty else { throw SigV4FixtureError.malformed("\(name): fold before any header") }
                headers[headers.count - 1].value += "\n" + line
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { throw SigV4FixtureError.malformed("\(name): \(line)") }
            headers.append(HTTPHeader(String(line[..<colon]), String(line[line.index(after: colon)...])))
        }
        return SigV4Vector(name: name, method: method, target: target, headers: headers, body: body,
                           canonicalRequest: "", stringToSign: "", authorization: "")
    }

    private static func firstBlankLine(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 2 else { return nil }
        for index in 0..<(bytes.count - 1) where bytes[index] == 0x0A && bytes[index + 1] == 0x0A {
            return index
        }
        return nil
    }

    /// `20150830T123600Z` as a Date.
    static func date(fromAmzDate text: String) throws -> Date {
        let digits = Array(text.utf8)
        guard digits.count == 16 else { throw SigV4FixtureError.malformed("date \(text)") }
        func number(_ range: Range<Int>) throws -> Int {
            guard let value = Int(String(decoding: digits[range], as: UTF8.self)) else {
                throw SigV4FixtureError.malformed("date \(text)")
            }
            return value
        }
        let civil = CivilTime(year: try number(0..<4), month: try number(4..<6), day: try number(6..<8),
                              hour: try number(9..<11), minute: try number(11..<13), second: try number(13..<15))
        return Date(timeIntervalSince1970: TimeInterval(civil.epochSeconds))
    }

    /// Every case folder under `set` (`suite` or `json-protocol`), nested ones as `parent/case`.
    static func caseDirectories(in set: String) throws -> [String] {
        let base = root.appendingPathComponent(set)
        guard let enumerator = FileManager.default.enumerator(atPath: base.path) else {
            throw SigV4FixtureError.missing(base.path)
        }
        var found: [String] = []
        for case let relative as String in enumerator where relative.hasSuffix(".req") {
            found.append(set + "/" + (relative as NSString).deletingLastPathComponent)
        }
        guard !found.isEmpty else { throw SigV4FixtureError.missing(base.path) }
        return found.sorted()
    }
}
