import Foundation
import Parse
import Yams

/// Turns one YAML rule node into a `Rule`, checking the schema; every error carries the node's mark.
struct RuleNodeReader {
    let file: String

    static let ruleKeys = ["id", "category", "title", "severity", "literals", "regex", "exclude", "caseInsensitive",
                           "scope", "genericSymptom", "consequence", "explanation", "remediation", "docURL", "examples"]
    static let scopeKeys = ["phases", "commandPattern"]
    static let exampleKeys = ["triggering", "nonTriggering"]
    /// Categories a rule may use: `unclassified` is the engine's own fallback.
    static let categories = Category.allCases.filter { $0 != .unclassified }

    func rule(from node: Node) throws -> Rule {
        guard let mapping = node.mapping else { throw error(at: node, "a rule must be a mapping of keys (id, category, …)") }
        try rejectUnknownKeys(mapping, allowed: Self.ruleKeys, at: node)
        let id = try string("id", in: mapping, at: node)
        guard Self.isKebabCase(id) else {
            throw error(at: mapping["id"] ?? node, "rule id \(id) must be kebab-case (lower-case letters, digits, single dashes)")
        }
        let categoryText = try string("category", in: mapping, at: node)
        guard let category = Category(rawValue: categoryText), category != .unclassified else {
            throw error(at: mapping["category"] ?? node, "unknown category \(categoryText); allowed: "
                        + Self.categories.map(\.rawValue).joined(separator: ", "))
        }
        let severityText = try string("severity", in: mapping, at: node)
        guard let severity = Severity(rawValue: severityText) else {
            throw error(at: mapping["severity"] ?? node, "unknown severity \(severityText); allowed: "
                        + Severity.allCases.map(\.rawValue).joined(separator: ", "))
        }
        let literals = try strings("literals", in: mapping, at: node)
        guard !literals.isEmpty, literals.allSatisfy({ !$0.isEmpty }) else {
            throw error(at: mapping["literals"] ?? node, "literals must list at least one non-empty string that every match contains")
        }
        let caseInsensitive = try bool("caseInsensitive", in: mapping) ?? false
        let regex = try optionalString("regex", in: mapping)
        if let regex, let regexNode = mapping["regex"] {
            try compiles(regex, caseInsensitive: caseInsensitive, at: regexNode, what: "regex", ruleId: id)
        }
        let exclude = try optionalString("exclude", in: mapping)
        if let exclude, let excludeNode = mapping["exclude"] {
            try compiles(exclude, caseInsensitive: caseInsensitive, at: excludeNode, what: "exclude", ruleId: id)
        }
        var scope: RuleScope?
        if let scopeNode = mapping["scope"] {
            guard let scopeMapping = scopeNode.mapping else { throw error(at: scopeNode, "scope must be a mapping (phases, commandPattern)") }
            try rejectUnknownKeys(scopeMapping, allowed: Self.scopeKeys, at: scopeNode)
            let phases = try strings("phases", in: scopeMapping, at: scopeNode, required: false)
            for phase in phases where !PhaseName.ordered.contains(phase.uppercased()) {
                throw error(at: scopeMapping["phases"] ?? scopeNode,
                            "unknown phase \(phase); allowed: " + PhaseName.ordered.joined(separator: ", "))
            }
            let commandPattern = try optionalString("commandPattern", in: scopeMapping)
            if let commandPattern, let patternNode = scopeMapping["commandPattern"] {
                try compiles(commandPattern, caseInsensitive: false, at: patternNode, what: "scope.commandPattern", ruleId: id)
            }
            scope = RuleScope(phases: phases.map { $0.uppercased() }, commandPattern: commandPattern)
        }
        var triggering: [String] = []
        var nonTriggering: [String] = []
        if let examplesNode = mapping["examples"] {
            guard let examples = examplesNode.mapping else {
                throw error(at: examplesNode, "examples must be a mapping (triggering, nonTriggering)")
            }
            try rejectUnknownKeys(examples, allowed: Self.exampleKeys, at: examplesNode)
            triggering = try strings("triggering", in: examples, at: examplesNode, required: false).map(Self.trimBlock)
            nonTriggering = try strings("nonTriggering", in: examples, at: examplesNode, required: false).map(Self.trimBlock)
        }
        guard !triggering.isEmpty else {
            throw error(at: mapping["examples"] ?? node, "rule \(id) needs at least one examples.triggering snippet")
        }
        return Rule(id: id, category: category, title: try string("title", in: mapping, at: node), severity: severity,
                    literals: literals, regex: regex, exclude: exclude, caseInsensitive: caseInsensitive, scope: scope,
                    isGenericSymptom: try bool("genericSymptom", in: mapping) ?? false,
                    isConsequence: try bool("consequence", in: mapping) ?? false,
                    explanation: try string("explanation", in: mapping, at: node),
                    remediation: try string("remediation", in: mapping, at: node),
                    docURL: try optionalString("docURL", in: mapping) ?? "",
                    triggering: triggering, nonTriggering: nonTriggering)
    }

