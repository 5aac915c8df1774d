import Foundation

/// What one agent message means for the build's structure. Wording checked against real logs
/// quoted in public issue threads (e.g. aws/copilot-cli#2780, aws-samples/amazon-eks-cicd-codebuild#180,
/// nathanpeck/socket.io-chat-fargate#9 for the older `Success: true|false` form).
enum AgentMessage: Equatable {
    /// `Entering phase BUILD`
    case enteringPhase(String)
    /// `Phase is DOWNLOAD_SOURCE`: the first phase of a build, announced instead of entered.
    case phaseIs(String)
    /// `Running command npm ci`
    case runningCommand(String)
    /// `Command did not exit successfully npm ci exit status 1`
    case commandFailed(command: String, exitStatus: Int?)
    /// `Phase complete: BUILD State: FAILED`, or the older `Phase complete: BUILD Success: false`.
    case phaseComplete(name: String, status: PhaseStatus)
    /// `Phase context status code: COMMAND_EXECUTION_ERROR Message: Error while executing …`
    case phaseContext(code: String?, message: String?)
    /// A line the agent prints only at the very start of a build (`Waiting for agent ping`,
    /// `Running on CodeBuild On-demand`, `Waiting for DOWNLOAD_SOURCE`).
    case buildStart
    /// Any other agent line (`YAML location is …`, `Processing environment variables`,
    /// `Selecting 'nodejs' runtime version …`, `Moving to directory …`, `Expanding base directory
    /// path`, `Assembling file list`, `Registering with agent`, `Phases found in YAML: 4`, …):
    /// an agent line with no effect on the structure.
    case other

    static let entering = Array("Entering phase ".utf8)
    static let phaseIs = Array("Phase is ".utf8)
    static let running = Array("Running command ".utf8)
    static let failed = Array("Command did not exit successfully ".utf8)
    static let complete = Array("Phase complete: ".utf8)
    static let context = Array("Phase context status code:".utf8)
    static let startMarkers = ["Waiting for agent ping", "Running on CodeBuild", "Waiting for DOWNLOAD_SOURCE"].map { Array($0.utf8) }

    /// Classifies the message starting at `offset`. Strings are made only for the structural
    /// lines, which are few.
    static func classify(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> AgentMessage {
        guard offset < bytes.count else { return .other }
        switch bytes[offset] {
        case UInt8(ascii: "E") where ByteMatching.hasPrefix(bytes, at: offset, entering):
            return .enteringPhase(word(ByteMatching.text(bytes, from: offset + entering.count)))
        case UInt8(ascii: "R") where ByteMatching.hasPrefix(bytes, at: offset, running):
            return .runningCommand(ByteMatching.text(bytes, from: offset + running.count))
        case UInt8(ascii: "C") where ByteMatching.hasPrefix(bytes, at: offset, failed):
            return parseFailure(ByteMatching.text(bytes, from: offset + failed.count))
        case UInt8(ascii: "P"):
            if ByteMatching.hasPrefix(bytes, at: offset, complete) {
                return parseComplete(ByteMatching.text(bytes, from: offset + complete.count))
            }
            if ByteMatching.hasPrefix(bytes, at: offset, context) {
                return parseContext(ByteMatching.text(bytes, from: offset + context.count))
            }
            if ByteMatching.hasPrefix(bytes, at: offset, phaseIs) {
                return .phaseIs(word(ByteMatching.text(bytes, from: offset + phaseIs.count)))
            }
        default:
            break
        }
        for marker in startMarkers where ByteMatching.hasPrefix(bytes, at: offset, marker) {
            return .buildStart
        }
        return .other
    }

    private static func word(_ text: String) -> String {
        String(text.prefix { !$0.isWhitespace })
    }

    /// `CMD exit status N`: the command is everything before the last ` exit status `.
    private static func parseFailure(_ text: String) -> AgentMessage {
        guard let marker = text.range(of: " exit status ", options: .backwards) else {
            return .commandFailed(command: text, exitStatus: nil)
        }
        let status = Int(text[marker.upperBound...].trimmingCharacters(in: .whitespaces))
        return .commandFailed(command: String(text[..<marker.lowerBound]), exitStatus: status)
    }

    /// `NAME State: STATUS` or `NAME Success: true|false`.
    private static func parseComplete(_ text: String) -> AgentMessage {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard let name = parts.first else { return .other }
        var status = PhaseStatus.unknown
        if parts.count >= 3 && parts[1] == "State:" {
            status = PhaseStatus(rawValue: String(parts[2])) ?? .unknown
        } else if parts.count >= 3 && parts[1] == "Success:" {
            status = parts[2] == "true" ? .succeeded : parts[2] == "false" ? .failed : .unknown
        }
        return .phaseComplete(name: String(name), status: status)
    }

    /// ` CODE Message: MESSAGE`; an empty code or message (a phase that went well) is nil.
    private static func parseContext(_ text: String) -> AgentMessage {
        var code = text
        var message = ""
        if let marker = text.range(of: "Message:") {
            code = String(text[..<marker.lowerBound])
            message = String(text[marker.upperBound...])
        }
        let trimmedCode = code.trimmingCharacters(in: .whitespaces)
        let trimmedMessage = message.trimmingCharacters(in: .whitespaces)
        return .phaseContext(code: trimmedCode.isEmpty ? nil : trimmedCode,
                             message: trimmedMessage.isEmpty ? nil : trimmedMessage)
    }
}
