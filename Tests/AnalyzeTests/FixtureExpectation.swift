import Analyze
import Foundation
import Parse

/// One field of a fixture's expectation. A key missing from the JSON is not checked; a key present
/// with `null` demands that the diagnosis has nothing there (no root cause, no failing phase…).
enum ExpectedField<Value: Equatable>: Equatable {
    case unchecked
    case absent
    case value(Value)
}

/// What `Fixtures/.../NAME.expected.json` says the diagnosis of `NAME.log[.gz]` must be.
struct FixtureExpectation {
    /// A category id (`ecr-auth-expired`, `unclassified`), or absent for a build that did not fail.
    var rootCause: ExpectedField<String>
    var ruleId: ExpectedField<String>
    var status: ExpectedField<String>
    var failedPhase: ExpectedField<String>
    /// A substring of the first failing command's text.
    var failedCommand: ExpectedField<String>
    var partial: ExpectedField<Bool>
    /// A substring that must appear in one of the root cause's evidence lines.
    var evidenceContains: ExpectedField<String>

    struct DecodingProblem: Error, CustomStringConvertible {
        var description: String
    }

    init(contentsOf url: URL) throws {
        let data = try Data(contentsOf: url)
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw DecodingProblem(description: "\(url.lastPathComponent): not a JSON object")
        }
        let known: Set<String> = ["rootCause", "ruleId", "status", "failedPhase", "failedCommand", "partial",
                                  "evidenceContains", "note"]
        let unknown = Set(object.keys).subtracting(known)
        guard unknown.isEmpty else {
            // A misspelt key would silently turn a check off.
            throw DecodingProblem(description: "\(url.lastPathComponent): unknown keys \(unknown.sorted())")
        }
        rootCause = try Self.field(object, "rootCause", url)
        ruleId = try Self.field(object, "ruleId", url)
        status = try Self.field(object, "status", url)
        failedPhase = try Self.field(object, "failedPhase", url)
        failedCommand = try Self.field(object, "failedCommand", url)
        partial = try Self.field(object, "partial", url)
        evidenceContains = try Self.field(object, "evidenceContains", url)
    }

    private static func field<Value>(_ object: [String: Any], _ key: String,
                                     _ url: URL) throws -> ExpectedField<Value> {
        guard let raw = object[key] else { return .unchecked }
        if raw is NSNull { return .absent }
        guard let value = raw as? Value else {
            throw DecodingProblem(description: "\(url.lastPathComponent): '\(key)' has the wrong type")
        }
        return .value(value)
    }

    /// Every way `diagnosis` differs from this expectation, one readable line each.
    func mismatches(in diagnosis: Diagnosis) -> [String] {
        var problems: [String] = []
        let build = diagnosis.build
        let root = diagnosis.rootCause

        Self.compare("rootCause", rootCause, root?.category.rawValue, into: &problems)
        Self.compare("ruleId", ruleId, root?.ruleId, into: &problems)
        Self.compare("status", status, build.status.rawValue, into: &problems)
        let phaseName = build.firstFailingPhase.flatMap { index in
            build.phases.indices.contains(index) ? build.phases[index].name : nil
        }
        Self.compare("failedPhase", failedPhase, phaseName, into: &problems)
        Self.compare("partial", partial, diagnosis.source.partial, into: &problems)

        let commandText = build.firstFailingCommand.flatMap { build.command(at: $0) }?.text
        switch failedCommand {
        case .unchecked:
            break
        case .absent:
            if let commandText { problems.append("failedCommand: expected none, got \(quoted(commandText))") }
        case .value(let fragment):
            if let commandText {
                if !commandText.contains(fragment) {
                    problems.append("failedCommand: expected to contain \(quoted(fragment)), got \(quoted(commandText))")
                }
            } else {
                problems.append("failedCommand: expected to contain \(quoted(fragment)), got none")
            }
        }

        switch evidenceContains {
        case .unchecked:
            break
        case .absent:
            if let root, !root.evidence.isEmpty {
                problems.append("evidenceContains: expected no root-cause evidence, got \(root.evidence.count) lines")
            }
        case .value(let fragment):
            let lines = root?.evidence.map(\.line.text) ?? []
            if !lines.contains(where: { $0.contains(fragment) }) {
                let shown = lines.prefix(3).map(quoted).joined(separator: ", ")
                problems.append("evidenceContains: no root-cause evidence line contains \(quoted(fragment)); "
                    + "evidence was [\(shown)]")
            }
        }
        return problems
    }

    private static func compare<Value: Equatable>(_ name: String, _ expected: ExpectedField<Value>, _ actual: Value?,
                                                  into problems: inout [String]) {
        switch expected {
        case .unchecked:
            return
        case .absent:
            if let actual { problems.append("\(name): expected none, got \(actual)") }
        case .value(let value):
            if actual != value { problems.append("\(name): expected \(value), got \(actual.map { "\($0)" } ?? "none")") }
        }
    }
}

private func quoted(_ text: String) -> String {
    let oneLine = text.replacingOccurrences(of: "\n", with: "⏎")
    return "'" + (oneLine.count > 120 ? String(oneLine.prefix(117)) + "..." : oneLine) + "'"
}