    // MARK: - Typed values

    func rejectUnknownKeys(_ mapping: Node.Mapping, allowed: [String], at node: Node) throws {
        for (key, _) in mapping {
            guard let name = key.string, allowed.contains(name) else {
                throw error(at: key, "unknown key \(key.string ?? "?"); allowed: " + allowed.joined(separator: ", "))
            }
        }
    }

    private func string(_ key: String, in mapping: Node.Mapping, at node: Node) throws -> String {
        guard let value = try optionalString(key, in: mapping) else { throw error(at: node, "missing required key \(key)") }
        return value
    }

    private func optionalString(_ key: String, in mapping: Node.Mapping) throws -> String? {
        guard let value = mapping[key] else { return nil }
        guard let scalar = value.scalar else { throw error(at: value, "\(key) must be a string") }
        return scalar.string
    }

    private func bool(_ key: String, in mapping: Node.Mapping) throws -> Bool? {
        guard let value = mapping[key] else { return nil }
        guard let flag = value.bool else { throw error(at: value, "\(key) must be true or false") }
        return flag
    }

    private func strings(_ key: String, in mapping: Node.Mapping, at node: Node, required: Bool = true) throws -> [String] {
        guard let value = mapping[key] else {
            if required { throw error(at: node, "missing required key \(key)") }
            return []
        }
        if let scalar = value.scalar { return [scalar.string] }
        guard let sequence = value.sequence else { throw error(at: value, "\(key) must be a list of strings") }
        return try sequence.map { item in
            guard let scalar = item.scalar else { throw error(at: item, "\(key) must be a list of strings") }
            return scalar.string
        }
    }

    /// Refuses a pattern the linear-time engine cannot run, at the pattern's own line and column.
    private func compiles(_ pattern: String, caseInsensitive: Bool, at node: Node, what: String, ruleId: String) throws {
        do {
            _ = try LinearRegex(pattern, caseInsensitive: caseInsensitive)
        } catch let error as LinearRegex.CompileError {
            throw self.error(at: node, "rule \(ruleId): \(what) does not compile: \(error.reason)")
        }
    }

    func error(at node: Node, _ problem: String) -> RuleFileError {
        RuleFileError(file: file, line: node.mark?.line, column: node.mark?.column, problem: problem)
    }

    static func isKebabCase(_ id: String) -> Bool {
        let parts = id.split(separator: "-", omittingEmptySubsequences: false)
        return !id.isEmpty && parts.allSatisfy { part in
            !part.isEmpty && part.allSatisfy { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") }
        }
    }

    /// A block scalar (`|`) ends with a newline that is not part of the snippet.
    static func trimBlock(_ text: String) -> String {
        var result = text
        while result.hasSuffix("\n") { result.removeLast() }
        return result
    }
}
