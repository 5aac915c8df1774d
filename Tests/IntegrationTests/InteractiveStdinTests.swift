import Foundation
import TestSupport
import XCTest

/// `cbtriage -` typed by hand on a terminal: one Ctrl-D ends the input and the report follows.
final class InteractiveStdinTests: XCTestCase {
    func testOneCtrlDEndsTypedInput() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: MotoServer.findExecutable("python3") ?? "/usr/bin/python3")
        process.arguments = [EndToEnd.packageRoot.appendingPathComponent("Tests/Support/ctrl_d.py").path,
                             "denied: Your authorization token has expired. Reauthenticate and try again.", "--",
                             EndToEnd.binary.path, "--quiet", "-"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let result = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any],
                                   String(decoding: data, as: UTF8.self))
        XCTAssertEqual(result["ended"] as? Bool, true, "still waiting after one Ctrl-D: \(result)")
        XCTAssertEqual(result["status"] as? Int, 0, "\(result)")
        XCTAssertTrue((result["output"] as? String)?.contains("ecr-auth-token-expired") ?? false, "\(result)")
    }
}
