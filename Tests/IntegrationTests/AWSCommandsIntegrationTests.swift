import Foundation
import XCTest

/// The AWS commands end to end: the built `cbtriage` binary, real SigV4 over libcurl, a real moto_server
/// with signature checking on.
final class AWSCommandsIntegrationTests: MotoIntegrationTestCase {
    func testFetchWritesEverySeededEventAcrossManyPages() throws {
        let failing = try moto.stream("failing")
        let result = try run(["fetch", "--group", failing.group, "--stream", failing.stream,
                                     "--page-size", "100"] + endpointArguments, environment: goodKeys)
        XCTAssertEqual(result.status, 0, result.stderr)
        let expected = try moto.expectedLog("failing")
        XCTAssertEqual(result.stdout.split(separator: "\n", omittingEmptySubsequences: false).count - 1,
                       SeededMoto.failingEvents)
        XCTAssertEqual(result.stdout, expected)
    }

    func testFetchTimeRangeSelectsEvents() throws {
        // Seeded events are stamped from one hour ago onwards, a millisecond apart.
        let passing = try moto.stream("passing")
        let inverted = try run(["fetch", "--group", passing.group, "--stream", passing.stream, "--start", "2h",
                                  "--end", "2024-01-01T00:00:00Z"] + endpointArguments, environment: goodKeys)
        // An end before the start is a usage error, found before any request (issue 15).
        XCTAssertEqual(inverted.status, 64, inverted.stderr)
        XCTAssertEqual(inverted.stderr, "cbtriage: --start must be before --end (see 'cbtriage --help')\n")
        XCTAssertEqual(inverted.stdout, "")
        let recent = try run(["fetch", "--group", passing.group, "--stream", passing.stream, "--start", "2h"]
                                    + endpointArguments, environment: goodKeys)
        XCTAssertEqual(recent.stdout, try moto.expectedLog("passing"))
        let future = try run(["fetch", "--group", passing.group, "--stream", passing.stream, "--end", "3h"]
                                    + endpointArguments, environment: goodKeys)
        XCTAssertEqual(future.status, 0, future.stderr)
        XCTAssertEqual(future.stdout, "")
    }

