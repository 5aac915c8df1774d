import Foundation
import XCTest

/// `--post` against a scripted local webhook (`Tests/Support/webhook_server.py`) over the real transport.
final class PostTests: XCTestCase {
    private let secretPath = "/services/T0SECRET/B0SECRET/xoxTOKENmarker"

    /// A recorder whose URL carries the secret-looking path.
    private struct Webhook {
        var recorder: WebhookRecorder
        var url: String
        func requests() throws -> [[String: Any]] { try recorder.requests() }
    }

    private func startWebhook(statuses: [Int]) throws -> Webhook {
        let recorder = try WebhookRecorder.start(statuses: statuses, for: self)
        return Webhook(recorder: recorder, url: recorder.url(path: secretPath))
    }

    private var ecrLog: String {
        EndToEnd.packageRoot.appendingPathComponent("Tests/Golden/inputs/ecr-push-expired.log").path
    }

    func testSummaryPostsItsJSONDocumentAndItsTextAsText() throws {
        let webhook = try startWebhook(statuses: [200, 200])
        let json = try EndToEnd.run(["summary", "--format", "json", "--post", webhook.url, ecrLog])
        XCTAssertEqual(json.status, 0, json.stderr)
        let text = try EndToEnd.run(["summary", "--post-env", "CBT_HOOK", ecrLog], environment: ["CBT_HOOK": webhook.url])
        XCTAssertEqual(text.status, 0, text.stderr)
        let requests = try webhook.requests()
        XCTAssertEqual(requests.count, 2)
        let bodies = try requests.map { request -> [String: Any] in
            let body = try XCTUnwrap((request["body"] as? String).map { Data($0.utf8) })
            return try XCTUnwrap(JSONSerialization.jsonObject(with: body) as? [String: Any])
        }
        XCTAssertEqual(bodies.first?["kind"] as? String, "summary")
        XCTAssertEqual(bodies.first?["buildsFailed"] as? Int, 1)
        XCTAssertEqual(bodies.last?["text"] as? String, text.stdout, "text goes as {\"text\": …}, exactly as printed")
        XCTAssertFalse(json.everything.contains("T0SECRET") || text.everything.contains("T0SECRET"))
    }

    func testSummaryThatCannotPostExits69AndNeverShowsTheURL() throws {
        let run = try EndToEnd.run(["summary", "--post", "http://127.0.0.1:9/services/T0SECRET/B0SECRET/x", ecrLog])
        XCTAssertEqual(run.status, 69)
        XCTAssertTrue(run.stdout.contains("1 of 1 builds failed"), "the summary is still printed")
        XCTAssertEqual(run.stderr, "cbtriage: could not post to the webhook after 3 attempts: could not connect to 127.0.0.1 "
                       + "port 9 (connection refused or unreachable)\n")
    }

    func testServerErrorThenSuccessDeliversTheSlackPayload() throws {
        let webhook = try startWebhook(statuses: [500, 200])
        let run = try EndToEnd.run(["--format", "slack", "--post-env", "CBT_HOOK", ecrLog], environment: ["CBT_HOOK": webhook.url])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stderr, "")
        let requests = try webhook.requests()
        XCTAssertEqual(requests.count, 2)
        XCTAssertEqual(requests.last?["path"] as? String, secretPath)
        XCTAssertEqual(requests.last?["contentType"] as? String, "application/json; charset=utf-8")
        let body = try XCTUnwrap((requests.last?["body"] as? String).map { Data($0.utf8) })
        let payload = try XCTUnwrap(JSONSerialization.jsonObject(with: body) as? [String: Any])
        XCTAssertNotNil(payload["blocks"] as? [Any])
        XCTAssertNotNil(payload["text"] as? String)
    }

    func testTextIsPostedAsATextField() throws {
        let webhook = try startWebhook(statuses: [200])
        let run = try EndToEnd.run(["--post", webhook.url, ecrLog])
        XCTAssertEqual(run.status, 0, run.stderr)
        let body = try XCTUnwrap((try webhook.requests().first?["body"] as? String).map { Data($0.utf8) })
        let payload = try XCTUnwrap(JSONSerialization.jsonObject(with: body) as? [String: Any])
        XCTAssertTrue((payload["text"] as? String ?? "").contains("ecr-push-expired.log"))
    }

    func testNotFoundIsAClearErrorWithoutTheURL() throws {
        let webhook = try startWebhook(statuses: [404])
        let run = try EndToEnd.run(["--post", webhook.url, ecrLog])
        XCTAssertEqual(run.status, 69)
        XCTAssertEqual(run.stderr, "cbtriage: the webhook rejected the report: HTTP 404 (no_service)\n")
        XCTAssertFalse(run.stdout.contains("SECRET") || run.stderr.contains("SECRET") || run.stderr.contains("127.0.0.1"))
        XCTAssertEqual(try webhook.requests().count, 1, "a 404 is not retried")
    }

    func testUnreachableWebhookGivesUpAfterThreeAttempts() throws {
        // A port nobody listens on: bind, note, close.
        let run = try EndToEnd.run(["--post", "http://127.0.0.1:9\(secretPath)", ecrLog])
        XCTAssertEqual(run.status, 69)
        XCTAssertTrue(run.stderr.hasPrefix("cbtriage: could not post to the webhook after 3 attempts"), run.stderr)
        XCTAssertFalse(run.stderr.contains("SECRET"), run.stderr)
        EndToEnd.assertNoBacktrace(run)
    }
}
