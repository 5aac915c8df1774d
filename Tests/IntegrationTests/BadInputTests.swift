import Foundation
import XCTest

/// Hostile and broken inputs through the built binary: each gives its documented exit status and one
/// clear line on stderr, never a crash, a hang or a silent success. The same table is docs/bad-inputs.md
/// (`UPDATE_BAD_INPUTS_DOC=1 swift test --disable-swift-testing --filter BadInputTests` rewrites it).
final class BadInputTests: XCTestCase {
    /// Where stdout goes for a case.
    enum Output: String {
        case captured = ""
        /// `>&-`
        case closed = " >&-"
        /// `>/dev/full`
        case full = " >/dev/full"
        /// A pipe whose reader has already gone, as after `| head -1`.
        case readerGone = " | head -1"
    }

    struct Case {
        /// What the user did, as the docs table shows it.
        var input: String
        var arguments: [String]
        var output: Output = .captured
        var status: Int32
        /// The whole of stderr, one line (or empty), with the scratch directory shown as `.`.
        var stderr: String
        /// Text stdout must hold (the report's headline), when the case is about what was read.
        var stdoutContains: String?
        /// Run as an unprivileged user: root ignores permission bits.
        var unprivileged = false
        /// Variables set for this case only.
        var environment: [String: String] = [:]
    }

