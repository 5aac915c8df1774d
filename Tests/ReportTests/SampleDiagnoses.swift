import Analyze
import Fetch
import Foundation
import Parse

/// Hand-built diagnoses covering what renderers must show: a failed build with a root cause and a
/// second finding, a succeeded build, a partial (truncated) input, and a failure no rule explains.
enum SampleDiagnoses {
    static let t0 = Date(timeIntervalSince1970: 1_709_719_200) // 2024-03-06T10:00:00Z
    static let clock = Date(timeIntervalSince1970: 1_709_726_400) // 2024-03-06T12:00:00Z

    static func at(_ seconds: Double) -> Date { t0.addingTimeInterval(seconds) }

    static func phases(failingAt failing: String?, status: PhaseStatus = .failed) -> [Phase] {
        var result: [Phase] = []
        var clock = 0.0
        let lengths: [String: Double] = ["DOWNLOAD_SOURCE": 4, "INSTALL": 31, "PRE_BUILD": 7, "BUILD": 192,
                                         "POST_BUILD": 12, "UPLOAD_ARTIFACTS": 1, "FINALIZING": 0.4]
        var line = 10
        for name in ["DOWNLOAD_SOURCE", "INSTALL", "PRE_BUILD", "BUILD", "POST_BUILD", "UPLOAD_ARTIFACTS", "FINALIZING"] {
            let length = lengths[name] ?? 1
            let isFailing = name == failing
            var phase = Phase(name: name, status: isFailing ? status : .succeeded, startTime: at(clock),
                              endTime: at(clock + length), firstLine: line, lastLine: line + 9)
            if isFailing {
                phase.contextCode = "COMMAND_EXECUTION_ERROR"
                phase.contextMessage = "Error while executing command: docker push $REPO:$TAG. Reason: exit status 1"
            }
            if name == "POST_BUILD" {
                phase.commands = [Command(text: "docker push $REPO:$TAG", line: line + 1, outputFirstLine: line + 2,
                                          outputLastLine: line + 6, exitStatus: isFailing ? 1 : 0, startTime: at(clock))]
            }
            result.append(phase)
            clock += length
            line += 10
        }
        return result
    }

    static let ecrExpired = Finding(
        ruleId: "ecr-auth-token-expired", category: .ecrAuthExpired, title: "ECR login token expired",
        severity: .error, confidence: 0.92,
        explanation: "docker push ran more than 12 hours after aws ecr get-login-password: ECR login tokens last 12 hours, so the registry refused the push.",
        remediation: "Log in to ECR in the same phase as the push (aws ecr get-login-password | docker login --username AWS --password-stdin 123456789012.dkr.ecr.us-east-1.amazonaws.com).",
        docURL: "https://docs.aws.amazon.com/AmazonECR/latest/userguide/registry_auth.html",
        evidence: [Evidence(line: NumberedLine(number: 56, text: "denied: Your authorization token has expired. Reauthenticate and try again."),
                            before: [NumberedLine(number: 54, text: "The push refers to repository [123456789012.dkr.ecr.us-east-1.amazonaws.com/web]"),
                                     NumberedLine(number: 55, text: "5f70bf18a086: Preparing")],
                            after: [NumberedLine(number: 57, text: "[Container] 2024/03/06 10:04:06.100000 Command did not exit successfully docker push $REPO:$TAG exit status 1")],
                            phase: "POST_BUILD", command: "docker push $REPO:$TAG")],
        occurrences: 1, captures: ["registry": "123456789012.dkr.ecr.us-east-1.amazonaws.com"])

    static let leakedKey = Finding(
        ruleId: "aws-secret-key-in-log", category: .credentialLeak, title: "AWS secret access key printed to the log",
        severity: .critical, confidence: 0.6,
        explanation: "A line looks like an AWS secret access key; it was redacted here but is in the stored log.",
        remediation: "Rotate the key, and stop echoing environment variables (set +x around secrets).",
        docURL: nil,
        evidence: [Evidence(line: NumberedLine(number: 23, text: "AWS_SECRET_ACCESS_KEY=[REDACTED]"), phase: "INSTALL", command: "env | sort")],
        occurrences: 3)

    static func failedBuild() -> Diagnosis {
        let phases = phases(failingAt: "POST_BUILD")
        let model = BuildModel(
            metadata: BuildMetadata(project: "web", buildId: "web:2f1c0d6e-0b9c-4a77-9a55-3d3c8f1e2a10", buildNumber: 412,
                                    status: .failed, sourceVersion: "1a2b3c4d", startTime: at(0), endTime: at(247.4),
                                    initiator: "codepipeline/web-release"),
            phases: phases, status: .failed, firstFailingPhase: 4, firstFailingCommand: CommandPosition(phase: 4, command: 0),
            totalLines: 80)
        let outcome = ReadOutcome(shape: .raw, completeness: .complete, bytesRead: 6_123, linesRead: 80)
        return Diagnosis(source: SourceInfo(name: "logs/web/build-412.log", outcome: outcome), build: model,
                         findings: [ecrExpired, leakedKey], rootCause: ecrExpired)
    }

    static func succeededBuild() -> Diagnosis {
        let model = BuildModel(phases: phases(failingAt: nil), status: .succeeded, totalLines: 70)
        let outcome = ReadOutcome(shape: .cloudwatchExport, completeness: .complete, bytesRead: 4_000, linesRead: 70)
        return Diagnosis(source: SourceInfo(name: "logs/api/ok.log", outcome: outcome), build: model, findings: [], rootCause: nil)
    }

    static func partialBuild() -> Diagnosis {
        let unclassified = Finding(
            ruleId: "unclassified", category: .unclassified, title: "npm ci exited with status 1",
            severity: .error, confidence: 0.3,
            explanation: "No known pattern matched; these are the failing command's error-looking lines.",
            remediation: "Read the command's output around the lines shown.", docURL: nil,
            evidence: [Evidence(line: NumberedLine(number: 33, text: "npm ERR! code E401 `npm` said <no>"),
                                phase: "INSTALL", command: "npm ci\nnpm run build")],
            occurrences: 1)
        let model = BuildModel(phases: [Phase(name: "INSTALL", status: .failed)], status: .failed, firstFailingPhase: 0,
                               totalLines: 33, endsAbruptly: true)
        let outcome = ReadOutcome(shape: .raw, completeness: .partial(reason: "gzip stream truncated", byteOffset: 20_480),
                                  bytesRead: 20_480, linesRead: 33)
        return Diagnosis(source: SourceInfo(name: "logs/api/cut.log.gz", outcome: outcome), build: model,
                         findings: [unclassified], rootCause: unclassified)
    }
}
