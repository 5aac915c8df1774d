import Foundation
import XCTest
@testable import Fetch

/// Marker values: if one of these shows up in a message, a secret leaked.
enum CredentialSecretMarker {
    static let secret = "SECRETMARKERsecretKEY0123456789"
    static let token = "TOKENMARKERsessionTOKEN0123456789"
    static let authorization = "AUTHMARKERcontainerTOKEN"
    static let all = [secret, token, authorization]

    static func assertAbsent(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        for marker in all {
            XCTAssertFalse(text.contains(marker), "secret marker leaked into: \(text)", file: file, line: line)
        }
    }
}

/// Records requests and answers them from a script; unit tests of the providers need no network.
final class CredentialTestTransport: HTTPTransport, @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [HTTPRequest] = []
    private let respond: (HTTPRequest) throws -> HTTPResponse

    init(_ respond: @escaping (HTTPRequest) throws -> HTTPResponse) {
        self.respond = respond
    }

    var requests: [HTTPRequest] {
        lock.lock(); defer { lock.unlock() }
        return recorded
    }

    func send(_ request: HTTPRequest) throws -> HTTPResponse {
        lock.lock()
        recorded.append(request)
        lock.unlock()
        return try respond(request)
    }
}

struct CredentialTestTransportError: UserFacingError {
    var userMessage: String { "connection refused" }
}

/// A throwaway home directory with `.aws/config` and `.aws/credentials`, removed by `cleanUp()`.
final class CredentialTestHome {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "cbtriage-creds-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path + "/.aws", withIntermediateDirectories: true)
    }

    func write(_ relativePath: String, _ text: String, executable: Bool = false) throws {
        let full = path + "/" + relativePath
        let directory = (full as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try text.write(toFile: full, atomically: true, encoding: .utf8)
        if executable {
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: full)
        }
    }

    func config(_ text: String) throws { try write(".aws/config", text) }
    func credentials(_ text: String) throws { try write(".aws/credentials", text) }

    /// An environment rooted here, with IMDS off unless a test turns it on, and a fixed clock.
    func environment(_ variables: [String: String] = [:], now: Date = CredentialTestClock.start,
                     disableMetadata: Bool = true) -> AWSEnvironment {
        var all = ["PATH": "/usr/bin:/bin"]
        if disableMetadata { all["AWS_EC2_METADATA_DISABLED"] = "true" }
        all.merge(variables) { _, new in new }
        return AWSEnvironment(variables: all, homeDirectory: path, now: { now })
    }

    func cleanUp() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

enum CredentialTestClock {
    /// 2026-11-25T12:00:00Z
    static let start = Date(timeIntervalSince1970: 1_795_608_000)

    static func iso(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}

/// A clock tests can move forward.
final class CredentialMovableClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date
    init(_ start: Date = CredentialTestClock.start) { current = start }
    var now: Date { lock.lock(); defer { lock.unlock() }; return current }
    func advance(_ seconds: TimeInterval) { lock.lock(); current += seconds; lock.unlock() }
}

/// An STS `AssumeRole`-style XML answer.
func stsCredentialsResponse(operation: String = "AssumeRole", accessKeyId: String = "ASIAASSUMED",
                 secret: String = CredentialSecretMarker.secret, token: String = CredentialSecretMarker.token,
                 expiration: Date = CredentialTestClock.start + 3600) -> HTTPResponse {
    let xml = """
    <\(operation)Response xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
      <\(operation)Result>
        <Credentials>
          <AccessKeyId>\(accessKeyId)</AccessKeyId>
          <SecretAccessKey>\(secret)</SecretAccessKey>
          <SessionToken>\(token)</SessionToken>
          <Expiration>\(CredentialTestClock.iso(expiration))</Expiration>
        </Credentials>
        <AssumedRoleUser><Arn>arn:aws:sts::123456789012:assumed-role/r/s</Arn></AssumedRoleUser>
      </\(operation)Result>
    </\(operation)Response>
    """
    return HTTPResponse(status: 200, body: Array(xml.utf8))
}

/// The form fields of a query-protocol request body.
func stsFormFields(_ request: HTTPRequest) -> [String: String] {
    var fields: [String: String] = [:]
    for pair in String(decoding: request.body, as: UTF8.self).split(separator: "&") {
        let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding ?? String($0) }
        if parts.count == 2 { fields[parts[0]] = parts[1] }
    }
    return fields
}

/// The user message of whatever `body` throws, failing the test when it does not throw.
func credentialErrorMessage(file: StaticString = #filePath, line: UInt = #line, _ body: () throws -> Void) -> String {
    do {
        try body()
        XCTFail("expected an error", file: file, line: line)
        return ""
    } catch let error as UserFacingError {
        let message = error.userMessage
        CredentialSecretMarker.assertAbsent(message, file: file, line: line)
        CredentialSecretMarker.assertAbsent(String(describing: error), file: file, line: line)
        return message
    } catch {
        XCTFail("not a UserFacingError: \(error)", file: file, line: line)
        return ""
    }
}

extension HTTPRequest {
    /// The first header of that name, compared case-insensitively (test helper).
    func firstHeader(named name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}
