import Foundation
import XCTest

/// Build logs kept only in S3, and diagnoses stored as data (`--out`, `summary --from`), end to end: the built
/// binary, SigV4 over libcurl, moto_server with signature checking on (S3 included), through the tests' fault
/// proxy where BatchGetBuilds must say what moto does not (that a build logged only to S3).
final class S3IntegrationTests: FaultProxyTestCase {
    private var seed: SeededMoto.S3LogsSeed { moto.manifest.s3Logs }

    /// moto answers every build with CloudWatch Logs ENABLED and S3 logs DISABLED, whatever the project says:
    /// the proxy puts the S3-only `logs` CodeBuild would report into the BatchGetBuilds answers.
    private func reportS3Only(_ buildId: String, location: String? = nil, arn: String? = nil) throws {
        var logs: [String: Any] = ["cloudWatchLogs": ["status": "DISABLED"],
                                   "s3Logs": ["status": "ENABLED", "location": location ?? seed.location]]
        if let arn { logs["s3LogsArn"] = arn }
        try proxy.overrideBuild(buildId, fields: ["logs": logs])
    }

    private var viaProxy: [String] { ["--endpoint-url", proxy.endpoint, "--region", "us-east-1"] }

    private func json(_ text: String) throws -> [String: Any] {
        try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], text)
    }

    private func expectedCategory(_ fixture: String) throws -> String? {
        let url = EndToEnd.packageRoot.appendingPathComponent("Fixtures/logs/\(fixture).expected.json")
        return (try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])?["rootCause"] as? String
    }

    func testAnS3OnlyBuildIsDiagnosedFromItsGzipObject() throws {
        try reportS3Only(seed.buildId)
        let result = try run(["build", seed.buildId, "--format", "json"] + viaProxy, environment: keys)
        XCTAssertEqual(result.status, 0, result.stderr)
        let build = try XCTUnwrap((try json(result.stdout)["builds"] as? [[String: Any]])?.first)
        let input = try XCTUnwrap(build["input"] as? [String: Any])
        XCTAssertEqual(input["name"] as? String, "s3://\(seed.bucket)/\(seed.key)")
        XCTAssertEqual(input["partial"] as? Bool, false)
        XCTAssertGreaterThan(input["linesRead"] as? Int ?? 0, 50, "the gzip object was inflated and read")
        let cause = try XCTUnwrap(build["rootCause"] as? [String: Any], result.stdout)
        XCTAssertEqual(cause["category"] as? String, try expectedCategory(seed.fixture))
        XCTAssertFalse(result.everything.contains(moto.manifest.credentials.secretAccessKey))
    }

    func testFetchWritesTheLogOfAnS3OnlyBuild() throws {
        try reportS3Only(seed.buildId)
        let result = try run(["fetch", "--build", seed.buildId] + viaProxy, environment: keys)
        XCTAssertEqual(result.status, 0, result.stderr)
        let fixture = try String(contentsOf: EndToEnd.packageRoot.appendingPathComponent("Fixtures/logs/\(seed.fixture).log"),
                                 encoding: .utf8)
        XCTAssertEqual(result.stdout, fixture.hasSuffix("\n") ? fixture : fixture + "\n")
        let bounded = try run(["fetch", "--build", seed.buildId, "--start", "2h"] + viaProxy, environment: keys)
        XCTAssertEqual(bounded.status, 64, bounded.stderr)
    }

    func testTheS3LogsArnNamesTheObjectItself() throws {
        // The location points at a prefix holding nothing: only the ARN leads to the object.
        try reportS3Only(seed.buildId, location: "\(seed.bucket)/elsewhere",
                         arn: "arn:aws:s3:::\(seed.bucket)/\(seed.key)")
        let result = try run(["build", seed.buildId, "--format", "json"] + viaProxy, environment: keys)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("s3://\(seed.bucket)/\(seed.key)"), result.stdout)
    }

    func testAMissingLogObjectOrBucketIsAnUnreadableInput() throws {
        try reportS3Only(seed.missingBuildId)
        let missingKey = try run(["build", seed.missingBuildId] + viaProxy, environment: keys)
        XCTAssertEqual(missingKey.status, 66, missingKey.stderr)
        XCTAssertTrue(missingKey.stderr.contains("NoSuchKey"), missingKey.stderr)

        try reportS3Only(seed.buildId, location: "cbtriage-no-such-bucket/logs")
        let missingBucket = try run(["build", seed.buildId] + viaProxy, environment: keys)
        XCTAssertEqual(missingBucket.status, 66, missingBucket.stderr)
        XCTAssertTrue(missingBucket.stderr.contains("NoSuchBucket"), missingBucket.stderr)
    }

    func testS3RefusesAWrongSignature() throws {
        var wrong = keys
        wrong["AWS_SECRET_ACCESS_KEY"] = "not-the-secret-of-this-key-000000"
        let result = try run(["summary", "--from", "s3://\(seed.resultsBucket)/", "--since", "24h"] + endpointArguments,
                             environment: wrong)
        XCTAssertEqual(result.status, 77, result.stderr)
        XCTAssertTrue(result.stderr.contains("SignatureDoesNotMatch"), result.stderr)
        XCTAssertFalse(result.everything.contains("not-the-secret-of-this-key-000000"))
    }

    /// The summary without what differs between two runs by design: when each was made and its window's bounds.
    private func comparable(_ text: String) throws -> [String: Any] {
        var object = try json(text)
        for key in ["generatedAt", "windowStart", "windowEnd"] {
            XCTAssertNotNil(object[key], "\(key) missing from \(text.prefix(300))")
            object[key] = nil
        }
        return object
    }

    private func assertStoredSummaryEqualsLive(out: String, from: String) throws {
        let projects = ["--project", "summary-b", "--project", moto.manifest.scale.project]
        let live = try run(["summary", "--since", "24h", "--include-succeeded", "--jobs", "4", "--format", "json",
                            "--out", out] + projects + endpointArguments, environment: keys)
        XCTAssertEqual(live.status, 0, live.stderr)
        let stored = try run(["summary", "--from", from, "--since", "24h", "--format", "json"] + projects
                             + endpointArguments, environment: keys)
        XCTAssertEqual(stored.status, 0, stored.stderr)
        let liveSummary = try comparable(live.stdout)
        XCTAssertEqual(liveSummary["buildsAnalysed"] as? Int, 2 + moto.manifest.scale.buildIds.count, live.stdout)
        XCTAssertEqual(NSDictionary(dictionary: try comparable(stored.stdout)), NSDictionary(dictionary: liveSummary),
                       "stored:\n\(stored.stdout)\nlive:\n\(live.stdout)")

        let liveText = try run(["summary", "--since", "24h", "--include-succeeded", "--jobs", "4"] + projects
                               + endpointArguments, environment: keys)
        let storedText = try run(["summary", "--from", from, "--since", "24h"] + projects + endpointArguments,
                                 environment: keys)
        let withoutWindow = { (text: String) in text.split(separator: "\n").filter { !$0.hasPrefix("window ") } }
        XCTAssertEqual(withoutWindow(storedText.stdout), withoutWindow(liveText.stdout), storedText.stdout)
    }

    func testStoredResultsInADirectoryMakeTheSameSummaryAsALiveRun() throws {
        let directory = work.appendingPathComponent("results").path
        try assertStoredSummaryEqualsLive(out: directory, from: directory)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory)
        XCTAssertEqual(names.count, 2 + moto.manifest.scale.buildIds.count, "\(names)")
        XCTAssertTrue(names.allSatisfy { $0.hasPrefix("arn_aws_codebuild_us-east-1_") && $0.hasSuffix(".json") }, "\(names)")
        // One document per file, on one line: what Athena's JSON SerDe reads.
        let first = try String(contentsOfFile: (directory as NSString).appendingPathComponent(names[0]), encoding: .utf8)
        XCTAssertEqual(first.filter { $0 == "\n" }.count, 1)
    }

    /// With --windows the trends too: the same counts per window, bounds aside.
    func testStoredResultsMakeTheSameTrends() throws {
        let directory = work.appendingPathComponent("trends").path
        let common = ["--project", "summary-b", "--since", "24h", "--windows", "3", "--format", "json"] + endpointArguments
        let live = try run(["summary", "--include-succeeded", "--out", directory] + common, environment: keys)
        XCTAssertEqual(live.status, 0, live.stderr)
        let stored = try run(["summary", "--from", directory] + common, environment: keys)
        XCTAssertEqual(stored.status, 0, stored.stderr)
        func withoutBounds(_ text: String) throws -> NSDictionary {
            var object = try comparable(text)
            var trends = try XCTUnwrap(object["trends"] as? [String: Any], text)
            XCTAssertEqual((trends["windows"] as? [Any])?.count, 3)
            trends["windows"] = nil
            object["trends"] = trends
            return NSDictionary(dictionary: object)
        }
        XCTAssertEqual(try withoutBounds(stored.stdout), try withoutBounds(live.stdout), stored.stdout)
    }

    func testStoredResultsInS3MakeTheSameSummaryAsALiveRun() throws {
        // The bucket's root: moto 5 checks a ListObjectsV2 signature wrongly when the prefix has a `/` (boto3's
        // own requests fail the same way), so a prefix like nightly/ cannot be listed on moto.
        let uri = "s3://\(seed.resultsBucket)/"
        try assertStoredSummaryEqualsLive(out: uri, from: uri)
    }

    func testBuildOutStoresTheDiagnosisInS3UnderAPrefix() throws {
        try reportS3Only(seed.buildId)
        let result = try run(["build", seed.buildId, "--quiet", "--out", "s3://\(seed.resultsBucket)/single/"] + viaProxy,
                             environment: keys)
        XCTAssertEqual(result.status, 0, result.stderr)
        // Read back through the same SigV4 path (GetObject, which moto checks correctly under a prefix).
        let again = try run(["build", seed.buildId, "--quiet", "--out", "s3://\(seed.resultsBucket)/single/"] + viaProxy,
                            environment: keys)
        XCTAssertEqual(again.status, 0, "same build, same key: replaced\n\(again.stderr)")
    }

    func testAnOutFileAboutAnotherBuildIsNeverOverwritten() throws {
        let directory = work.appendingPathComponent("local").path
        let log = EndToEnd.packageRoot.appendingPathComponent("Fixtures/logs/\(seed.fixture).log").path
        let first = try run(["analyze", log, "--quiet", "--out", directory], environment: [:])
        XCTAssertEqual(first.status, 0, first.stderr)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory)
        XCTAssertEqual(names.count, 1, "\(names)")
        let path = (directory as NSString).appendingPathComponent(names[0])
        let rerun = try run(["analyze", log, "--quiet", "--out", directory], environment: [:])
        XCTAssertEqual(rerun.status, 0, "the same build's result is replaced\n\(rerun.stderr)")

        try Data("{\"not\": \"a diagnosis\"}\n".utf8).write(to: URL(fileURLWithPath: path))
        let refused = try run(["analyze", log, "--quiet", "--out", directory], environment: [:])
        XCTAssertEqual(refused.status, 74, refused.stderr)
        XCTAssertTrue(refused.stderr.contains(path), refused.stderr)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "{\"not\": \"a diagnosis\"}\n")
    }

    func testOutToAnUnwritableDirectoryExits74() throws {
        let blocker = work.appendingPathComponent("a-file").path
        try Data("x".utf8).write(to: URL(fileURLWithPath: blocker))
        let log = EndToEnd.packageRoot.appendingPathComponent("Fixtures/logs/\(seed.fixture).log").path
        let result = try run(["analyze", log, "--quiet", "--out", blocker + "/results"], environment: [:])
        XCTAssertEqual(result.status, 74, result.stderr)
        XCTAssertTrue(result.stderr.contains("could not store the diagnosis"), result.stderr)
    }
}
