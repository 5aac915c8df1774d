@testable import Fetch
import XCTest

/// `aws logs get-log-events --output text` and `filter-log-events --output text`: the AWS CLI prints an object's
/// fields in key order, so the message sits between the ingestion time (or the stream name) and the timestamp.
final class LogEventsTextTests: XCTestCase {
    private func read(_ text: String) throws -> ReadResult {
        try readAll(InMemoryLogSource(bytes: Array(text.utf8), displayName: "events.txt"))
    }

    func testGetLogEventsTextGivesTheMessagesAndTheirTimestamps() throws {
        let result = try read("""
            EVENTS\t1709719201500\t[Container] 2024/03/06 10:00:00.000000 Running command docker push x\t1709719200000
            EVENTS\t1709719201600\tdenied: Your authorization token has expired.\tReauthenticate\t1709719200100
            NEXTFORWARDTOKEN\tf/38462830174927361234567890123456789012345678901234567890
            NEXTBACKWARDTOKEN\tb/38462830174927361234567890123456789012345678901234567890

            """)
        XCTAssertEqual(result.outcome?.shape, .logEventsText)
        XCTAssertEqual(result.texts, ["[Container] 2024/03/06 10:00:00.000000 Running command docker push x",
                                      "denied: Your authorization token has expired.\tReauthenticate"])
        XCTAssertEqual(result.timestamps, [1_709_719_200_000, 1_709_719_200_100])
        XCTAssertEqual(result.numbers, [1, 2], "the paging tokens are not lines of the log")
    }

    func testFilterLogEventsTextSkipsTheEventIdIngestionTimeAndStream() throws {
        let id = "38462830174927361234567890123456789012345678901234567890"
        let result = try read("EVENTS\t\(id)\t1709719201500\tweb/1f2e3d\tmake: *** [all] Error 2\t1709719200000\n")
        XCTAssertEqual(result.outcome?.shape, .logEventsText)
        XCTAssertEqual(result.texts, ["make: *** [all] Error 2"])
        XCTAssertEqual(result.timestamps, [1_709_719_200_000])
    }

    func testAMultiLineMessageContinuesOnLinesOfItsOwn() throws {
        let result = try read("EVENTS\t1709719201500\tTraceback (most recent call last):\n  File \"x.py\", line 1\t1709719200000\n")
        XCTAssertEqual(result.texts, ["Traceback (most recent call last):", "  File \"x.py\", line 1"])
        XCTAssertEqual(result.timestamps, [nil, 1_709_719_200_000])
    }

    func testARawLogThatMentionsEventsIsStillRaw() throws {
        XCTAssertEqual(try read("EVENTS are coming\nline 2\n").outcome?.shape, .raw)
    }
}
