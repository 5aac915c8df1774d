import Foundation
import Yams

/// Users' own rules, in YAML, in the same schema as the built-in `Rule` (see docs/rules-schema.md).
///
/// The file is a mapping with a `rules:` list (or a bare list). Every problem is reported with the
/// file, line and column of the offending node: YAML syntax errors from Yams' marks, schema errors
/// from the node's own mark. Unknown keys and unknown values are rejected with the allowed ones listed.
public enum RuleFile {
    public static func load(path: String) throws -> [Rule] {
        let data = try read(path: path)
        guard let text = String(data: data, encoding: .utf8) else {
            throw RuleFileError(file: path, problem: "the rule file is not UTF-8 text")
        }
        return try parse(yaml: text, file: path)
    }

    /// Parses rule YAML; `file` names it in errors.
    public static func parse(yaml: String, file: String) throws -> [Rule] {
        if let exceeded = YAMLAliasBudget.check(yaml) {
            throw RuleFileError(file: file, line: exceeded.line, column: exceeded.column,
                                problem: "alias *\(exceeded.anchor) expands the document past "
                                    + "\(YAMLAliasBudget.maximumNodes) nodes (a YAML alias bomb?); refused")
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw syntaxError(error, file: file)
        } catch {
            throw RuleFileError(file: file, problem: "YAML error: \(reason(error))")
        }
        guard let root else { throw RuleFileError(file: file, problem: "the file is empty; expected `rules:` with a list of rules") }
        let list: Node.Sequence
        if let mapping = root.mapping {
            try RuleNodeReader(file: file).rejectUnknownKeys(mapping, allowed: ["rules"], at: root)
            guard let rulesNode = mapping["rules"], let sequence = rulesNode.sequence else {
                throw RuleFileError(file: file, line: root.mark?.line, column: root.mark?.column,
                                    problem: "expected `rules:` with a list of rules")
            }
            list = sequence
        } else if let sequence = root.sequence {
            list = sequence
        } else {
            throw RuleFileError(file: file, line: root.mark?.line, column: root.mark?.column,
                                problem: "expected `rules:` with a list of rules")
        }
        let reader = RuleNodeReader(file: file)
        var rules: [Rule] = []
        var seen: [String: Int] = [:]
        for node in list {
            let rule = try reader.rule(from: node)
            if let earlier = seen[rule.id] {
                throw reader.error(at: node, "rule id \(rule.id) is already used by the rule at line \(earlier)")
            }
            seen[rule.id] = node.mark?.line ?? 0
            rules.append(rule)
        }
        return rules
    }

    private static func syntaxError(_ error: YamlError, file: String) -> RuleFileError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
             .composer(_, let problem, let mark, _):
            return RuleFileError(file: file, line: mark.line, column: mark.column, problem: "YAML syntax error: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return RuleFileError(file: file, line: context.mark.line, column: context.mark.column,
                                 problem: "duplicate key \(duplicates.joined(separator: ", "))")
        default:
            return RuleFileError(file: file, problem: "YAML error: \(reason(error))")
        }
    }

    /// The file's bytes, or an `unreadable` error with a short reason instead of Foundation's multi-field
    /// `Error Domain=NSCocoaErrorDomain Code=260 …` description.
    private static func read(path: String) throws -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw RuleFileError.unreadable(file: path, reason: "no such file")
        }
        if isDirectory.boolValue { throw RuleFileError.unreadable(file: path, reason: "is a directory") }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch let error as CocoaError where error.code == .fileReadNoPermission {
            throw RuleFileError.unreadable(file: path, reason: "permission denied")
        } catch let error as CocoaError where error.code == .fileReadNoSuchFile {
            throw RuleFileError.unreadable(file: path, reason: "no such file")
        } catch {
            throw RuleFileError.unreadable(file: path, reason: "read failed")
        }
    }

    static func reason(_ error: Error) -> String {
        if let error = error as? LocalizedError, let description = error.errorDescription { return description }
        return String(describing: error).split(whereSeparator: \.isNewline).first.map(String.init) ?? "unknown error"
    }
}
