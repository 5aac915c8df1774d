import Foundation

/// Markdown rendered as GitHub renders it (CommonMark and GFM tables, with markdown-it-py) by
/// `Tests/Support/markdown_check.py`, and what that rendering showed.
public struct MarkdownCheck: Decodable {
    /// Entities shown as text: `&lt;` written where `<` was meant.
    public var doubleEscaped: Int
    /// Code spans or blocks whose text shows an entity literally.
    public var codeWithEntity: [String]
    public var detailsOpen: Int
    public var detailsClose: Int
    public var fencesOpened: Int
    public var fencesClosed: Int
    /// Raw HTML tags other than the report's own `<details>` and `<summary>`.
    public var htmlTags: [String]
    public var characters: Int

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public static func render(_ markdown: String) throws -> MarkdownCheck {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: MotoServer.findExecutable("python3") ?? "/usr/bin/python3")
        process.arguments = [root.appendingPathComponent("Support/markdown_check.py").path]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Write from another thread: a large document would fill the pipe while the script's output waits.
        let data = Data(markdown.utf8)
        let writer = Thread {
            input.fileHandleForWriting.write(data)
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let answer = output.fileHandleForReading.readDataToEndOfFile()
        let problems = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "markdown_check.py failed (is markdown-it-py installed? `make deps`): "
                          + String(decoding: problems, as: UTF8.self))
        }
        return try JSONDecoder().decode(MarkdownCheck.self, from: answer)
    }
}
