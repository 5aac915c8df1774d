import Fetch
import Foundation
import Parse

/// How an example is fed to the engine. Each variant must give the same firing lines as `.plain`
/// (shifted by the filler for `.buried`).
public enum ExampleVariant: Equatable, CustomStringConvertible, Sendable {
    case plain
    /// Every line ends with `\r` (a log written on Windows, or a CRLF export).
    case crlf
    /// Output lines coloured with ANSI SGR sequences, one also in the middle of the line.
    case ansiColour
    /// The example with `filler` lines of ordinary build output before and after it.
    case buried(filler: Int)
    /// Read as a CloudWatch Logs export file is: every line led by its event's timestamp.
    case cloudWatchExport
    /// Read as the JSON `aws logs get-log-events` prints: one event per line, messages JSON-escaped.
    case logEventsJSON
    /// Read as a gzip file is, handed over 7 bytes per read and inflated 3 compressed bytes at a time,
    /// so lines, UTF-8 sequences and deflate blocks are split at every possible place.
    case gzipTinyChunks

    public var description: String {
        switch self {
        case .plain: return "plain"
        case .crlf: return "crlf"
        case .ansiColour: return "ansi-colour"
        case .buried(let filler): return "buried in \(filler * 2) lines"
        case .cloudWatchExport: return "cloudwatch-export"
        case .logEventsJSON: return "get-log-events-json"
        case .gzipTinyChunks: return "gzip-tiny-chunks"
        }
    }

    public static let all: [ExampleVariant] = [.plain, .crlf, .ansiColour, .buried(filler: 500),
                                               .cloudWatchExport, .logEventsJSON, .gzipTinyChunks]
}

/// One example that did not behave as its rule promised.
public struct ExampleFailure: Equatable, CustomStringConvertible, Sendable {
    public var ruleId: String
    public var triggering: Bool
    /// Index of the example within its list.
    public var index: Int
    public var variant: String
    /// Lines (1-based, within the example) marked `↓`; empty for a non-triggering example.
    public var expectedLines: [Int]
    public var firedLines: [Int]
    public var snippet: String

    public var description: String {
        let kind = triggering ? "triggering" : "nonTriggering"
        let numbered = snippet.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .map { "    \($0.offset + 1)| \($0.element)" }.joined(separator: "\n")
        return "rule \(ruleId): \(kind) example \(index + 1) (\(variant)): expected evidence on lines "
            + "\(expectedLines), fired on \(firedLines)\n\(numbered)"
    }
}

/// Runs rules' own examples through the real pipeline (PhaseParser, then an Analyzer that knows only
/// that rule), so a rule is proven the way it will run. Used by `cbtriage rules test` and the catalog test.
public enum RuleExampleRunner {
    /// The evidence marker at the start of an example line.
    public static let marker = "↓"

    /// Failures of every example of every rule, in every requested variant.
    public static func run(_ rules: [Rule], variants: [ExampleVariant] = [.plain]) throws -> [ExampleFailure] {
        var failures: [ExampleFailure] = []
        for rule in rules {
            // One compiled catalog per rule, shared by its variants: compiling is most of the cost.
            let catalog = try catalogFor(rule)
            for variant in variants { failures += try run(rule, catalog: catalog, variant: variant) }
        }
        return failures
    }

    public static func run(_ rule: Rule, variant: ExampleVariant = .plain) throws -> [ExampleFailure] {
        try run(rule, catalog: catalogFor(rule), variant: variant)
    }

    static func run(_ rule: Rule, catalog: CompiledCatalog, variant: ExampleVariant) throws -> [ExampleFailure] {
        var failures: [ExampleFailure] = []
        for (index, example) in rule.triggering.enumerated() {
            let (lines, expected) = parse(example)
            let fired = try firingLines(of: rule.id, lines: lines, catalog: catalog, variant: variant)
            if fired != expected {
                failures.append(ExampleFailure(ruleId: rule.id, triggering: true, index: index, variant: variant.description,
                                               expectedLines: expected, firedLines: fired, snippet: example))
            }
        }
        for (index, example) in rule.nonTriggering.enumerated() {
            let (lines, _) = parse(example)
            let fired = try firingLines(of: rule.id, lines: lines, catalog: catalog, variant: variant)
            if !fired.isEmpty {
                failures.append(ExampleFailure(ruleId: rule.id, triggering: false, index: index, variant: variant.description,
                                               expectedLines: [], firedLines: fired, snippet: example))
            }
        }
        return failures
    }

    /// A catalog with only this rule: the rule itself, or the built-in check it belongs to.
    static func catalogFor(_ rule: Rule) throws -> CompiledCatalog {
        for check in CheckKind.builtin where check.rules.contains(rule) {
            if let restricted = check.restricted(to: rule.id) {
                return try CompiledCatalog(rules: [], checks: [restricted])
            }
        }
        return try CompiledCatalog(rules: [rule], checks: [])
    }

