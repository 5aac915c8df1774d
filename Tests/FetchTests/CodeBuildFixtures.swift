import Foundation
import XCTest

/// Recorded `BatchGetBuilds` answers in `Fixtures/codebuild-api/`.
enum CodeBuildFixture {
    static var directory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures/codebuild-api")
    }

    static func text(_ name: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent("\(name).json"), encoding: .utf8)
    }
}
