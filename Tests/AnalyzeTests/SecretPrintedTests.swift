import Analyze
import Parse
import XCTest

/// Credentials a command printed are findings of their own (credential-leak), listed after the root cause and
/// never it, and their values never reach a report.
final class SecretPrintedTests: XCTestCase {
    private let secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
    private let githubToken = "ghp_1234567890abcdefghijklmnopqrstuvwxyzAB"

    private func diagnosis() throws -> Diagnosis {
        let build = ScriptedBuild()
        build.phase("BUILD", status: .failed)
        build.command("env", exit: 0)
        build.output("AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE", "AWS_SECRET_ACCESS_KEY=\(secret)")
        build.command("git clone https://x-access-token:\(githubToken)@github.com/acme/app.git", exit: 0)
        build.command("./deploy.sh", exit: 1)
        build.output("./deploy.sh: line 3: terraform: command not found")
        build.agent("Command did not exit successfully ./deploy.sh exit status 127")
        build.agent("Phase complete: BUILD State: FAILED")
        build.finish(status: .failed)
        return build.diagnose(try CompiledCatalog(rules: BuiltinCatalog.rules)).0
    }

    func testPrintedCredentialsAreFindingsButNeverTheRootCause() throws {
        let diagnosis = try diagnosis()
        XCTAssertEqual(diagnosis.rootCause?.category, .commandNotFound)
        let leaks = diagnosis.findings.filter { $0.category == .credentialLeak }.map(\.ruleId)
        XCTAssertEqual(Set(leaks), ["aws-secret-key-in-log", "access-token-in-log"])
        // Listed right after the root cause.
        XCTAssertEqual(diagnosis.findings.dropFirst().prefix(2).map(\.category), [.credentialLeak, .credentialLeak])
    }

    func testUnexpandedAndMaskedValuesAreNotLeaks() throws {
        let build = ScriptedBuild()
        build.output("aws configure set aws_secret_access_key $AWS_SECRET_ACCESS_KEY",
                     "secret_key     ****************EKEY shared-credentials-file",
                     "echo \"//registry.npmjs.org/:_authToken=${NPM_TOKEN}\" > .npmrc")
        let findings = build.diagnose(try CompiledCatalog(rules: BuiltinCatalog.rules)).0.findings
        XCTAssertFalse(findings.contains { $0.category == .credentialLeak }, "\(findings.map(\.ruleId))")
    }
}
