import Foundation
import TestSupport
import XCTest

/// Drives the built binary: every exit status path, stdin, directories, JSON validity, and no backtrace
/// on any bad input. Run `swift build` first.
final class EndToEndTests: XCTestCase {
    private var inputs: URL { EndToEnd.packageRoot.appendingPathComponent("Tests/Golden/inputs") }
    private var ecrLog: String { inputs.appendingPathComponent("ecr-push-expired.log").path }
    private var okLog: String { inputs.appendingPathComponent("succeeded.log").path }

    func testAnalyzeAFileExitsZeroAndPrintsTheReportOnStdout() throws {
        let run = try EndToEnd.run([ecrLog])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("ecr-push-expired.log"), run.stdout)
        XCTAssertEqual(run.stderr, "")
        XCTAssertFalse(run.stdout.contains("\u{1B}["), "colour in a pipe")
    }

    func testMissingFileExits66WithOneLine() throws {
        let run = try EndToEnd.run(["analyze", "no/such/build.log"])
        XCTAssertEqual(run.status, 66)
        XCTAssertEqual(run.stderr, "cbtriage: no/such/build.log: no such file or directory\n")
        EndToEnd.assertNoBacktrace(run)
    }

    func testVersionNamesTheReleaseTheCommitAndTheCatalog() throws {
        let run = try EndToEnd.run(["--version"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let listed = try EndToEnd.run(["rules", "list"]).stdout.split(separator: "\n").last ?? ""
        let total = Int(listed.split(separator: " ").first ?? "") ?? -1
        let pattern = #"^cbtriage \d+\.\d+\.\d+ \(commit ([0-9a-f]{7,40}(-dirty)?|unknown); catalog: (\d+) rules, (\d+) check rules\)\n$"#
        let regex = try NSRegularExpression(pattern: pattern)
        let match = try XCTUnwrap(regex.firstMatch(in: run.stdout, range: NSRange(run.stdout.startIndex..., in: run.stdout)),
                                  run.stdout)
        let number = { (group: Int) in Int((run.stdout as NSString).substring(with: match.range(at: group))) ?? -1 }
        XCTAssertEqual(number(3) + number(4), total, "the catalog size is what rules list counts")
        // `make build` embeds the commit in a generated header; a plain `swift build` without one says unknown.
        let header = EndToEnd.packageRoot.appendingPathComponent("Sources/CBuildInfo/generated/build_commit.h")
        if let line = try? String(contentsOf: header, encoding: .utf8), let commit = line.split(separator: "\"").dropFirst().first {
            XCTAssertTrue(run.stdout.contains("(commit \(commit);"), "\(run.stdout) vs \(line)")
        } else {
            XCTAssertTrue(run.stdout.contains("(commit unknown;"), run.stdout)
        }
    }

    func testAMistypedSubcommandIsNamedNotTakenForAMissingFile() throws {
        let run = try EndToEnd.run(["analyse", "Fixtures/logs/ecr-auth-expired-push.log"])
        XCTAssertEqual(run.status, 64, run.stderr)
        XCTAssertEqual(run.stderr, "cbtriage: 'analyse' is neither a command nor a file; did you mean 'cbtriage analyze'? (see 'cbtriage --help')\n")
        XCTAssertEqual(run.stdout, "")
        let build = try EndToEnd.run(["biuld", "project:1234"])
        XCTAssertEqual(build.status, 64)
        XCTAssertTrue(build.stderr.contains("did you mean 'cbtriage build'?"), build.stderr)
        EndToEnd.assertNoBacktrace(build)
    }

    func testOneMissingAmongSeveralStillReportsTheOthers() throws {
        let run = try EndToEnd.run(["analyze", "--format", "json", ecrLog, "gone.log", okLog])
        XCTAssertEqual(run.status, 66)
        let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        XCTAssertEqual((document["builds"] as? [Any])?.count, 2)
        XCTAssertEqual((document["unreadable"] as? [[String: Any]])?.first?["input"] as? String, "gone.log")
        EndToEnd.assertErrorLines(run)
    }

    func testUsageErrorsExit64() throws {
        for arguments in [["analyze", "--no-such-flag", ecrLog], ["analyze"], [ecrLog, "--quiet", "--format", "json"],
                          ["analyze", ecrLog, "--fail-on", "fatal"]] {
            let run = try EndToEnd.run(arguments)
            XCTAssertEqual(run.status, 64, "\(arguments): \(run.stderr)")
            XCTAssertEqual(run.stderr.split(separator: "\n").count, 1, "one line for \(arguments): \(run.stderr)")
            EndToEnd.assertErrorLines(run)
            EndToEnd.assertNoBacktrace(run)
        }
    }

    func testEmptyDirectoryExits66() throws {
        let empty = try EndToEnd.scratchDirectory(for: self)
        let run = try EndToEnd.run([empty.path])
        XCTAssertEqual(run.status, 66)
        XCTAssertEqual(run.stderr, "cbtriage: \(empty.path): no .log, .txt, .gz or log-events .json files in this directory or below it\n")
    }

    func testStdin() throws {
        let log = try Data(contentsOf: URL(fileURLWithPath: ecrLog))
        let run = try EndToEnd.run(["--format", "json", "-"], stdin: log)
        XCTAssertEqual(run.status, 0, run.stderr)
        let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let build = try XCTUnwrap((document["builds"] as? [[String: Any]])?.first)
        XCTAssertEqual((build["input"] as? [String: Any])?["name"] as? String, "-")
        XCTAssertEqual((build["input"] as? [String: Any])?["linesRead"] as? Int, 30)
    }

    func testDirectoryIsOneBuildPerLog() throws {
        let run = try EndToEnd.run(["--quiet", inputs.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        let lines = run.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 2, run.stdout)
        XCTAssertTrue(lines.allSatisfy { $0.hasPrefix(self.inputs.path + "/") }, run.stdout)
    }

    func testJSONOutputIsValidAgainstTheSchema() throws {
        let run = try EndToEnd.run(["--format", "json", ecrLog, okLog, "missing.log"])
        try JSONSchemaValidation.validate(run.stdout, schema: "diagnosis.schema.json")
        let summary = try EndToEnd.run(["summary", "--format", "json", "--baseline", okLog, inputs.path])
        XCTAssertEqual(summary.status, 0, summary.stderr)
        try JSONSchemaValidation.validate(summary.stdout, schema: "summary.schema.json")
    }

    func testEveryFormatRunsOnEveryInput() throws {
        for format in ["text", "json", "markdown", "slack"] {
            for input in [ecrLog, okLog] {
                let run = try EndToEnd.run(["--format", format, input])
                XCTAssertEqual(run.status, 0, "\(format) \(input): \(run.stderr)")
                XCTAssertFalse(run.stdout.isEmpty)
                if format == "slack" || format == "json" {
                    XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)), "\(format) is not JSON")
                }
            }
        }
    }

    func testBadInputsNeverShowABacktrace() throws {
        let scratch = try EndToEnd.scratchDirectory(for: self)
        var garbage = Data((0..<65_536).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) })
        garbage.append(contentsOf: [0xFF, 0xFE, 0x00, 0x0A])
        let garbageFile = scratch.appendingPathComponent("garbage.log")
        try garbage.write(to: garbageFile)
        let fakeGzip = scratch.appendingPathComponent("fake.log.gz")
        try Data([0x1F, 0x8B, 0x08, 0x00, 0x01, 0x02]).write(to: fakeGzip)
        let longLine = scratch.appendingPathComponent("long.log")
        try Data(repeating: UInt8(ascii: "a"), count: 3_000_000).write(to: longLine)
        for arguments in [[garbageFile.path], [fakeGzip.path], [longLine.path], ["--format", "json", garbageFile.path],
                          ["summary", scratch.path], ["rules", "show", "no-such-rule"], ["rules", "test", "missing.yaml"],
                          ["analyze", scratch.path + "/"]] {
            let run = try EndToEnd.run(arguments)
            EndToEnd.assertNoBacktrace(run)
            EndToEnd.assertErrorLines(run)
        }
    }

    func testSummaryReportsTheUnreadableAndGoesOn() throws {
        let run = try EndToEnd.run(["summary", inputs.path, "missing-dir"])
        XCTAssertEqual(run.status, 66)
        XCTAssertTrue(run.stdout.contains("of 2 builds failed; 1 could not be read"), run.stdout)
        XCTAssertTrue(run.stdout.contains("missing-dir: no such file or directory"), run.stdout)
    }

    func testBrokenPipeEndsQuietly() throws {
        let scratch = try EndToEnd.scratchDirectory(for: self)
        let log = try Data(contentsOf: URL(fileURLWithPath: ecrLog))
        for index in 0..<400 { try log.write(to: scratch.appendingPathComponent("build-\(index).log")) }
        let binary = try EndToEnd.requireBinary()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", "'\(binary.path)' --format json '\(scratch.path)' | head -c 100 >/dev/null; echo \"${PIPESTATUS[0]}\""]
        process.environment = ["NO_COLOR": "1", "PATH": "/usr/bin:/bin"]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let status = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(status.trimmingCharacters(in: .whitespacesAndNewlines), "0")
        XCTAssertEqual(stderr, "")
    }

    func testTruncatedGzipIsReportedAsPartialAndExits2() throws {
        let fixture = EndToEnd.packageRoot.appendingPathComponent("Fixtures/logs/truncated-gzip-auth-expired.log.gz").path
        let run = try EndToEnd.run([fixture])
        XCTAssertEqual(run.status, 2, run.stderr)
        XCTAssertTrue(run.stdout.contains("WARNING: partial input:"), run.stdout)
        XCTAssertTrue(run.stdout.contains("at byte "), run.stdout)
        XCTAssertTrue(run.stdout.contains("Root cause: ECR login token expired"), run.stdout)
        let quiet = try EndToEnd.run(["--quiet", fixture])
        XCTAssertEqual(quiet.status, 2)
        XCTAssertTrue(quiet.stdout.hasSuffix("[partial input]\n"), quiet.stdout)
        // An explicit CI gate is stronger than "partial".
        let gated = try EndToEnd.run(["--quiet", "--fail-on", "error", fixture])
        XCTAssertEqual(gated.status, 1)
    }

    func testFailOnExits1WhenItMatchesAnd0WhenNot() throws {
        let matched = try EndToEnd.run(["--quiet", "--fail-on", "error", ecrLog])
        XCTAssertEqual(matched.status, 1, matched.stderr)
        XCTAssertTrue(matched.stdout.contains("ecr-auth-token-expired"), matched.stdout)
        let stricter = try EndToEnd.run(["--quiet", "--fail-on", "critical", ecrLog])
        XCTAssertEqual(stricter.status, 0, stricter.stderr)
        let any = try EndToEnd.run(["--quiet", "--fail-on-any", okLog])
        XCTAssertEqual(any.status, 0, "nothing found in a green build: \(any.stdout)")
        let anyFailed = try EndToEnd.run(["--quiet", "--fail-on-any", ecrLog])
        XCTAssertEqual(anyFailed.status, 1)
    }

    func testHelpDocumentsExitStatus() throws {
        let run = try EndToEnd.run(["--help"])
        XCTAssertEqual(run.status, 0)
        XCTAssertTrue(run.stdout.contains("66  an input could not be read"), run.stdout)
    }
}
