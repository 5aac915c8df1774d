import Analyze
import Fetch
import Foundation
import Parse
import XCTest

/// A build fetched from AWS has CodeBuild's phase records merged into the parsed model, which puts
/// SUBMITTED, QUEUED and PROVISIONING in front of the log's phases. The diagnosis must not change:
/// the same lines rank the same way whether or not the API's phases were merged in.
final class APIMergedRankingTests: XCTestCase {
    private func recordedBuild(_ name: String) throws -> CodeBuildBuild {
        let url = FixtureFiles.root.appendingPathComponent("codebuild-api/\(name).json")
        let response = try JSONDecoder().decode(BatchGetBuildsResponse.self, from: Data(contentsOf: url))
        return try XCTUnwrap(response.builds?.first)
    }

    func testMergingTheAPIPhasesKeepsEveryFixturesRootCause() throws {
        let catalog = try CompiledCatalog(rules: BuiltinCatalog.rules)
        let apiBuild = try recordedBuild("post-build-docker-push-failed")
        var compared = 0
        for name in ["disk-full-docker-build", "go-test-failure", "ecr-auth-expired-push", "two-failures-first-wins",
                     "pytest-failure-after-noise"] {
            let path = FixtureFiles.root.appendingPathComponent("logs/\(name).log").path
            let plain = try diagnose(LocalLogSource(path: path), catalog: catalog)
            let merged = try diagnose(LocalLogSource(path: path), catalog: catalog) { model in
                APIBuildMerge.merge(apiBuild, into: &model)
            }
            XCTAssertGreaterThan(merged.build.phases.count, plain.build.phases.count, "\(name): the merge added no phase")
            XCTAssertEqual(merged.rootCause?.ruleId, plain.rootCause?.ruleId, name)
            XCTAssertEqual(merged.rootCause?.confidence, plain.rootCause?.confidence, name)
            compared += 1
        }
        XCTAssertEqual(compared, 5)
    }
}