    func testFetchByBuildFindsTheDefaultLogLocationAndWritesAFile() throws {
        let passing = try moto.stream("passing")
        let result = try run(["fetch", "--build", passing.buildId, "-o", "passing.log"] + endpointArguments,
                                    environment: goodKeys)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "")
        let written = try String(contentsOf: work.appendingPathComponent("passing.log"), encoding: .utf8)
        XCTAssertEqual(written, try moto.expectedLog("passing"))
    }

    func testBuildDiagnosesTheSeededFailureFromItsLog() throws {
        let failing = try moto.stream("failing")
        let result = try run(["build", failing.buildId, "--page-size", "500", "--format", "json"]
                                    + endpointArguments, environment: goodKeys)
        XCTAssertEqual(result.status, 0, result.stderr)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any],
                                 result.stdout)
        let report = try XCTUnwrap((json["builds"] as? [[String: Any]])?.first, result.stdout)
        let build = try XCTUnwrap(report["build"] as? [String: Any])
        XCTAssertEqual(build["buildId"] as? String, failing.buildId)
        XCTAssertEqual(build["project"] as? String, moto.manifest.project)
        XCTAssertEqual(build["logGroup"] as? String, failing.group)
        XCTAssertEqual(build["logStream"] as? String, failing.stream)
        let input = try XCTUnwrap(report["input"] as? [String: Any])
        XCTAssertEqual(input["shape"] as? String, "cloudwatch-logs-api")
        XCTAssertEqual(input["linesRead"] as? Int, SeededMoto.failingEvents)
        XCTAssertEqual(input["partial"] as? Bool, false)
        // moto says SUCCEEDED and repeats its phases: the log is the evidence.
        XCTAssertEqual(report["failingPhase"] as? String, "POST_BUILD")
        let phases = (report["phases"] as? [[String: Any]])?.compactMap { $0["name"] as? String } ?? []
        XCTAssertEqual(phases.filter { $0 == "BUILD" }.count, 1, "\(phases)")
        XCTAssertEqual(Array(phases.prefix(3)), ["SUBMITTED", "QUEUED", "PROVISIONING"])
        let rootCause = try XCTUnwrap(report["rootCause"] as? [String: Any], "no root cause: \(result.stdout)")
        XCTAssertEqual(rootCause["category"] as? String, "ecr-auth-expired")
    }

    func testBuildPrintsTheTextReportByDefault() throws {
        let failing = try moto.stream("failing")
        let result = try run(["build", failing.buildId] + endpointArguments, environment: goodKeys)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("POST_BUILD"), result.stdout)
        XCTAssertTrue(result.stdout.contains(failing.buildId), result.stdout)
    }

    func testAWrongSecretKeyIsAClearAuthenticationError() throws {
        let failing = try moto.stream("failing")
        var keys = goodKeys
        keys["AWS_SECRET_ACCESS_KEY"] = "wrong" + (keys["AWS_SECRET_ACCESS_KEY"] ?? "")
        let result = try run(["build", failing.buildId] + endpointArguments, environment: keys)
        XCTAssertNotEqual(result.status, 0)
        XCTAssertEqual(result.stdout, "")
        XCTAssertTrue(result.stderr.contains("SignatureDoesNotMatch"), result.stderr)
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr)
    }

    func testAnUnknownBuildIsAClearNotFoundError() throws {
        let missing = "\(moto.manifest.project):00000000-0000-4000-8000-000000000000"
        let result = try run(["build", missing] + endpointArguments, environment: goodKeys)
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("unknown build: \(missing)"), result.stderr)
    }

    func testAnUnknownStreamIsAClearNotFoundError() throws {
        let failing = try moto.stream("failing")
        let result = try run(["fetch", "--group", failing.group, "--stream", "no-such-stream"]
                                    + endpointArguments, environment: goodKeys)
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("log group/stream not found: \(failing.group) / no-such-stream"),
                      result.stderr)
    }

    func testBuildsListsTheSeededBuilds() throws {
        let failing = try moto.stream("failing")
        let passing = try moto.stream("passing")
        let table = try run(["builds", "--project", moto.manifest.project] + endpointArguments,
                                   environment: goodKeys)
        XCTAssertEqual(table.status, 0, table.stderr)
        XCTAssertTrue(table.stdout.hasPrefix("BUILD ID"), table.stdout)
        XCTAssertTrue(table.stdout.contains(failing.buildId), table.stdout)
        XCTAssertTrue(table.stdout.contains(passing.buildId), table.stdout)

        let json = try run(["builds", "--project", moto.manifest.project, "--format", "json"]
                                  + endpointArguments, environment: goodKeys)
        XCTAssertEqual(json.status, 0, json.stderr)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let ids = (object["builds"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
        XCTAssertEqual(Set(ids), [failing.buildId, passing.buildId])
        XCTAssertEqual(object["schemaVersion"] as? Int, 1)
    }

    func testSecretsNeverAppearInOutputErrorsOrFiles() throws {
        let failing = try moto.stream("failing")
        let secretMarker = "SECRETMARKERx9f3k2"
        let tokenMarker = "TOKENMARKERq8w7e6"
        let markers = ["AWS_ACCESS_KEY_ID": moto.manifest.credentials.accessKeyId,
                       "AWS_SECRET_ACCESS_KEY": secretMarker, "AWS_SESSION_TOKEN": tokenMarker]
        let runs: [[String]] = [
            ["fetch", "--group", failing.group, "--stream", failing.stream, "-o", "out.log.gz", "--verbose"],
            ["build", failing.buildId, "--verbose"],
            ["builds", "--project", moto.manifest.project, "--verbose"],
            ["build", "\(moto.manifest.project):00000000-0000-4000-8000-000000000000"],
        ]
        for arguments in runs {
            let result = try run(arguments + endpointArguments, environment: markers)
            XCTAssertNotEqual(result.status, 0, "a marker secret must not authenticate: \(arguments)")
            for marker in [secretMarker, tokenMarker] {
                XCTAssertFalse(result.everything.contains(marker), "\(arguments) printed a secret: \(result.everything)")
            }
        }
        // A run that succeeds, verbose, must not print the real secret either.
        let realSecret = moto.manifest.credentials.secretAccessKey
        let verbose = try run(["build", failing.buildId, "--verbose"] + endpointArguments, environment: goodKeys)
        XCTAssertEqual(verbose.status, 0, verbose.stderr)
        XCTAssertFalse(verbose.everything.contains(realSecret))
        XCTAssertTrue(verbose.stderr.contains("credentials: "), verbose.stderr)

        let files = try FileManager.default.contentsOfDirectory(atPath: work.path)
        for file in files {
            let data = (try? Data(contentsOf: work.appendingPathComponent(file))) ?? Data()
            for marker in [secretMarker, tokenMarker] {
                XCTAssertNil(data.range(of: Data(marker.utf8)), "\(file) holds a secret")
            }
        }
    }
}
