/// A command the agent announced (`Running command TEXT` on line `line`), as the parser meets it: the sink
/// hears of it before the line itself, so it need not recognise the line again.
public struct CommandStart: Equatable, Sendable {
    public var position: CommandPosition
    /// The text after `Running command `, trimmed of blanks and a CRLF log's `\r`, as printed on that one line (the model's
    /// `Command.text` also gathers the continuation lines of a multi-line script).
    public var text: String
    public var line: Int

    public init(position: CommandPosition, text: String, line: Int) {
        self.position = position
        self.text = text
        self.line = line
    }
}

/// A phase context line of the log (`Phase context status code: CODE Message: M` on line `line`), already
/// split; `phaseIndex` is in the parser's numbering.
public struct PhaseContextEvent: Equatable, Sendable {
    public var phaseIndex: Int
    /// Nil when the agent printed an empty code (a phase that went well).
    public var code: String?
    public var message: String?
    public var line: Int

    public init(phaseIndex: Int, code: String?, message: String?, line: Int) {
        self.phaseIndex = phaseIndex
        self.code = code
        self.message = message
        self.line = line
    }

    /// The line the agent prints for a phase context, for a context known only from CodeBuild's build record:
    /// rules are written for that line, so a record's context is matched as the agent would have printed it.
    public static func agentLine(code: String, message: String?) -> String {
        "Phase context status code: \(code)" + (message.map { " Message: " + $0 } ?? "")
    }
}
