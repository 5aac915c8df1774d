import Foundation

/// Codable requests and responses over `AWSJSONCalling`, shared by the CloudWatch Logs and CodeBuild clients.
extension AWSJSONCalling {
    /// Encodes `request`, sends it, and decodes the 2xx body as `Response`.
    ///
    /// Slashes stay unescaped (`/aws/codebuild/app`, not `\/aws\/...`) so the bytes sent are what a
    /// person reading a trace expects; the transport signs exactly these bytes.
    func call<Request: Encodable, Response: Decodable>(
        _ service: AWSService, _ operation: String, _ request: Request, as: Response.Type
    ) throws -> Response {
        let body = try AWSJSONBody.encode(request)
        let answer = try callJSON(service: service, operation: operation, body: body)
        return try AWSJSONBody.decode(Response.self, from: answer, service: service, operation: operation)
    }
}

/// The one JSON encoding and decoding used for AWS JSON 1.1 bodies.
enum AWSJSONBody {
    static func encode<Request: Encodable>(_ request: Request) throws -> [UInt8] {
        let encoder = JSONEncoder()
        // Sorted keys: the same request always produces the same bytes (tests compare them).
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return Array(try encoder.encode(request))
    }

    static func decode<Response: Decodable>(_ type: Response.Type, from bytes: [UInt8],
                                            service: AWSService, operation: String) throws -> Response {
        do {
            return try JSONDecoder().decode(type, from: Data(bytes))
        } catch let error as DecodingError {
            throw AWSResponseDecodingError(service: service, operation: operation, detail: describe(error))
        }
    }

    /// A short path-and-reason description; never the body, which may hold log content.
    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            // `builds[0].startTime`: indexes join their key without a dot.
            let keys = context.codingPath.reduce("") { path, key in
                if let index = key.intValue { return path + "[\(index)]" }
                return path.isEmpty ? key.stringValue : path + "." + key.stringValue
            }
            return keys.isEmpty ? "the top level" : keys
        }
        switch error {
        case .typeMismatch(_, let context): return "unexpected type at \(path(context))"
        case .valueNotFound(_, let context): return "missing value at \(path(context))"
        case .keyNotFound(let key, let context): return "missing key \(key.stringValue) at \(path(context))"
        case .dataCorrupted(let context):
            // Our own range checks (AWSTimestamp) say what is wrong; Foundation's texts may quote the body.
            if context.debugDescription.hasPrefix("timestamp ") {
                return "invalid value at \(path(context)): \(context.debugDescription)"
            }
            return "invalid JSON at \(path(context))"
        @unknown default: return "undecodable response"
        }
    }
}

/// A 2xx answer whose body is not the JSON the operation documents.
public struct AWSResponseDecodingError: UserFacingError, Equatable {
    public var service: AWSService
    public var operation: String
    public var detail: String

    public init(service: AWSService, operation: String, detail: String) {
        self.service = service
        self.operation = operation
        self.detail = detail
    }

    public var userMessage: String {
        "\(service.rawValue) \(operation) returned a response cbtriage cannot read (\(detail))"
    }
}
