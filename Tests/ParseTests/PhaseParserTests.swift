import Fetch
@testable import Parse
import XCTest

final class PhaseParserTests: XCTestCase {
    func testFailedBuildPhasesCommandsAndTimes() throws {
        let (model, _) = parse(failedBuildLog)
        XCTAssertEqual(model.phases.map(\.name), ["DOWNLOAD_SOURCE", "INSTALL", "BUILD", "POST_BUILD", "UPLOAD_ARTIFACTS"])
        XCTAssertEqual(model.phases.map(\.status), [.succeeded, .succeeded, .failed, .succeeded, .succeeded])
        XCTAssertEqual(model.phases.map(\.firstLine), [4, 14, 19, 29, 34])
        XCTAssertEqual(model.phases.map(\.lastLine), [13, 18, 28, 33, 38])
        XCTAssertEqual(model.status, .failed)
        XCTAssertEqual(model.firstFailingPhase, 2)
        XCTAssertEqual(model.firstFailingCommand, CommandPosition(phase: 2, command: 1))
        XCTAssertEqual(model.totalLines, 38)
        XCTAssertFalse(model.startsMidBuild)
        XCTAssertFalse(model.endsAbruptly)

        let build = model.phases[2]
        XCTAssertEqual(build.startTime, utc("2024/03/06 10:00:15.100000"))
        XCTAssertEqual(build.endTime, utc("2024/03/06 10:00:31.500100"))
        XCTAssertEqual(try XCTUnwrap(build.duration), 16.4001, accuracy: 0.000_001)
        XCTAssertEqual(build.contextCode, "COMMAND_EXECUTION_ERROR")
        XCTAssertEqual(build.contextMessage, "Error while executing command: npm test. Reason: exit status 1")
        XCTAssertEqual(build.commands, [
            Command(text: "npm run lint", line: 20, outputFirstLine: 21, outputLastLine: 21, exitStatus: 0,
                    startTime: utc("2024/03/06 10:00:15.200000")),
            Command(text: "npm test", line: 22, outputFirstLine: 23, outputLastLine: 25, exitStatus: 1,
                    startTime: utc("2024/03/06 10:00:20.000000")),
        ])
        XCTAssertNil(model.phases[1].contextCode)
        XCTAssertNil(model.phases[1].contextMessage)
        XCTAssertEqual(model.phases[1].commands.first?.exitStatus, 0)
    }

    func testEveryLineReachesTheSinkWithItsContext() {
        let (_, sink) = parse(failedBuildLog)
        XCTAssertEqual(sink.entries.map(\.number), Array(1...38))
        XCTAssertTrue(sink.entries[0..<3].allSatisfy { $0.context.phaseIndex == nil && $0.context.isAgentLine })
        let running = sink.entries[14]
        XCTAssertEqual(running.message, "Running command npm ci")
        XCTAssertEqual(running.context.messageOffset, "[Container] 2024/03/06 10:00:03.100000 ".utf8.count)
        XCTAssertEqual(running.context.command, CommandPosition(phase: 1, command: 0))
        let output = sink.entries[22]
        XCTAssertEqual(output.text, "FAIL src/app.test.ts")
        XCTAssertFalse(output.context.isAgentLine)
        XCTAssertEqual(output.context.messageOffset, 0)
        XCTAssertEqual(output.context.phaseIndex, 2)
        XCTAssertEqual(output.context.phaseName, "BUILD")
        XCTAssertEqual(output.context.command, CommandPosition(phase: 2, command: 1))
        let failure = sink.entries[25]
        XCTAssertTrue(failure.context.isAgentLine)
        XCTAssertEqual(failure.context.command, CommandPosition(phase: 2, command: 1))
        let complete = sink.entries[26]
        XCTAssertEqual(complete.context.phaseName, "BUILD")
        XCTAssertNil(complete.context.command)
    }

