import Analyze
import Parse
import XCTest

final class ChecksTests: XCTestCase {
    private func diagnose(_ build: ScriptedBuild) throws -> Diagnosis {
        build.diagnose(try CompiledCatalog(rules: [])).0
    }

    func testUnsetRegionVariableIsNamedFromTheCommandText() throws {
        let build = ScriptedBuild()
        build.phase("POST_BUILD", status: .failed)
        build.command("docker push $AWS_ACCOUNT_ID.dkr.ecr.$AWS_DEFAULT_REGION.amazonaws.com/$IMAGE_REPO_NAME:$IMAGE_TAG", exit: 1)
        build.output("Error parsing reference: \"123456789012.dkr.ecr..amazonaws.com/my-app:latest\" is not a valid repository/tag: invalid reference format")
        build.finish(status: .failed)
        let root = try XCTUnwrap(try diagnose(build).rootCause)
        XCTAssertEqual(root.ruleId, "ecr-uri-unset-variable")
        XCTAssertEqual(root.category, .registryURIInvalid)
        XCTAssertEqual(root.captures["variable"], "$AWS_DEFAULT_REGION")
        XCTAssertEqual(root.captures["piece"], "region")
        XCTAssertTrue(root.remediation.contains("Set $AWS_DEFAULT_REGION"), root.remediation)
    }

    func testTheWordWithTheEmptyPieceIsBlamedNotAnEarlierAllVariableWord() throws {
        // `docker tag SOURCE TARGET`: the source word is only variables and "aligns" with anything; the empty
        // region sits in the target word.
        let build = ScriptedBuild()
        build.phase("BUILD", status: .failed)
        build.command("docker tag $IMAGE_REPO_NAME:$IMAGE_TAG $AWS_ACCOUNT_ID.dkr.ecr.$ECR_REGION.amazonaws.com/$IMAGE_REPO_NAME:$IMAGE_TAG", exit: 1)
        build.output("Error parsing reference: \"123456789012.dkr.ecr..amazonaws.com/inventory:3f9c2ab\" is not a valid repository/tag: invalid reference format")
        build.finish(status: .failed)
        let root = try XCTUnwrap(try diagnose(build).rootCause)
        XCTAssertEqual(root.ruleId, "ecr-uri-unset-variable")
        XCTAssertEqual(root.captures["variable"], "$ECR_REGION")
    }

    func testUnsetTagAndBracedVariablesAndRepositoryOnlyOutput() throws {
        let build = ScriptedBuild()
        build.phase("POST_BUILD", status: .failed)
        build.command("docker push ${REPOSITORY_URI}:${IMAGE_TAG}", exit: 1)
        build.output("Error parsing reference: \"123456789012.dkr.ecr.eu-west-1.amazonaws.com/my-app:\" is not a valid repository/tag: invalid reference format")
        build.finish(status: .failed)
        XCTAssertEqual(try diagnose(build).rootCause?.captures["variable"], "$IMAGE_TAG")

        let second = ScriptedBuild()
        second.phase("POST_BUILD", status: .failed)
        second.command("docker push $AWS_ACCOUNT_ID.dkr.ecr.$AWS_DEFAULT_REGION.amazonaws.com/$IMAGE_REPO_NAME:$IMAGE_TAG", exit: 1)
        second.output("The push refers to repository [.dkr.ecr.us-east-1.amazonaws.com/my-app]")
        second.finish(status: .failed)
        XCTAssertEqual(try diagnose(second).rootCause?.captures["variable"], "$AWS_ACCOUNT_ID")
    }

    func testVariableHoldingTheWholeURIIsBlamedForItsEmptyPart() throws {
        let build = ScriptedBuild()
        build.phase("POST_BUILD", status: .failed)
        build.command("docker push $REPOSITORY_URI:latest", exit: 1)
        build.output("The push refers to repository [123456789012.dkr.ecr..amazonaws.com/my-app]")
        build.finish(status: .failed)
        XCTAssertEqual(try diagnose(build).rootCause?.captures["variable"], "the value of $REPOSITORY_URI")
    }

