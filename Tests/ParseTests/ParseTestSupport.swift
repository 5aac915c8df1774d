import Fetch
import Foundation
@testable import Parse

/// Keeps what the parser handed on for every line.
final class RecordingSink: BuildEventSink {
    struct Entry {
        var number: Int
        var text: String
        var message: String
        var context: LineContext
    }

    private(set) var entries: [Entry] = []
    /// The structure events, each with how many lines had been consumed when it arrived.
    private(set) var starts: [(start: CommandStart, linesBefore: Int)] = []
    private(set) var contexts: [(context: PhaseContextEvent, linesBefore: Int)] = []

    func commandStarted(_ start: CommandStart) {
        starts.append((start, entries.count))
    }

    func phaseContext(_ context: PhaseContextEvent) {
        contexts.append((context, entries.count))
    }

    func consume(_ line: LogLine, context: LineContext) {
        let bytes = line.bytes
        let message = context.messageOffset <= bytes.count
            ? String(decoding: UnsafeBufferPointer(rebasing: bytes[context.messageOffset...]), as: UTF8.self)
            : "<offset past end>"
        entries.append(Entry(number: line.number, text: line.text, message: message, context: context))
    }
}

/// Parses `log` line by line, as a source would deliver it.
func parse(_ log: String) -> (BuildModel, RecordingSink) {
    let sink = RecordingSink()
    let parser = PhaseParser(sink: sink)
    var lines = log.components(separatedBy: "\n")
    if lines.last == "" { lines.removeLast() }
    for (index, text) in lines.enumerated() {
        withLogLine(text, number: index + 1) { parser.consume($0) }
    }
    return (parser.finish(), sink)
}

/// A UTC agent time as a `Date`, computed independently of the parser (formatter for the
/// seconds, the fraction added as whole microseconds).
func utc(_ text: String) -> Date? {
    let parts = text.split(separator: ".")
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyy/MM/dd HH:mm:ss"
    guard let seconds = formatter.date(from: String(parts[0]))?.timeIntervalSince1970 else { return nil }
    let fraction = parts.count > 1 ? String(parts[1]).padding(toLength: 6, withPad: "0", startingAt: 0) : "0"
    let micros = Int64(seconds) * 1_000_000 + (Int64(fraction) ?? 0)
    return Date(timeIntervalSince1970: Double(micros) / 1_000_000)
}

/// A failed build as current agents write it (microsecond timestamps).
let failedBuildLog = """
[Container] 2024/03/06 10:00:00.100000 Running on CodeBuild On-demand
[Container] 2024/03/06 10:00:00.200000 Waiting for agent ping
[Container] 2024/03/06 10:00:01.000000 Waiting for DOWNLOAD_SOURCE
[Container] 2024/03/06 10:00:02.000000 Phase is DOWNLOAD_SOURCE
[Container] 2024/03/06 10:00:02.100000 CODEBUILD_SRC_DIR=/codebuild/output/src123/src
[Container] 2024/03/06 10:00:02.200000 YAML location is /codebuild/output/src123/src/buildspec.yml
[Container] 2024/03/06 10:00:02.300000 Processing environment variables
[Container] 2024/03/06 10:00:02.400000 Selecting 'nodejs' runtime version '20' based on manual selections...
[Container] 2024/03/06 10:00:02.500000 Moving to directory /codebuild/output/src123/src
[Container] 2024/03/06 10:00:02.600000 Registering with agent
[Container] 2024/03/06 10:00:02.700000 Phases found in YAML: 3
[Container] 2024/03/06 10:00:02.800000 Phase complete: DOWNLOAD_SOURCE State: SUCCEEDED
[Container] 2024/03/06 10:00:02.800001 Phase context status code:  Message: 
[Container] 2024/03/06 10:00:03.000000 Entering phase INSTALL
[Container] 2024/03/06 10:00:03.100000 Running command npm ci
added 812 packages in 11s
[Container] 2024/03/06 10:00:15.000000 Phase complete: INSTALL State: SUCCEEDED
[Container] 2024/03/06 10:00:15.000001 Phase context status code:  Message: 
[Container] 2024/03/06 10:00:15.100000 Entering phase BUILD
[Container] 2024/03/06 10:00:15.200000 Running command npm run lint

[Container] 2024/03/06 10:00:20.000000 Running command npm test
FAIL src/app.test.ts
  expected 2, received 3

[Container] 2024/03/06 10:00:31.500000 Command did not exit successfully npm test exit status 1
[Container] 2024/03/06 10:00:31.500100 Phase complete: BUILD State: FAILED
[Container] 2024/03/06 10:00:31.500200 Phase context status code: COMMAND_EXECUTION_ERROR Message: Error while executing command: npm test. Reason: exit status 1
[Container] 2024/03/06 10:00:31.600000 Entering phase POST_BUILD
[Container] 2024/03/06 10:00:31.700000 Running command echo done
done
[Container] 2024/03/06 10:00:31.800000 Phase complete: POST_BUILD State: SUCCEEDED
[Container] 2024/03/06 10:00:31.800001 Phase context status code:  Message: 
[Container] 2024/03/06 10:00:31.900000 Entering phase UPLOAD_ARTIFACTS
[Container] 2024/03/06 10:00:31.950000 Expanding base directory path: .
[Container] 2024/03/06 10:00:31.960000 Assembling file list
[Container] 2024/03/06 10:00:32.000000 Phase complete: UPLOAD_ARTIFACTS State: SUCCEEDED
[Container] 2024/03/06 10:00:32.000001 Phase context status code:  Message: 
"""