    func testOlderAgentWithWholeSecondsAndSuccessFlags() {
        let log = """
        [Container] 2018/10/04 03:00:19 Phase complete: PRE_BUILD Success: true
        [Container] 2018/10/04 03:00:19 Phase context status code: Message: 
        [Container] 2018/10/04 03:00:19 Entering phase BUILD
        [Container] 2018/10/04 03:00:19 Running command docker build --tag "${IMAGE_URI}" ./src
        unable to prepare context: path "./src" not found

        [Container] 2018/10/04 03:00:19 Command did not exit successfully docker build --tag "${IMAGE_URI}" ./src exit status 1
        [Container] 2018/10/04 03:00:20 Phase complete: BUILD Success: false
        [Container] 2018/10/04 03:00:20 Phase context status code: COMMAND_EXECUTION_ERROR Message: Error while executing command: docker build --tag "${IMAGE_URI}" ./src. Reason: exit status 1
        """
        let (model, sink) = parse(log)
        XCTAssertEqual(model.phases.map(\.name), ["PRE_BUILD", "BUILD"])
        XCTAssertEqual(model.phases.map(\.status), [.succeeded, .failed])
        XCTAssertTrue(model.startsMidBuild, "the log starts at the end of PRE_BUILD")
        XCTAssertEqual(model.phases[0].firstLine, 1)
        XCTAssertNil(model.phases[0].startTime, "start of PRE_BUILD is not in the log")
        XCTAssertEqual(model.phases[1].startTime, utc("2018/10/04 03:00:19"))
        XCTAssertEqual(model.phases[1].duration, 1)
        XCTAssertEqual(model.phases[1].commands.first?.text, #"docker build --tag "${IMAGE_URI}" ./src"#)
        XCTAssertEqual(model.phases[1].commands.first?.exitStatus, 1)
        XCTAssertEqual(model.phases[1].commands.first?.outputFirstLine, 5)
        XCTAssertEqual(model.phases[1].commands.first?.outputLastLine, 6)
        XCTAssertEqual(model.status, .failed)
        XCTAssertEqual(sink.entries[2].context.messageOffset, "[Container] 2018/10/04 03:00:19 ".utf8.count)
    }

    func testInstancePrefixIsAnAgentLine() {
        let log = """
        [Instance] 2024/05/01 08:00:00.000001 Entering phase BUILD
        [Instance] 2024/05/01 08:00:00.100000 Running command make
        make: *** [all] Error 2
        [Instance] 2024/05/01 08:00:01.000000 Command did not exit successfully make exit status 2
        [Instance] 2024/05/01 08:00:01.000001 Phase complete: BUILD State: FAILED
        """
        let (model, sink) = parse(log)
        XCTAssertEqual(model.phases.first?.commands.first?.exitStatus, 2)
        XCTAssertEqual(model.firstFailingCommand, CommandPosition(phase: 0, command: 0))
        XCTAssertEqual(sink.entries.map(\.context.isAgentLine), [true, true, false, true, true])
        XCTAssertEqual(sink.entries[0].message, "Entering phase BUILD")
    }

    func testConsoleCopyWithLineNumberColumn() {
        let log = """
        36 | Building the Docker image...
        37 |  
        38 | [Container] 2023/08/28 19:16:45 Running command docker build -t mythicalmysfits/service:latest .
        39 | Step 1/13 : FROM ubuntu:latest
        40 | missing signature key
        44 | [Container] 2023/08/28 19:16:45 Command did not exit successfully docker build -t mythicalmysfits/service:latest . exit status 1
        45 | [Container] 2023/08/28 19:16:45 Phase complete: BUILD State: FAILED
        """
        let (model, sink) = parse(log)
        XCTAssertEqual(sink.entries.map(\.message), [
            "Building the Docker image...", " ",
            "Running command docker build -t mythicalmysfits/service:latest .",
            "Step 1/13 : FROM ubuntu:latest", "missing signature key",
            "Command did not exit successfully docker build -t mythicalmysfits/service:latest . exit status 1",
            "Phase complete: BUILD State: FAILED",
        ])
        XCTAssertEqual(sink.entries[3].context.messageOffset, 5)
        XCTAssertEqual(model.phases.first?.name, "BUILD")
        XCTAssertEqual(model.phases.first?.commands.first?.text, "docker build -t mythicalmysfits/service:latest .")
        XCTAssertEqual(model.phases.first?.commands.first?.exitStatus, 1)
        XCTAssertTrue(model.startsMidBuild)
    }

    func testCodeExcerptInAPlainLogIsNotAConsoleColumn() {
        let log = """
        [Container] 2024/03/06 10:00:03.100000 Running command cargo build
        12 | let x: u32 = "a";
        """
        let (_, sink) = parse(log)
        XCTAssertEqual(sink.entries[1].context.messageOffset, 0)
        XCTAssertEqual(sink.entries[1].message, #"12 | let x: u32 = "a";"#)
    }

    func testMultiLineCommandFromABlockScalar() {
        let log = """
        [Container] 2024/03/06 10:00:15.100000 Entering phase BUILD
        [Container] 2024/03/06 10:00:15.200000 Running command if [ "$STAGE" = "prod" ]; then
          echo "deploying"
        fi
        deploying
        [Container] 2024/03/06 10:00:16.000000 Running command docker build \\
          -t app .
        Sending build context to Docker daemon
        [Container] 2024/03/06 10:00:17.000000 Phase complete: BUILD State: SUCCEEDED
        """
        let (model, sink) = parse(log)
        let commands = model.phases.first?.commands ?? []
        XCTAssertEqual(commands.map(\.text), ["if [ \"$STAGE\" = \"prod\" ]; then\n  echo \"deploying\"\nfi",
                                              "docker build \\\n  -t app ."])
        XCTAssertEqual(commands.map(\.outputFirstLine), [5, 8])
        XCTAssertEqual(commands.map(\.outputLastLine), [5, 8])
        XCTAssertEqual(commands.map(\.exitStatus), [0, 0])
        XCTAssertEqual(sink.entries[2].context.isAgentLine, true, "script line printed by the agent")
        XCTAssertEqual(sink.entries[2].context.command, CommandPosition(phase: 0, command: 0))
        XCTAssertEqual(sink.entries[4].context.isAgentLine, false)
    }

    func testShellContinuationHeuristic() {
        func opens(_ lines: [String]) -> Bool {
            var shell = ShellContinuation()
            lines.forEach { shell.add($0) }
            return shell.isOpen
        }
        XCTAssertFalse(opens(["npm ci"]))
        XCTAssertFalse(opens(["echo 'if then' # if"]))
        XCTAssertTrue(opens(["if [ -f x ]; then"]))
        XCTAssertFalse(opens(["if [ -f x ]; then", "  make", "fi"]))
        XCTAssertTrue(opens(["for f in *.txt; do"]))
        XCTAssertTrue(opens(["echo \"unclosed"]))
        XCTAssertTrue(opens(["make &&"]))
        XCTAssertTrue(opens(["cat <<EOF > file"]))
        XCTAssertFalse(opens(["cat <<'EOF' > file", "body", "EOF"]))
        XCTAssertFalse(opens(["case $X in", "  a|b) echo $(date) ;;", "esac"]))
        XCTAssertFalse(opens(["f() {", "  echo ${HOME}", "}"]))
    }

    func testLogStartingMidCommand() {
        let log = """
        npm ERR! code E404
        npm ERR! 404 Not Found - GET https://registry.npmjs.org/nope
        [Container] 2024/03/06 10:00:31.500000 Command did not exit successfully npm install nope exit status 1
        [Container] 2024/03/06 10:00:31.500100 Phase complete: INSTALL State: FAILED
        """
        let (model, sink) = parse(log)
        XCTAssertTrue(model.startsMidBuild)
        XCTAssertEqual(model.phases.map(\.name), ["INSTALL"])
        XCTAssertEqual(model.phases.first?.firstLine, 1)
        XCTAssertNil(model.phases.first?.startTime)
        XCTAssertEqual(model.phases.first?.commands.first?.text, "npm install nope")
        XCTAssertEqual(model.phases.first?.commands.first?.exitStatus, 1)
        XCTAssertEqual(model.firstFailingCommand, CommandPosition(phase: 0, command: 0))
        XCTAssertEqual(model.status, .failed)
        XCTAssertNil(sink.entries[0].context.phaseIndex, "nothing known about the first lines when read")
    }

    func testLogEndingMidPhaseEndsAbruptly() {
        let log = """
        [Container] 2024/03/06 10:00:00.200000 Waiting for agent ping
        [Container] 2024/03/06 10:00:02.000000 Phase is DOWNLOAD_SOURCE
        [Container] 2024/03/06 10:00:02.800000 Phase complete: DOWNLOAD_SOURCE State: SUCCEEDED
        [Container] 2024/03/06 10:00:15.100000 Entering phase BUILD
        [Container] 2024/03/06 10:00:15.200000 Running command ./integration-tests.sh
        still running test 17 of 40
        """
        let (model, _) = parse(log)
        XCTAssertFalse(model.startsMidBuild)
        XCTAssertTrue(model.endsAbruptly)
        XCTAssertEqual(model.status, .unknown)
        XCTAssertEqual(model.phases.last?.status, .unknown)
        XCTAssertNil(model.phases.last?.endTime)
        XCTAssertNil(model.phases.last?.commands.first?.exitStatus)
        XCTAssertNil(model.firstFailingPhase)
        XCTAssertNil(model.firstFailingCommand)
    }

    func testSuccessfulBuild() {
        let log = failedBuildLog
            .replacingOccurrences(of: "Command did not exit successfully npm test exit status 1", with: "Assembling file list")
            .replacingOccurrences(of: "Phase complete: BUILD State: FAILED", with: "Phase complete: BUILD State: SUCCEEDED")
        let (model, _) = parse(log)
        XCTAssertEqual(model.status, .succeeded)
        XCTAssertNil(model.firstFailingPhase)
        XCTAssertNil(model.firstFailingCommand)
        XCTAssertEqual(model.phases[2].commands.map(\.exitStatus), [0, 0])
    }

    func testTimedOutPhaseAndExitStatusInsideCommandText() {
        let log = """
        [Container] 2024/03/06 10:00:15.100000 Entering phase BUILD
        [Container] 2024/03/06 10:00:15.200000 Running command echo exit status 5; false
        [Container] 2024/03/06 10:00:16.000000 Command did not exit successfully echo exit status 5; false exit status 2
        [Container] 2024/03/06 10:00:16.100000 Running command sleep 9999
        [Container] 2024/03/06 11:00:15.100000 Phase complete: BUILD State: TIMED_OUT
        """
        let (model, _) = parse(log)
        XCTAssertEqual(model.phases[0].commands.map(\.text), ["echo exit status 5; false", "sleep 9999"])
        XCTAssertEqual(model.phases[0].commands.map(\.exitStatus), [2, nil])
        XCTAssertEqual(model.status, .timedOut)
        XCTAssertEqual(model.firstFailingPhase, 0)
    }

    func testLogWithoutAgentLines() {
        let (model, sink) = parse("just some output\nand more\n")
        XCTAssertEqual(model.phases, [])
        XCTAssertEqual(model.status, .unknown)
        XCTAssertFalse(model.startsMidBuild)
        XCTAssertFalse(model.endsAbruptly)
        XCTAssertEqual(model.totalLines, 2)
        XCTAssertEqual(sink.entries.map(\.context.isAgentLine), [false, false])
    }

    func testAgentTimestampParsing() {
        func micros(_ text: String) -> Int64? {
            Array(text.utf8).withUnsafeBufferPointer { AgentPrefix.parseTime($0, at: 0)?.0 }
        }
        XCTAssertEqual(micros("1970/01/01 00:00:00 x"), 0)
        XCTAssertEqual(micros("2024/03/06 10:00:03.123456 x"), 1_709_719_203_123_456)
        XCTAssertEqual(micros("2024/03/06 10:00:03.1 x"), 1_709_719_203_100_000)
        XCTAssertNil(micros("2024/03/06 10:00"))
        XCTAssertNil(micros("2024-03-06 10:00:03 x"))
    }

    func testFailedMultiLineCommandTakesTheScriptTheAgentRepeats() {
        let log = """
        [Instance] 2026/04/27 10:04:02.978636 Entering phase INSTALL
        [Instance] 2026/04/27 10:04:02.984493 Running command set -e
        yum install -y libvips-devel

        No package libvips-devel available.
        [Instance] 2026/04/27 10:04:03.057092 Command did not exit successfully set -e
        yum install -y libvips-devel
         exit status 1
        [Instance] 2026/04/27 10:04:03.063714 Phase complete: INSTALL State: FAILED
        """
        let (model, sink) = parse(log)
        XCTAssertEqual(model.phases.first?.commands.first?.text, "set -e\nyum install -y libvips-devel")
        XCTAssertEqual(model.phases.first?.commands.first?.exitStatus, 1)
        XCTAssertEqual(model.firstFailingCommand, CommandPosition(phase: 0, command: 0))
        XCTAssertEqual(sink.entries[6].context.isAgentLine, true)
        XCTAssertEqual(sink.entries[7].context.command, CommandPosition(phase: 0, command: 0))
    }

    func testConsoleCopyWhoseFirstLineLostItsColumn() {
        let log = """
        [Container] 2024/08/03 05:12:00.422831 Running on CodeBuild On-demand
        --
        2 | [Container] 2024/08/03 05:12:00.428752 Waiting for agent ping
        3 | [Container] 2024/08/03 05:12:01.680695 Phase is DOWNLOAD_SOURCE
        """
        let (model, sink) = parse(log)
        XCTAssertEqual(sink.entries[2].message, "Waiting for agent ping")
        XCTAssertEqual(model.phases.map(\.name), ["DOWNLOAD_SOURCE"])
        XCTAssertFalse(model.startsMidBuild)
    }
}
