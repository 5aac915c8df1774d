import Fetch
import Parse

/// A line of the log shown to the user, already redacted.
public struct NumberedLine: Codable, Equatable, Sendable {
    public var number: Int
    public var text: String
    public init(number: Int, text: String) {
        self.number = number
        self.text = text
    }
}

/// Where an evidence line was read.
public enum EvidenceOrigin: String, Codable, Sendable {
    /// A line of the build log; `line.number` is its position.
    case log
    /// A phase's context message in CodeBuild's own build record (`BatchGetBuilds`), for a phase the log
    /// does not cover; `line.number` is 0 and `phase` names the phase.
    case codebuildAPI = "codebuild-api"
}

/// One place in the log that supports a finding, with a little context around it.
public struct Evidence: Codable, Equatable, Sendable {
    public var line: NumberedLine
    public var before: [NumberedLine]
    public var after: [NumberedLine]
    public var phase: String?
    /// The text of the command whose output held this line.
    public var command: String?
    public var origin: EvidenceOrigin

    public init(line: NumberedLine, before: [NumberedLine] = [], after: [NumberedLine] = [],
                phase: String? = nil, command: String? = nil, origin: EvidenceOrigin = .log) {
        self.line = line
        self.before = before
        self.after = after
        self.phase = phase
        self.command = command
        self.origin = origin
    }

    private enum CodingKeys: String, CodingKey { case line, before, after, phase, command, origin }

    // Diagnoses encoded before `origin` existed decode as log evidence.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        line = try container.decode(NumberedLine.self, forKey: .line)
        before = try container.decodeIfPresent([NumberedLine].self, forKey: .before) ?? []
        after = try container.decodeIfPresent([NumberedLine].self, forKey: .after) ?? []
        phase = try container.decodeIfPresent(String.self, forKey: .phase)
        command = try container.decodeIfPresent(String.self, forKey: .command)
        origin = try container.decodeIfPresent(EvidenceOrigin.self, forKey: .origin) ?? .log
    }

    /// How renderers label the line: its number in the log, or the CodeBuild phase record it came from.
    public var placeLabel: String {
        switch origin {
        case .log: return String(line.number)
        case .codebuildAPI: return "CodeBuild \(phase ?? "phase"):"
        }
    }
}

/// One diagnosed problem: a rule (or a check) that fired, with its evidence.
public struct Finding: Codable, Equatable, Sendable {
    public var ruleId: String
    public var category: Category
    public var title: String
    public var severity: Severity
    /// 0...1: how sure the engine is that this is the cause (position, scope, specificity).
    public var confidence: Double
    /// Explanation and remediation with captured values filled in (and redacted).
    public var explanation: String
    public var remediation: String
    public var docURL: String?
    /// The first few places it fired; `occurrences` counts all of them.
    public var evidence: [Evidence]
    public var occurrences: Int
    public var captures: [String: String]
    /// From a rule marked as a generic symptom (`exit status 1`, `COMMAND_EXECUTION_ERROR`): the text report
    /// folds such findings into the root cause's evidence unless asked for everything.
    public var isGenericSymptom: Bool

    public init(ruleId: String, category: Category, title: String, severity: Severity, confidence: Double,
                explanation: String, remediation: String, docURL: String?, evidence: [Evidence],
                occurrences: Int, captures: [String: String] = [:], isGenericSymptom: Bool = false) {
        self.ruleId = ruleId
        self.category = category
        self.title = title
        self.severity = severity
        self.confidence = confidence
        self.explanation = explanation
        self.remediation = remediation
        self.docURL = docURL
        self.evidence = evidence
        self.occurrences = occurrences
        self.captures = captures
        self.isGenericSymptom = isGenericSymptom
    }

    private enum CodingKeys: String, CodingKey {
        case ruleId, category, title, severity, confidence, explanation, remediation, docURL, evidence, occurrences,
             captures, isGenericSymptom
    }

    // Diagnoses encoded before `isGenericSymptom` existed decode as specific findings.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        ruleId = try container.decode(String.self, forKey: .ruleId)
        category = try container.decode(Category.self, forKey: .category)
        title = try container.decode(String.self, forKey: .title)
        severity = try container.decode(Severity.self, forKey: .severity)
        confidence = try container.decode(Double.self, forKey: .confidence)
        explanation = try container.decode(String.self, forKey: .explanation)
        remediation = try container.decode(String.self, forKey: .remediation)
        docURL = try container.decodeIfPresent(String.self, forKey: .docURL)
        evidence = try container.decode([Evidence].self, forKey: .evidence)
        occurrences = try container.decode(Int.self, forKey: .occurrences)
        captures = try container.decodeIfPresent([String: String].self, forKey: .captures) ?? [:]
        isGenericSymptom = try container.decodeIfPresent(Bool.self, forKey: .isGenericSymptom) ?? false
    }
}

/// Where the log came from and whether all of it was read.
public struct SourceInfo: Codable, Equatable, Sendable {
    public var name: String
    public var shape: InputShape
    public var partial: Bool
    public var partialReason: String?
    public var damageByteOffset: Int64?
    public var bytesRead: Int64
    public var linesRead: Int

    public init(name: String, outcome: ReadOutcome) {
        self.name = name
        self.shape = outcome.shape
        self.bytesRead = outcome.bytesRead
        self.linesRead = outcome.linesRead
        switch outcome.completeness {
        case .complete:
            partial = false
        case .partial(let reason, let offset):
            partial = true
            partialReason = reason
            damageByteOffset = offset
        }
    }
}

/// A rule whose pattern ran out of its matching budget on some lines: those lines were not decided
/// for it (a pathological pattern or line, reported rather than waited for).
public struct SkippedRule: Codable, Equatable, Sendable {
    public var ruleId: String
    public var lines: Int
    public var firstLine: Int

    public init(ruleId: String, lines: Int, firstLine: Int) {
        self.ruleId = ruleId
        self.lines = lines
        self.firstLine = firstLine
    }
}

/// The finished analysis of one build: everything a renderer needs, nothing it must compute.
public struct Diagnosis: Codable, Equatable, Sendable {
    public var source: SourceInfo
    public var build: BuildModel
    /// Ranked, most likely cause first. Excludes nothing: the root cause is `findings[0]` when any fired.
    public var findings: [Finding]
    /// The most likely cause; an `unclassified` finding (failing command and its error-looking
    /// lines as evidence) when no rule fits a failed build; nil for a build that did not fail.
    public var rootCause: Finding?
    /// Rules left undecided on some lines because their pattern exceeded its budget; usually empty.
    public var skipped: [SkippedRule]
    /// The comparison with a baseline build (`--baseline`); nil without one.
    public var baseline: BaselineComparison?

    public init(source: SourceInfo, build: BuildModel, findings: [Finding], rootCause: Finding?,
                skipped: [SkippedRule] = [], baseline: BaselineComparison? = nil) {
        self.source = source
        self.build = build
        self.findings = findings
        self.rootCause = rootCause
        self.skipped = skipped
        self.baseline = baseline
    }
}