    func testInvalidPiecesEachHaveTheirOwnRule() throws {
        let cases: [(String, String)] = [
            ("[123456789012.dkr.ecr.us-east01.amazonaws.com/app]", "ecr-uri-invalid-region"),
            ("[123456789012.dkr.ecr.eu-west-9.amazonaws.com/app]", "ecr-uri-invalid-region"),
            ("[1234.dkr.ecr.us-east-1.amazonaws.com/app]", "ecr-uri-invalid-account"),
            ("[123456789012.dkr.ecr.cn-north-1.amazonaws.com/app]", "ecr-uri-invalid-host"),
            ("[123456789012.dkr.ecr.us-east-1.amazonaws.com.cn/app]", "ecr-uri-invalid-host"),
            ("[123456789012.dkr.ecr.us-east-1.amazonaws.com/App]", "ecr-uri-invalid-repository"),
            ("[123456789012.dkr.ecr.us-east-1.amazonaws.com/a]", "ecr-uri-invalid-repository"),
            ("123456789012.dkr.ecr.us-east-1.amazonaws.com/app:.hidden", "ecr-uri-invalid-tag"),
        ]
        for (text, expected) in cases {
            let build = ScriptedBuild()
            build.output("The push refers to repository " + text)
            XCTAssertEqual(try diagnose(build).findings.map(\.ruleId), [expected], text)
        }
        let valid = ScriptedBuild()
        valid.output("The push refers to repository [123456789012.dkr.ecr-fips.us-gov-west-1.amazonaws.com/team/app_1:v1.0]",
                     "Login Succeeded to 123456789012.dkr.ecr.cn-northwest-1.amazonaws.com.cn")
        XCTAssertEqual(try diagnose(valid).findings, [])
    }

    func testLoginToOneRegistryAndPushToAnotherNamesBoth() throws {
        let build = ScriptedBuild()
        build.phase("PRE_BUILD")
        build.command("aws ecr get-login-password --region us-east-1 | docker login --username AWS --password-stdin 111111111111.dkr.ecr.us-east-1.amazonaws.com")
        build.output("Login Succeeded")
        build.phase("POST_BUILD", status: .failed)
        build.command("docker push 111111111111.dkr.ecr.eu-west-1.amazonaws.com/app:latest", exit: 1)
        build.output("The push refers to repository [111111111111.dkr.ecr.eu-west-1.amazonaws.com/app]",
                     "no basic auth credentials")
        build.finish(status: .failed)
        let root = try XCTUnwrap(try diagnose(build).rootCause)
        XCTAssertEqual(root.ruleId, "ecr-login-registry-mismatch")
        XCTAssertEqual(root.captures["loginRegistry"], "111111111111.dkr.ecr.us-east-1.amazonaws.com")
        XCTAssertEqual(root.captures["pushRegistry"], "111111111111.dkr.ecr.eu-west-1.amazonaws.com")
        XCTAssertTrue(root.explanation.contains("us-east-1") && root.explanation.contains("eu-west-1"))
        XCTAssertEqual(root.evidence.first?.line.number, 7)
    }

    func testCheckRulesAreListedWithExamples() {
        let rules = CheckKind.builtinRules
        XCTAssertEqual(Set(rules.map(\.id)).count, rules.count)
        XCTAssertTrue(rules.allSatisfy { !$0.triggering.isEmpty && !$0.nonTriggering.isEmpty })
        XCTAssertTrue(rules.contains { $0.category == .credentialLeak && $0.severity == .critical })
    }
}

final class RuleSetLoadingTests: XCTestCase {
    func testFullBuiltinSetCompilesWithCheckRulesStayingChecks() throws {
        let set = try RuleSet.loading(userRuleFiles: [repositoryRoot.appendingPathComponent("docs/examples/my-rules.yaml").path])
        XCTAssertTrue(set.rules.contains { $0.id == "ecr-uri-unset-variable" })
        XCTAssertTrue(set.rules.contains { $0.id == "flaky-integration-db" })
        XCTAssertEqual(set.overridden, [])
        let catalog = try CompiledCatalog(rules: set.rules)
        let build = ScriptedBuild()
        // A valid registry: as a pattern rule the check's bare `.dkr.ecr` literal would have fired.
        build.output("The push refers to repository [123456789012.dkr.ecr.us-east-1.amazonaws.com/app]")
        XCTAssertEqual(build.diagnose(catalog).0.findings, [])
    }
}
