import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
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

    /// Larger than any rule file a person writes; stops `/dev/zero` or a log passed by mistake.
    static let maximumSize = 16 << 20

    /// The file's bytes, or an `unreadable` error with a short, true reason: `/dev/null` is an empty
    /// file (read as such), not "permission denied" as Foundation's reader said.
    private static func read(path: String) throws -> Data {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            switch code {
            case ENOENT, ENOTDIR: throw RuleFileError.unreadable(file: path, reason: "no such file")
            case EACCES, EPERM: throw RuleFileError.unreadable(file: path, reason: "permission denied")
            default: throw RuleFileError.unreadable(file: path, reason: String(cString: strerror(code)))
            }
        }
        defer { _ = close(fd) }
        var status = stat()
        if fstat(fd, &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
            throw RuleFileError.unreadable(file: path, reason: "is a directory")
        }
        var data = Data()
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            #if canImport(Glibc)
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            #else
            let count = chunk.withUnsafeMutableBytes { Darwin.read(fd, $0.baseAddress, $0.count) }
            #endif
            if count < 0 {
                if errno == EINTR { continue }
                let reason = errno == EISDIR ? "is a directory" : String(cString: strerror(errno))
                throw RuleFileError.unreadable(file: path, reason: reason)
            }
            if count == 0 { return data }
            data.append(contentsOf: chunk[0..<count])
            if data.count > maximumSize {
                throw RuleFileError(file: path, problem: "larger than \(maximumSize >> 20) MiB; not a rule file")
            }
        }
    }

    static func reason(_ error: Error) -> String {
        if let error = error as? LocalizedError, let description = error.errorDescription { return description }
        return String(describing: error).split(whereSeparator: \.isNewline).first.map(String.init) ?? "unknown error"
    }
}
