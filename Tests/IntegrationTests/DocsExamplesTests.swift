import Foundation
import XCTest

/// Every console example in README.md and docs/usage.md is run with the built binary and its output compared,
/// so the documentation cannot drift from what cbtriage prints.
///
/// A ```console block holds `$ command` lines, each followed by the output it printed (stdout and stderr, as a
/// terminal shows them). A command shown without output is an illustration (it needs AWS, or a file the reader
/// has) and is not run. A line `… (what is left out)` stands for any number of lines: those above it begin the
/// output, those below it end it. A block
/// right after `<!-- not re-run: REASON -->` is not run (a session against a seeded moto_server whose ids and
/// times differ every time); the reason is required.
final class DocsExamplesTests: XCTestCase {
    static let documents = ["README.md", "docs/usage.md"]

    func testEveryConsoleExampleReproduces() throws {
        _ = try EndToEnd.requireBinary()
        var compared = 0
        for document in Self.documents {
            let text = try String(contentsOf: EndToEnd.packageRoot.appendingPathComponent(document), encoding: .utf8)
            for block in ConsoleBlock.blocks(in: text) {
                if let reason = block.notRerunReason {
                    XCTAssertFalse(reason.isEmpty, "\(document):\(block.line): a block that is not re-run says why")
                    continue
                }
                let results = try run(block.examples.filter { !$0.expected.isEmpty })
                for (example, actual) in zip(block.examples.filter { !$0.expected.isEmpty }, results) {
                    compared += 1
                    let problem = example.mismatch(actual)
                    XCTAssertNil(problem, "\(document):\(example.line): $ \(example.command)\n\(problem ?? "")")
                }
            }
        }
        XCTAssertGreaterThanOrEqual(compared, 12, "the documents' examples were found and run")
    }

    /// The block's commands in one shell, in order (so `echo $?` sees the command before it), from the package
    /// root with the built binary first on PATH and the documented environment (`NO_COLOR=1 COLUMNS=100`).
    private func run(_ examples: [ConsoleExample]) throws -> [String] {
        guard !examples.isEmpty else { return [] }
        let marker = "@@cbtriage-docs-example-end@@"
        var script = "status=0\n"
        for example in examples {
            script += "(exit $status); { \(example.command); } 2>&1; status=$?; echo \(marker)\n"
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script]
        process.currentDirectoryURL = EndToEnd.packageRoot
        var environment = EndToEnd.pinnedEnvironment
        environment["PATH"] = EndToEnd.binary.deletingLastPathComponent().path + ":/usr/bin:/bin"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        var parts = String(decoding: data, as: UTF8.self).components(separatedBy: marker + "\n")
        parts.removeLast()
        XCTAssertEqual(parts.count, examples.count, "every example ran to its end")
        return parts
    }
}

/// One `$ command` and the output the document shows for it.
struct ConsoleExample {
    var command: String
    var expected: [String]
    var line: Int

    /// `… (the rest: …)`, at the margin or indented as the output around it: the document shows no more.
    static func isElision(_ line: String) -> Bool {
        let trimmed = line.drop { $0 == " " }
        return trimmed.hasPrefix("… (") || trimmed.hasPrefix("…(")
    }

    /// nil when `actual` is what the document shows; otherwise the first difference. Lines before an elision
    /// must begin the output, lines after it end it.
    func mismatch(_ actual: String) -> String? {
        var lines = actual.components(separatedBy: "\n")
        // Trailing blank lines are not shown in a document (the parser drops them from examples too).
        while lines.last == "" { lines.removeLast() }
        let cut = expected.firstIndex(where: Self.isElision)
        let head = Array(expected[..<(cut ?? expected.count)])
        let tail = cut.map { Array(expected[($0 + 1)...]) } ?? []
        if cut == nil, lines.count != head.count {
            if let problem = firstDifference(head, Array(lines.prefix(head.count)), from: 0, actual: actual) { return problem }
            return "\(lines.count - head.count) lines more than the document shows\n--- actual:\n\(actual)"
        }
        guard lines.count >= head.count + tail.count else {
            return "output has \(lines.count) lines, the document at least \(head.count + tail.count)\n--- actual:\n\(actual)"
        }
        return firstDifference(head, Array(lines.prefix(head.count)), from: 0, actual: actual)
            ?? firstDifference(tail, Array(lines.suffix(tail.count)), from: lines.count - tail.count, actual: actual)
    }

    private func firstDifference(_ documented: [String], _ printed: [String], from start: Int, actual: String) -> String? {
        for (offset, line) in documented.enumerated() {
            guard offset < printed.count else { return "output ends before: \(line)\n--- actual:\n\(actual)" }
            if printed[offset] != line {
                return "line \(start + offset + 1) differs\n  document: \(line)\n  actual:   \(printed[offset])\n--- actual:\n\(actual)"
            }
        }
        return nil
    }
}

/// A ```console block of a Markdown document.
struct ConsoleBlock {
    var line: Int
    var examples: [ConsoleExample]
    var notRerunReason: String?

    static func blocks(in text: String) -> [ConsoleBlock] {
        let lines = text.components(separatedBy: "\n")
        var blocks: [ConsoleBlock] = []
        var index = 0
        while index < lines.count {
            guard lines[index] == "```console" else { index += 1; continue }
            let previous = lines[..<index].last { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? ""
            var reason: String?
            if previous.hasPrefix("<!-- not re-run:"), previous.hasSuffix("-->") {
                reason = String(previous.dropFirst("<!-- not re-run:".count).dropLast(3))
                    .trimmingCharacters(in: .whitespaces)
            }
            var block = ConsoleBlock(line: index + 1, examples: [], notRerunReason: reason)
            index += 1
            while index < lines.count, lines[index] != "```" {
                if lines[index].hasPrefix("$ ") {
                    let command = String(lines[index].dropFirst(2))
                    // `# …` after a command is a remark for the reader.
                    let bare = command.range(of: "   #").map { String(command[..<$0.lowerBound]) } ?? command
                    block.examples.append(ConsoleExample(command: bare.trimmingCharacters(in: .whitespaces),
                                                         expected: [], line: index + 1))
                } else if !block.examples.isEmpty {
                    block.examples[block.examples.count - 1].expected.append(lines[index])
                }
                index += 1
            }
            // A blank line that only separates two commands is not output.
            for position in block.examples.indices {
                while block.examples[position].expected.last == "" { block.examples[position].expected.removeLast() }
            }
            blocks.append(block)
            index += 1
        }
        return blocks
    }
}