    /// Files the cases read, made once per run in a scratch directory that is the binary's working directory.
    static func makeInputs(in directory: URL) throws {
        let failing = """
            [Container] 2024/03/06 10:00:00.000000 Entering phase BUILD
            [Container] 2024/03/06 10:00:00.000000 Running command make
            error: boom
            [Container] 2024/03/06 10:00:01.000000 Command did not exit successfully make exit status 2
            [Container] 2024/03/06 10:00:01.000000 Phase complete: BUILD State: FAILED

            """
        try Data(failing.utf8).write(to: directory.appendingPathComponent("failed.log"))
        let logs = directory.appendingPathComponent("logs")
        try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
        for index in 1...3 { try Data(failing.utf8).write(to: logs.appendingPathComponent("\(index).log")) }
        // "Billion laughs" in mapping keys: ten levels of ten aliases.
        var bomb = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            bomb += "a\(level): &a\(level) {? [\(Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", "))] : x}\n"
        }
        try Data((bomb + "rules: []\n").utf8).write(to: directory.appendingPathComponent("bomb.yaml"))
        // Formats recognised by their first bytes: the magic, then bytes no text log holds.
        let junk: [UInt8] = [0x00, 0x01, 0xFE, 0x80, 0x10, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]
        let magics: [(String, [UInt8])] = [
            ("log.zst", [0x28, 0xB5, 0x2F, 0xFD]), ("log.xz", [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]),
            ("log.bz2", Array("BZh9".utf8) + [0x31, 0x41, 0x59, 0x26, 0x53, 0x59]), ("log.zip", [0x50, 0x4B, 0x03, 0x04]),
            ("log.zlib", [0x78, 0x9C]),
        ]
        for (name, magic) in magics { try Data(magic + junk).write(to: directory.appendingPathComponent(name)) }
        // The JSON of `aws logs get-log-events` behind a UTF-8 byte order mark (what some editors save).
        let events = failing.split(separator: "\n").enumerated().map { index, line in
            #"{"timestamp": \#(1_709_719_200_000 + index), "message": "\#(line)", "ingestionTime": 1709719200000}"#
        }
        let json = #"{"events": [\#(events.joined(separator: ", "))], "nextForwardToken": "f/1"}"#
        try Data([0xEF, 0xBB, 0xBF] + Array(json.utf8)).write(to: directory.appendingPathComponent("bom.json"))
        let noSearch = directory.appendingPathComponent("no-search")
        try FileManager.default.createDirectory(at: noSearch, withIntermediateDirectories: true)
        try Data(failing.utf8).write(to: noSearch.appendingPathComponent("1.log"))
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: noSearch.path)
        // gzip inside gzip, a tar.gz, and 200,000 empty lines in 400 compressed bytes.
        try shell("printf 'error: boom\\n' | gzip | gzip > nested.gz && cp failed.log build.log && tar czf logs.tar.gz build.log "
                  + "&& head -c 200000 /dev/zero | tr '\\0' '\\n' | gzip > empty-lines.gz", in: directory)
    }

    private static func shell(_ script: String, in directory: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        process.currentDirectoryURL = directory
        try process.run()
        process.waitUntilExit()
        if process.terminationStatus != 0 { throw CocoaError(.fileWriteUnknown) }
    }

    /// AWS settings that make any request fail fast (69): a case that must stop before a request shows it.
    static let offlineAWS = ["AWS_ACCESS_KEY_ID": "AKIAIOSFODNN7EXAMPLE", "AWS_SECRET_ACCESS_KEY": "not-a-real-secret",
                             "AWS_REGION": "us-east-1", "AWS_ENDPOINT_URL": "http://127.0.0.1:9",
                             "AWS_MAX_ATTEMPTS": "1"]

    static let cases: [Case] = [
        // Item 1: every write checked.
        Case(input: "report to a closed stdout", arguments: ["failed.log"], output: .closed, status: 74,
             stderr: "cbtriage: cannot write to standard output: Bad file descriptor"),
        Case(input: "report to a full disk", arguments: ["failed.log"], output: .full, status: 74,
             stderr: "cbtriage: cannot write to standard output: No space left on device"),
        Case(input: "JSON report to a full disk", arguments: ["--format", "json", "failed.log"], output: .full,
             status: 74, stderr: "cbtriage: cannot write to standard output: No space left on device"),
        Case(input: "`rules list` to a full disk", arguments: ["rules", "list"], output: .full, status: 74,
             stderr: "cbtriage: cannot write to standard output: No space left on device"),
        Case(input: "report to a reader that went away", arguments: ["logs"], output: .readerGone, status: 0,
             stderr: ""),
        Case(input: "`--fail-on-any` to a reader that went away", arguments: ["--fail-on-any", "logs"],
             output: .readerGone, status: 1, stderr: ""),
        // Item 2: numbers out of range.
        Case(input: "`summary --since 99999999999999999999d`",
             arguments: ["summary", "--project", "p", "--since", "99999999999999999999d"], status: 64,
             stderr: "cbtriage: --since 99999999999999999999d: too long (the window and the one before it must "
                + "start after 1970) (see 'cbtriage --help')"),
        Case(input: "`fetch --start 999999999999999d`",
             arguments: ["fetch", "--group", "g", "--stream", "s", "--start", "999999999999999d"], status: 64,
             stderr: "cbtriage: --start: time out of range: 999999999999999d (it must fall between 1970 and 9999) "
                + "(see 'cbtriage --help')"),
        Case(input: "`builds --since 99999999999999d`", arguments: ["builds", "--project", "p", "--since", "99999999999999d"],
             status: 64,
             stderr: "cbtriage: --since: time out of range: 99999999999999d (it must fall between 1970 and 9999) "
                + "(see 'cbtriage --help')"),
        Case(input: "`build ARN --role-arn cbtriage-read`",
             arguments: ["build", "arn:aws:codebuild:us-east-1:123456789012:build/web:1", "--role-arn", "cbtriage-read"],
             status: 64,
             stderr: "cbtriage: --role-arn: 'cbtriage-read' is not an IAM role ARN (expected arn:aws:iam::ACCOUNT:role/NAME) "
                + "(see 'cbtriage --help')"),
        Case(input: "`build PROJECT:UUID --role-arn-for-account …{account}…` (no account to fill)",
             arguments: ["build", "web:1", "--region", "us-east-1", "--role-arn-for-account",
                         "arn:aws:iam::{account}:role/cbtriage-read"],
             status: 64,
             stderr: "cbtriage: --role-arn-for-account needs the build's account: give the build as an ARN or an --event "
                + "(PROJECT:UUID names no account), or use --role-arn"),
        // Item 5: a YAML alias bomb is refused at once, not expanded.
        Case(input: "YAML alias bomb in a rule file", arguments: ["--rules", "bomb.yaml", "failed.log"], status: 64,
             stderr: "cbtriage: bomb.yaml:6:48: alias *a4 expands the document past 1000000 nodes (a YAML alias bomb?); refused"),
        // Item 6: limits stop a decompression bomb with a partial result that says why.
        Case(input: "gzip of 200,000 empty lines with `--max-lines 1000`", arguments: ["--max-lines", "1000", "empty-lines.gz"],
             status: 2, stderr: "", stdoutContains: "partial input: stopped after 1000 lines (--max-lines)"),
        Case(input: "gzip of 200,000 empty lines with `--max-bytes 10K`", arguments: ["--max-bytes", "10K", "empty-lines.gz"],
             status: 2, stderr: "", stdoutContains: "partial input: stopped after 10240 bytes of decompressed data (--max-bytes)"),
        Case(input: "`--max-bytes` too large", arguments: ["--max-bytes", "99999999999T", "failed.log"], status: 64,
             stderr: "cbtriage: --max-bytes 99999999999T: too large (see 'cbtriage --help')"),
        // Item 10: compressed formats other than gzip are named, not read as text.
        Case(input: "zstd file", arguments: ["log.zst"], status: 66,
             stderr: "cbtriage: log.zst: is zstd-compressed, which cbtriage does not read; decompress it first (zstd -d)"),
        Case(input: "bzip2 file", arguments: ["log.bz2"], status: 66,
             stderr: "cbtriage: log.bz2: is bzip2-compressed, which cbtriage does not read; decompress it first (bunzip2)"),
        Case(input: "xz file", arguments: ["log.xz"], status: 66,
             stderr: "cbtriage: log.xz: is xz-compressed, which cbtriage does not read; decompress it first (xz -d)"),
        Case(input: "zip archive", arguments: ["log.zip"], status: 66,
             stderr: "cbtriage: log.zip: is a zip archive, which cbtriage does not read; decompress it first (unzip)"),
        Case(input: "raw zlib stream", arguments: ["log.zlib"], status: 66,
             stderr: "cbtriage: log.zlib: is a raw zlib stream, which cbtriage does not read; decompress it first "
                + "(e.g. pigz -dz or openssl zlib -d)"),
        Case(input: "gzip inside gzip", arguments: ["nested.gz"], status: 66,
             stderr: "cbtriage: nested.gz: is a gzip file inside gzip, which cbtriage does not read; decompress it first "
                + "(gunzip the outer layer)"),
        Case(input: "tar.gz archive", arguments: ["logs.tar.gz"], status: 66,
             stderr: "cbtriage: logs.tar.gz: is a tar archive, which cbtriage does not read; decompress it first (tar -x)"),
        Case(input: "get-log-events JSON after a UTF-8 byte order mark", arguments: ["bom.json"], status: 0, stderr: "",
             stdoutContains: "5 lines (log-events-json)"),
        Case(input: "directory without search permission", arguments: ["no-search"], status: 66,
             stderr: "cbtriage: no-search: permission denied", unprivileged: true),
        Case(input: "`--rules /dev/null`", arguments: ["--rules", "/dev/null", "failed.log"], status: 64,
             stderr: "cbtriage: /dev/null: the file is empty; expected `rules:` with a list of rules"),
        Case(input: "`--rules /dev/zero`", arguments: ["--rules", "/dev/zero", "failed.log"], status: 64,
             stderr: "cbtriage: /dev/zero: larger than 16 MiB; not a rule file"),
        // Item 10: usage errors before any request.
        Case(input: "`fetch --start` after `--end`",
             arguments: ["fetch", "--group", "g", "--stream", "s", "--start", "1h", "--end", "2h"], status: 64,
             stderr: "cbtriage: --start must be before --end (see 'cbtriage --help')"),
        Case(input: "`fetch -o ''`", arguments: ["fetch", "--group", "g", "--stream", "s", "-o", ""], status: 64,
             stderr: "cbtriage: --output needs a file name (it was empty) (see 'cbtriage --help')"),
        // Issue 12 item 2: a baseline that cannot serve.
        Case(input: "`--baseline` file that is not there", arguments: ["failed.log", "--baseline", "green.log"], status: 66,
             stderr: "cbtriage: baseline: green.log: no such file or directory"),
        Case(input: "`--baseline` directory of several logs", arguments: ["failed.log", "--baseline", "logs"], status: 64,
             stderr: "cbtriage: --baseline logs: a baseline is one build's log, and this holds 3"),
        Case(input: "`--baseline -`", arguments: ["failed.log", "--baseline", "-"], status: 64,
             stderr: "cbtriage: --baseline needs a log file; stdin cannot be a baseline. (see 'cbtriage --help')"),
        Case(input: "`--baseline` a failed build (allowed, with a warning)", arguments: ["failed.log", "--baseline", "failed.log"],
             status: 0, stderr: "cbtriage: warning: the baseline failed.log did not succeed (FAILED); lines it shares with "
                + "the failed build are not reported as new", stdoutContains: "No line of this build is new."),
        Case(input: "`build --baseline` neither last-green nor a build", arguments: ["build", "web:1", "--baseline", "nope"],
             status: 64, stderr: "cbtriage: --baseline takes last-green or a build (PROJECT:UUID or ARN): not a build id: nope "
                + "(expected PROJECT:UUID or arn:aws:codebuild:REGION:ACCOUNT:build/PROJECT:UUID) (see 'cbtriage --help')"),
        Case(input: "`build --baseline BUILD-ID` when AWS cannot be reached",
             arguments: ["build", "web:1", "--baseline", "web:2"], status: 69,
             stderr: "cbtriage: could not connect to 127.0.0.1 port 9 (connection refused or unreachable)"),
        // Issue 10 item 5: libcurl is loaded by the first request, so a machine without it fails there, in one line.
        Case(input: "an AWS command where libcurl cannot be loaded (`CBTRIAGE_LIBCURL` names a missing file)",
             arguments: ["build", "web:1"], status: 69,
             stderr: "cbtriage: libcurl could not be loaded (/nonexistent/libcurl.so.4: cannot open shared object file: "
                + "No such file or directory); cbtriage needs libcurl 4 for AWS and webhook requests (Debian/Ubuntu: "
                + "libcurl4, Amazon Linux: libcurl)",
             environment: ["CBTRIAGE_LIBCURL": "/nonexistent/libcurl.so.4"]),
        Case(input: "`analyze` of a file where libcurl cannot be loaded (never loaded: no request)",
             arguments: ["failed.log"], status: 0, stderr: "", stdoutContains: "make",
             environment: ["CBTRIAGE_LIBCURL": "/nonexistent/libcurl.so.4"]),
        Case(input: "`summary --windows 1`", arguments: ["summary", "--windows", "1", "--since", "1d", "logs"], status: 64,
             stderr: "cbtriage: --windows must be between 2 and 52. (see 'cbtriage --help')"),
        Case(input: "`summary --windows` on log paths without `--since`", arguments: ["summary", "--windows", "7", "logs"],
             status: 64, stderr: "cbtriage: --windows with log paths needs --since DURATION (90m, 24h, 7d, 2w): the length of "
                + "each window. (see 'cbtriage --help')"),
    ]

    private static var scratch: URL?

    override class func setUp() {
        super.setUp()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cbtriage-bad-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try? makeInputs(in: directory)
        scratch = directory
    }

    override class func tearDown() {
        if let scratch { try? FileManager.default.removeItem(at: scratch) }
        super.tearDown()
    }

    func testEveryBadInputGivesItsStatusAndOneLine() throws {
        let binary = try EndToEnd.requireBinary()
        let directory = try XCTUnwrap(Self.scratch)
        for entry in Self.cases {
            let run = try Self.run(binary: binary, entry, in: directory)
            XCTAssertEqual(run.status, entry.status, "\(entry.input): \(run.stderr)")
            if let expected = entry.stdoutContains {
                XCTAssertTrue(run.stdout.contains(expected), "\(entry.input): \(run.stdout)")
            }
            XCTAssertEqual(run.stderr.trimmingCharacters(in: .newlines), entry.stderr, entry.input)
            XCTAssertFalse(run.stderr.contains("Fatal error") || run.stderr.contains("Backtrac"), entry.input)
        }
    }

    func testBadInputTableInTheDocsIsCurrent() throws {
        let path = EndToEnd.packageRoot.appendingPathComponent("docs/bad-inputs.md")
        let expected = Self.document()
        if ProcessInfo.processInfo.environment["UPDATE_BAD_INPUTS_DOC"] == "1" {
            try Data(expected.utf8).write(to: path)
            XCTFail("docs/bad-inputs.md rewritten; review the diff and run again without UPDATE_BAD_INPUTS_DOC")
            return
        }
        let actual = try String(contentsOf: path, encoding: .utf8)
        XCTAssertEqual(actual, expected, "docs/bad-inputs.md is stale: run with UPDATE_BAD_INPUTS_DOC=1")
    }

    static func document() -> String {
        var lines = [
            "# Bad inputs: what cbtriage does with them",
            "",
            "Generated from `Tests/IntegrationTests/BadInputTests.swift`, which runs every row through the built binary",
            "(`UPDATE_BAD_INPUTS_DOC=1 swift test --disable-swift-testing --filter BadInputTests` rewrites this file).",
            "Exit statuses are explained in [exit-codes.md](exit-codes.md). Paths are relative to the directory the",
            "command ran in; AWS rows ran with an endpoint that refuses connections, so a row that exits 64 made no request.",
            "",
            "| input | command | exit | stderr |",
            "|---|---|---|---|",
        ]
        for entry in cases {
            let command = "cbtriage " + entry.arguments.map(shellQuoted).joined(separator: " ") + entry.output.rawValue
            let stderr = entry.stderr.isEmpty ? "(nothing)" : "`\(entry.stderr)`"
            lines.append("| \(cell(entry.input)) | `\(cell(command))` | \(entry.status) | \(cell(stderr)) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }

    private static func shellQuoted(_ argument: String) -> String {
        if argument.isEmpty { return "''" }
        let plain = argument.allSatisfy { $0.isLetter || $0.isNumber || "-_./:=@".contains($0) }
        return plain ? argument : "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    static func run(binary: URL, _ entry: Case, in directory: URL) throws -> CBTriageRun {
        let process = Process()
        var arguments = entry.arguments
        switch entry.output {
        case .closed:
            // Foundation cannot start a child with descriptor 1 closed; the shell can.
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            arguments = ["-c", "exec \"$0\" \"$@\" >&-", binary.path] + arguments
        default:
            process.executableURL = binary
        }
        if entry.unprivileged && geteuid() == 0 {
            // As nobody (util-linux setpriv): root would search the directory anyway.
            arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", process.executableURL?.path ?? ""] + arguments
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        }
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = EndToEnd.pinnedEnvironment.merging(["HOME": directory.path]) { $1 }.merging(offlineAWS) { $1 }
            .merging(entry.environment) { $1 }
        let errPipe = Pipe()
        process.standardError = errPipe
        process.standardInput = FileHandle.nullDevice
        var outPipe: Pipe?
        switch entry.output {
        case .captured, .closed:
            let pipe = Pipe()
            process.standardOutput = pipe
            outPipe = pipe
        case .full:
            process.standardOutput = try XCTUnwrap(FileHandle(forWritingAtPath: "/dev/full"))
        case .readerGone:
            let pipe = Pipe()
            try pipe.fileHandleForReading.close()
            process.standardOutput = pipe.fileHandleForWriting
        }
        try process.run()
        if case .readerGone = entry.output { try? (process.standardOutput as? FileHandle)?.close() }
        return EndToEnd.collect(process, stdout: outPipe, stderr: errPipe)
    }
}
