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
        let result = try PythonRun.run([root.appendingPathComponent("Support/markdown_check.py").path],
                                       input: Data(markdown.utf8))
        guard result.status == 0 else {
            throw Failure(description: "markdown_check.py failed (is markdown-it-py installed? `make deps`): "
                          + String(decoding: result.errors, as: UTF8.self))
        }
        return try JSONDecoder().decode(MarkdownCheck.self, from: result.output)
    }
}
