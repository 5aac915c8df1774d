import Analyze
import Fetch
import Foundation
import Parse
@testable import report
import XCTest

/// A diagnosis stored by `--out` and read back by `summary --from` gives the record the live diagnosis gives.
final class StoredDiagnosisTests: XCTestCase {
    private func stored(_ diagnosis: Diagnosis) -> Data {
        let document = JSONRenderer(settings: RenderSettings(now: SampleDiagnoses.clock)).document([diagnosis], unreadable: [])
        return Data(JSONWriter(pretty: false).write(document).utf8)
    }

    func testARecordReadBackEqualsTheLiveOneToTheMillisecond() throws {
        for diagnosis in [SampleDiagnoses.failedBuild(), SampleDiagnoses.succeededBuild(), SampleDiagnoses.partialBuild()] {
            var live = SummaryRecord(diagnosis)
            let records = try StoredDiagnosis.records(in: stored(diagnosis), name: "doc.json")
            XCTAssertEqual(records.count, 1)
            var back = try XCTUnwrap(records.first)
            // The document keeps times to the millisecond.
            XCTAssertEqual(back.startTime.map(ISOTime.format), live.startTime.map(ISOTime.format))
            back.startTime = nil
            live.startTime = nil
            XCTAssertEqual(back, live, diagnosis.source.name)
        }
    }

    func testTheIdentityIsTheBuildIdElseTheInputName() throws {
        let diagnosis = SampleDiagnoses.failedBuild()
        XCTAssertEqual(try StoredDiagnosis.identities(in: stored(diagnosis)), [StoredDiagnosis.identity(of: diagnosis)])
    }

    func testADocumentThatIsNotADiagnosisIsRefusedWithWhy() {
        for (body, reason) in [("[]", "not a JSON object"), ("{\"schemaVersion\": 99, \"builds\": []}", "schemaVersion"),
                               ("{\"schemaVersion\": 1}", "no builds array")] {
            XCTAssertThrowsError(try StoredDiagnosis.records(in: Data(body.utf8), name: "x.json")) { error in
                let message = (error as? StoredDiagnosisError)?.userMessage ?? ""
                XCTAssertTrue(message.hasPrefix("x.json: not a stored cbtriage diagnosis"), message)
                XCTAssertTrue(message.contains(reason), message)
                XCTAssertEqual(ErrorClassifier.status(for: error), .unreadableInput)
            }
        }
    }

    func testNamesAreTheARNWithUnsafeCharactersReplaced() {
        let diagnosis = SampleDiagnoses.failedBuild()
        XCTAssertEqual(ResultName.name(arn: "arn:aws:codebuild:us-east-1:123456789012:build/web-app:0f1e-2d", diagnosis: diagnosis),
                       "arn_aws_codebuild_us-east-1_123456789012_build_web-app_0f1e-2d.json")
        XCTAssertEqual(ResultName.safe("a b/\u{FC}:c"), "a_b___c")
    }

    func testDestinations() {
        XCTAssertEqual(ResultDestination(parsing: "s3://bucket/nightly"), .s3(S3ObjectAddress(bucket: "bucket", key: "nightly/")))
        XCTAssertEqual(ResultDestination(parsing: "s3://bucket"), .s3(S3ObjectAddress(bucket: "bucket", key: "")))
        XCTAssertEqual(ResultDestination(parsing: "s3://bucket/a/"), .s3(S3ObjectAddress(bucket: "bucket", key: "a/")))
        XCTAssertNil(ResultDestination(parsing: "s3://"))
        XCTAssertEqual(ResultDestination(parsing: "results"), .directory("results"))
    }

    func testS3NotFoundIsAnUnreadableInputAndAccessDeniedAPermissionError() {
        let missing = AWSError(code: "NoSuchKey", message: "", status: 404, service: .s3, operation: "GetObject", region: "us-east-1")
        XCTAssertEqual(ErrorClassifier.status(for: missing), .unreadableInput)
        var bucket = missing
        bucket.code = "NoSuchBucket"
        XCTAssertEqual(ErrorClassifier.status(for: bucket), .unreadableInput)
        let denied = AWSError(code: "AccessDenied", message: "", status: 403, service: .s3, operation: "GetObject", region: "us-east-1")
        XCTAssertEqual(ErrorClassifier.status(for: denied), .permissionDenied)
        let other = AWSError(code: "InternalError", message: "", status: 500, service: .s3, operation: "GetObject", region: "us-east-1")
        XCTAssertEqual(ErrorClassifier.status(for: other), .serviceUnavailable)
        XCTAssertEqual(ErrorClassifier.status(for: ResultStoreError.writeFailed(target: "x", reason: "y")), .outputFailed)
    }
}