    /// The example's lines without markers, and the 1-based numbers of the marked ones.
    public static func parse(_ example: String) -> (lines: [String], marked: [Int]) {
        var lines: [String] = []
        var marked: [Int] = []
        for (index, raw) in example.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if raw.hasPrefix(marker) {
                marked.append(index + 1)
                var rest = raw.dropFirst(marker.count)
                if rest.hasPrefix(" ") { rest = rest.dropFirst() }
                lines.append(String(rest))
            } else {
                lines.append(String(raw))
            }
        }
        return (lines, marked)
    }

    /// Lines (1-based within the example) on which `ruleId` fired.
    static func firingLines(of ruleId: String, lines: [String], catalog: CompiledCatalog,
                            variant: ExampleVariant) throws -> [Int] {
        var options = AnalyzerOptions()
        options.tracesFiringLines = true
        let analyzer = Analyzer(catalog: catalog, options: options)
        let parser = PhaseParser(sink: analyzer)
        let outcome: ReadOutcome
        if let file = try variant.file(of: lines) {
            // Through the readers a user's file goes through: the line numbers are theirs.
            outcome = try InMemoryLogSource(bytes: file.bytes, displayName: "example (\(variant))", options: file.options)
                .readLines(observingBlocks: analyzer.blockObserver) { parser.consume($0) }
        } else {
            let fed = variant.apply(to: lines)
            var number = 0
            for index in fed.indices {
                number += 1
                let lineNumber = number
                fed[index].withUnsafeBufferPointer { parser.consume(LogLine(number: lineNumber, bytes: $0)) }
            }
            outcome = ReadOutcome(shape: .raw, completeness: .complete, bytesRead: 0, linesRead: number)
        }
        _ = analyzer.finish(build: parser.finish(), source: SourceInfo(name: "example", outcome: outcome))
        let offset = variant.leadingFiller
        return (analyzer.firingLines[ruleId] ?? []).map { $0 - offset }
    }
}

extension ExampleVariant {
    var leadingFiller: Int {
        if case .buried(let filler) = self { return filler }
        return 0
    }

    func apply(to lines: [String]) -> [[UInt8]] {
        switch self {
        case .plain:
            return lines.map { Array($0.utf8) }
        case .crlf:
            return lines.map { Array($0.utf8) + [0x0D] }
        case .ansiColour:
            return lines.map { line in
                // Agent lines stay as the agent writes them; output lines get colour, also mid-line.
                guard !line.hasPrefix("[Container]"), !line.isEmpty else { return Array(line.utf8) }
                var coloured = line
                if let space = coloured.firstIndex(of: " ") {
                    coloured.insert(contentsOf: "\u{1B}[1m", at: coloured.index(after: space))
                }
                return Array("\u{1B}[31m\(coloured)\u{1B}[0m".utf8)
            }
        case .buried(let filler):
            let noise = FillerLog.lines(count: filler)
            return (noise + lines + noise).map { Array($0.utf8) }
        case .cloudWatchExport, .logEventsJSON, .gzipTinyChunks:
            return lines.map { Array($0.utf8) }
        }
    }

    /// The bytes of a file holding the example, and how to read it, for the variants that go through the
    /// readers; nil for those fed to the parser line by line.
    func file(of lines: [String]) throws -> (bytes: [UInt8], options: LineReaderOptions)? {
        switch self {
        case .plain, .crlf, .ansiColour, .buried:
            return nil
        case .cloudWatchExport:
            let text = lines.enumerated().map { "\(Self.exportTimestamp(line: $0.offset)) \($0.element)\n" }.joined()
            return (Array(text.utf8), .standard)
        case .logEventsJSON:
            let events = try lines.enumerated().map { index, line in
                "{\"timestamp\":\(Self.firstEventMillis + Int64(index)),\"message\":\(try Self.jsonString(line)),"
                    + "\"ingestionTime\":\(Self.firstEventMillis + Int64(index) + 40)}"
            }
            let json = "{\n  \"events\": [\n    " + events.joined(separator: ",\n    ")
                + "\n  ],\n  \"nextForwardToken\": \"f/00000000000000000000000000000000000000000000000000000001\"\n}\n"
            return (Array(json.utf8), .standard)
        case .gzipTinyChunks:
            let plain = Array(lines.map { $0 + "\n" }.joined().utf8)
            return (try GzipCompression.compress(plain), LineReaderOptions(blockSize: 7, inflateChunkSize: 3))
        }
    }

    /// 2024-03-06T10:00:03.123Z, one millisecond per line after it.
    static let firstEventMillis: Int64 = 1_709_719_203_123

    static func exportTimestamp(line: Int) -> String {
        let millis = 123 + line
        let seconds = 3 + millis / 1000
        let text = String(millis % 1000)
        return "2024-03-06T10:00:\(seconds < 10 ? "0" : "")\(seconds)."
            + String(repeating: "0", count: 3 - text.count) + text + "Z"
    }

    /// A JSON string literal as Foundation's encoder writes it (`/` escaped too, as some tools print it).
    static func jsonString(_ text: String) throws -> String {
        String(decoding: try JSONEncoder().encode(text), as: UTF8.self)
    }
}
