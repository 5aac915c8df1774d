import Foundation

/// A 2xx answer whose body cannot be the document the operation returns: empty, cut short, or a page from
/// something between cbtriage and AWS (a proxy's HTML). Like a reset connection, it is transient: the call is
/// tried again under the same retry policy, and only then is it an error.
enum ResponseBodyCheck {
    /// Why the body is unusable, or nil when it is a complete JSON object (JSON protocol) or starts like an
    /// XML document (query protocol).
    /// What a 2xx body must be: a JSON object (JSON 1.1), an XML document (query protocol, S3 listings), or
    /// anything at all (an S3 object's bytes, a PUT's empty answer).
    enum Expectation: Sendable {
        case json, xml, any
    }

    static func damage(in body: [UInt8], expecting: Expectation) -> String? {
        switch expecting {
        case .any: return nil
        case .json: return damage(in: body, expectingJSON: true)
        case .xml: return damage(in: body, expectingJSON: false)
        }
    }

    static func damage(in body: [UInt8], expectingJSON: Bool) -> String? {
        guard let first = body.first(where: { !isWhitespace($0) }) else { return "an empty body" }
        if first == UInt8(ascii: "<") {
            return expectingJSON ? "an HTML or XML page instead of JSON" : nil
        }
        guard expectingJSON else { return "not an XML document" }
        guard first == UInt8(ascii: "{"),
              (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] != nil
        else { return "JSON cut short or invalid" }
        return nil
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }
}

/// Every attempt of a call got a 2xx answer with a damaged body.
public struct AWSDamagedResponseError: UserFacingError, Equatable {
    public var service: AWSService
    public var operation: String
    public var status: Int
    public var reason: String
    public var bytesReceived: Int
    public var attempts: Int

    public init(service: AWSService, operation: String, status: Int, reason: String, bytesReceived: Int, attempts: Int) {
        self.service = service
        self.operation = operation
        self.status = status
        self.reason = reason
        self.bytesReceived = bytesReceived
        self.attempts = attempts
    }

    public var userMessage: String {
        "\(service.signingName) \(operation) answered \(status) with \(reason) (\(bytesReceived) bytes) "
            + "on \(attempts == 1 ? "its only attempt" : "all \(attempts) attempts"); check any proxy between "
            + "cbtriage and AWS, then try again"
    }
}
