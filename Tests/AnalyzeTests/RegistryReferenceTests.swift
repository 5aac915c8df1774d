import Analyze
import Parse
import XCTest

/// The registry-URI checks judge only references Docker received, tokenized as Docker reads them, and
/// report every defect of every reference; the pushed-not-tagged check names both references.
final class RegistryReferenceTests: XCTestCase {
    private func findings(_ lines: String...) throws -> [Finding] {
        let build = ScriptedBuild()
        for line in lines { build.output(line) }
        return build.diagnose(try CompiledCatalog(rules: [])).0.findings
    }

    func testPostersRedactionsAndPlaceholdersAreNotDefects() throws {
        let redacted = [
            "The push refers to repository [XXXXXXXXXXXX.dkr.ecr.us-east-1.amazonaws.com/app]",
            "The push refers to repository [xxxxxxxxxxxx.dkr.ecr.eu-west-1.amazonaws.com/app]",
            "The push refers to repository [<account-id>.dkr.ecr.us-east-1.amazonaws.com/app]",
            "The push refers to repository [<CUT>.dkr.ecr.us-east-1.amazonaws.com/app]",
            "The push refers to repository [*censored*.dkr.ecr.us-east-1.amazonaws.com/app]",
            "The push refers to repository [**SUBACCOUNT**.dkr.ecr.us-east-1.amazonaws.com/app]",
            "Error response from daemon: Get \"https://aws_account_id.dkr.ecr.region.amazonaws.com/v2/\": no such host",
            "The push refers to repository [123456789012.dkr.ecr.<region>.amazonaws.com/app]",
            "Error parsing reference: \"123456789012.dkr.ecr.us-east-1.amazonaws.com/<repo>:<tag>\" is not valid",
            // Counting to nine or to zero, or one digit repeated: typed as a pattern, not a value.
            "The push refers to repository [123456789.dkr.ecr.us-east-1.amazonaws.com/app]",
            "The push refers to repository [1234567890.dkr.ecr.us-east-1.amazonaws.com/app]",
            "The push refers to repository [000000000000.dkr.ecr.us-east-1.amazonaws.com/app]",
        ]
        for line in redacted {
            XCTAssertEqual(try findings(line).map(\.ruleId).filter { $0.hasPrefix("ecr-uri") }, [], line)
        }
    }

    func testTyposOfRealIdsStayDefects() throws {
        for account in ["12345678901", "435345345", "3453523626"] {
            XCTAssertEqual(try findings("The push refers to repository [\(account).dkr.ecr.us-east-1.amazonaws.com/app]")
                .map(\.ruleId), ["ecr-uri-invalid-account"], account)
        }
    }

    func testOnlyReferencesDockerReceivedAreJudged() throws {
        let notDocker = [
            "echo Pushing the image to 1234.dkr.ecr.us-east-1.amazonaws.com/app",
            "\"repositoryUri\": \"1234.dkr.ecr.us-east-1.amazonaws.com/app\",",
            "REPOSITORY_URI=1234.dkr.ecr.us-east-1.amazonaws.com/app",
            "arn:aws:ecr:us-east01:123456789012:repository/app pushed via 1234.dkr.ecr.us-east01.amazonaws.com",
        ]
        for line in notDocker {
            XCTAssertEqual(try findings(line).map(\.ruleId).filter { $0.hasPrefix("ecr-uri") }, [], line)
        }
        XCTAssertEqual(try findings("+ docker push 1234.dkr.ecr.us-east-1.amazonaws.com/app:latest").map(\.ruleId),
                       ["ecr-uri-invalid-account"])
    }

    func testSentencePunctuationIsNotATag() throws {
        XCTAssertEqual(try findings("An image does not exist locally with the tag: 123456789012.dkr.ecr.us-east-1.amazonaws.com/app.")
            .map(\.ruleId).filter { $0.hasPrefix("ecr-uri") }, [])
        XCTAssertEqual(try findings("tag does not exist: 123456789012.dkr.ecr.us-east-1.amazonaws.com/app:")
            .map(\.ruleId).filter { $0.hasPrefix("ecr-uri") }, [])
        // Inside quotes a trailing colon is what Docker received: an empty tag.
        XCTAssertEqual(try findings("Error parsing reference: \"123456789012.dkr.ecr.us-east-1.amazonaws.com/app:\" is not a valid repository/tag")
            .map(\.ruleId), ["ecr-uri-unset-variable"])
    }

    func testEveryDefectOfEveryReferenceIsAFindingOfItsOwn() throws {
        let ids = try findings(
            "+ docker tag app:latest 435345345.dkr.ecr.us-east01.amazonaws.com/app:latest",
            "+ docker push 3453523626.dkr.ecr.us-east-1.amazonaws.com/app:latest"
        ).map { "\($0.ruleId) \($0.captures["account"] ?? $0.captures["region"] ?? "")" }
        XCTAssertEqual(Set(ids), ["ecr-uri-invalid-account 435345345", "ecr-uri-invalid-region us-east01",
                                  "ecr-uri-invalid-account 3453523626"])
    }

    func testPushOfAReferenceThatWasNeverTaggedNamesBoth() throws {
        let build = ScriptedBuild()
        build.phase("BUILD")
        build.command("docker tag myimagerepo:latest 435345345.dkr.ecr.us-east01.amazonaws.com/myimagerepo:latest")
        build.phase("POST_BUILD", status: .failed)
        build.command("docker push 3453523626.dkr.ecr.us-east-1.amazonaws.com/myimagerepo:latest", exit: 1)
        build.output("The push refers to repository [3453523626.dkr.ecr.us-east-1.amazonaws.com/myimagerepo]",
                     "An image does not exist locally with the tag: 3453523626.dkr.ecr.us-east-1.amazonaws.com/myimagerepo")
        build.finish(status: .failed)
        let diagnosis = build.diagnose(try CompiledCatalog(rules: BuiltinCatalog.rules)).0
        let root = try XCTUnwrap(diagnosis.rootCause)
        XCTAssertEqual(root.ruleId, "docker-push-reference-not-tagged")
        XCTAssertEqual(root.category, .imageTagMismatch)
        XCTAssertTrue(root.explanation.contains("435345345.dkr.ecr.us-east01.amazonaws.com/myimagerepo:latest"), root.explanation)
        XCTAssertTrue(root.explanation.contains("3453523626.dkr.ecr.us-east-1.amazonaws.com/myimagerepo:latest"), root.explanation)
        XCTAssertTrue(root.explanation.contains("account id differs"), root.explanation)
        XCTAssertTrue(root.explanation.contains("region differs"), root.explanation)
        let others = Set(diagnosis.findings.dropFirst().compactMap { finding -> String? in
            guard finding.ruleId.hasPrefix("ecr-uri") else { return nil }
            return "\(finding.ruleId) \(finding.captures["account"] ?? finding.captures["region"] ?? "")"
        })
        XCTAssertEqual(others, ["ecr-uri-invalid-account 435345345", "ecr-uri-invalid-region us-east01",
                                "ecr-uri-invalid-account 3453523626"])
    }
}
