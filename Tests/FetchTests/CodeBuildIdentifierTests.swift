import Fetch
import XCTest

final class CodeBuildIdentifierTests: XCTestCase {
    func testProjectColonUUID() throws {
        let id = try BuildIdentifier(parsing: "web-app:6f1c2a9e-3b7d-4e0f-9a5c-2d8e1f4b7c30")
        XCTAssertEqual(id, BuildIdentifier(id: "web-app:6f1c2a9e-3b7d-4e0f-9a5c-2d8e1f4b7c30", region: nil))
        XCTAssertEqual(id.project, "web-app")
    }

    func testBuildARNGivesIdAndRegion() throws {
        let id = try BuildIdentifier(parsing:
            "arn:aws:codebuild:eu-west-1:123456789012:build/web-app:6f1c2a9e-3b7d-4e0f-9a5c-2d8e1f4b7c30")
        XCTAssertEqual(id, BuildIdentifier(id: "web-app:6f1c2a9e-3b7d-4e0f-9a5c-2d8e1f4b7c30", region: "eu-west-1"))
        let china = try BuildIdentifier(parsing: "arn:aws-cn:codebuild:cn-north-1:123456789012:build/p:u")
        XCTAssertEqual(china.region, "cn-north-1")
    }

    func testMalformedIdentifiersAreRejected() {
        for text in ["", "web-app", "web-app:", ":uuid", "a:b:c", "arn:aws:s3:::bucket/key",
                     "arn:aws:codebuild:us-east-1:123456789012:project/web-app", "arn:aws:codebuild::1:build/p:u"] {
            XCTAssertThrowsError(try BuildIdentifier(parsing: text), text) { error in
                XCTAssertEqual(error as? CodeBuildError, .invalidBuildIdentifier(text))
            }
        }
    }

    func testCurrentBuildPrefersTheARNForItsRegion() throws {
        let both = ["CODEBUILD_BUILD_ARN": "arn:aws:codebuild:us-west-2:1:build/p:u", "CODEBUILD_BUILD_ID": "p:u"]
        XCTAssertEqual(try BuildIdentifier.current(environment: both), BuildIdentifier(id: "p:u", region: "us-west-2"))
        XCTAssertEqual(try BuildIdentifier.current(environment: ["CODEBUILD_BUILD_ID": "p:u"]),
                       BuildIdentifier(id: "p:u"))
        XCTAssertNil(try BuildIdentifier.current(environment: [:]))
    }
}
