import Foundation

/// A timestamp in an AWS JSON 1.1 body, kept as epoch seconds.
///
/// AWS sends epoch seconds as a JSON number with a fraction (`1709719200.123`); moto sends ISO-8601
/// strings (`2024-03-06T10:00:00.123Z`), which the SDKs also accept. Both decode; encoding writes the number.
@propertyWrapper
public struct AWSTimestamp: Codable, Equatable, Sendable {
    public var wrappedValue: Double?

    /// 9999-12-31T23:59:59Z.
    static let latestEpochSeconds: Double = 253_402_300_799

    public init(wrappedValue: Double?) {
        self.wrappedValue = wrappedValue
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            wrappedValue = nil
        } else if let seconds = try? container.decode(Double.self) {
            // 1e300 or a negative time is a broken answer, not a build time: refuse it here, where the
            // error names the field, instead of trapping later in date arithmetic.
            guard seconds.isFinite, (0...Self.latestEpochSeconds).contains(seconds) else {
                throw DecodingError.dataCorruptedError(in: container,
                                                       debugDescription: "timestamp \(seconds) is outside 1970...9999")
            }
            wrappedValue = seconds
        } else if let date = Self.isoDate(try container.decode(String.self)) {
            wrappedValue = date.timeIntervalSince1970
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a timestamp")
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(wrappedValue)
    }

    private static func isoDate(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }
}

extension KeyedDecodingContainer {
    /// An absent timestamp key is nil, as for a plain optional (synthesized decoding calls this overload).
    func decode(_ type: AWSTimestamp.Type, forKey key: Key) throws -> AWSTimestamp {
        try decodeIfPresent(type, forKey: key) ?? AWSTimestamp(wrappedValue: nil)
    }
}
