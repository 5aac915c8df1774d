import Foundation
import TestSupport
import XCTest

/// The deployment templates under deploy/: `cfn-lint` (from PyPI, `make deps`) finds nothing in any of them, and
/// what they must say is said: every rule takes only failed builds and leaves out the runner's own project, the
/// Lambda function's concurrency is capped, the runner's inline buildspec is deploy/codebuild-runner/buildspec.yml.
final class DeployTemplateTests: XCTestCase {
    private var templates: [URL] {
        get throws {
            let deploy = EndToEnd.packageRoot.appendingPathComponent("deploy")
            let found = try XCTUnwrap(FileManager.default.enumerator(at: deploy, includingPropertiesForKeys: nil))
                .compactMap { $0 as? URL }.filter { $0.pathExtension == "yaml" }
            return found.sorted { $0.path < $1.path }
        }
    }

    private func python(_ code: String, _ arguments: [String]) throws -> PythonRun.Result {
        try PythonRun.run(["-c", code] + arguments, input: Data())
    }

    func testCfnLintFindsNothingInAnyTemplate() throws {
        let files = try templates.map(\.path)
        XCTAssertEqual(files.count, 4, "\(files)")
        let lint = try python("import sys; from cfnlint.runner import main; sys.exit(main())", ["--format", "parseable"] + files)
        XCTAssertNotEqual(lint.status, 1, "cfn-lint is missing (make deps): \(String(decoding: lint.errors, as: UTF8.self))")
        XCTAssertEqual(lint.status, 0, String(decoding: lint.output + lint.errors, as: UTF8.self))
        XCTAssertEqual(String(decoding: lint.output, as: UTF8.self), "")
    }

    /// Each template as cfn-lint reads it (short-form tags become `{"Ref": …}` objects).
    private func decoded(_ url: URL) throws -> [String: Any] {
        let code = "import json, sys; from cfnlint.decode import decode; t, m = decode(sys.argv[1]); "
            + "sys.exit(str(m)) if m else print(json.dumps(t))"
        let result = try python(code, [url.path])
        XCTAssertEqual(result.status, 0, String(decoding: result.errors, as: UTF8.self))
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: result.output) as? [String: Any])
    }

    private func resources(_ template: [String: Any], type: String) -> [[String: Any]] {
        ((template["Resources"] as? [String: [String: Any]]) ?? [:]).values
            .filter { $0["Type"] as? String == type }.compactMap { $0["Properties"] as? [String: Any] }
    }

    func testEveryRuleTakesFailedBuildsButNeverTheRunnersOwn() throws {
        var patterns: [[String: Any]] = []
        for url in try templates {
            let template = try decoded(url)
            patterns += resources(template, type: "AWS::Events::Rule").compactMap { $0["EventPattern"] as? [String: Any] }
            for function in resources(template, type: "AWS::Serverless::Function") {
                for event in (function["Events"] as? [String: [String: Any]] ?? [:]).values {
                    if let pattern = (event["Properties"] as? [String: Any])?["Pattern"] as? [String: Any] { patterns.append(pattern) }
                }
            }
        }
        XCTAssertEqual(patterns.count, 3, "the member account's forwarding rule, the Lambda's and the runner's")
        for pattern in patterns {
            XCTAssertEqual(pattern["source"] as? [String], ["aws.codebuild"])
            XCTAssertEqual(pattern["detail-type"] as? [String], ["CodeBuild Build State Change"])
            let detail = try XCTUnwrap(pattern["detail"] as? [String: Any])
            XCTAssertEqual(detail["build-status"] as? [String], ["FAILED", "FAULT", "TIMED_OUT"])
            let project = try XCTUnwrap(detail["project-name"] as? [[String: Any]], "\(detail)")
            XCTAssertNotNil(project.first?["anything-but"], "\(detail)")
        }
    }

    func testTheLambdaFunctionsConcurrencyIsCappedAndItMayOnlyAssumeTheReadRole() throws {
        let url = EndToEnd.packageRoot.appendingPathComponent("deploy/lambda/template.yaml")
        let function = try XCTUnwrap(resources(try decoded(url), type: "AWS::Serverless::Function").first)
        XCTAssertEqual(function["Runtime"] as? String, "provided.al2023")
        XCTAssertEqual(function["Handler"] as? String, "bootstrap")
        XCTAssertNotNil(function["ReservedConcurrentExecutions"])
        let statements = try XCTUnwrap(((function["Policies"] as? [[String: Any]])?.first?["Statement"]) as? [[String: Any]])
        XCTAssertEqual(statements.compactMap { $0["Action"] as? String }, ["sts:AssumeRole"])
    }

    func testTheRunnersInlineBuildspecIsBuildspecYml() throws {
        let directory = EndToEnd.packageRoot.appendingPathComponent("deploy/codebuild-runner")
        let project = try XCTUnwrap(resources(try decoded(directory.appendingPathComponent("template.yaml")),
                                              type: "AWS::CodeBuild::Project").first)
        let inline = try XCTUnwrap((project["Source"] as? [String: Any])?["BuildSpec"] as? String)
        XCTAssertEqual(inline, try String(contentsOf: directory.appendingPathComponent("buildspec.yml"), encoding: .utf8))
        XCTAssertTrue(inline.contains(#"cbtriage build "$FAILED_BUILD" --format slack --post-env CBTRIAGE_WEBHOOK"#))
    }
}
