import Foundation

/// Turns a non-2xx AWS answer into `AWSError`, for both body shapes AWS uses:
/// JSON 1.1 (`{"__type":"com.amazonaws.logs#ResourceNotFoundException","message":"…"}`) and XML
/// (`<ErrorResponse><Error><Code>…</Code><Message>…</Message></Error><RequestId>…`), which STS and
/// the signature checker answer with even for JSON services.
enum AWSErrorDecoder {
    /// Longest message kept; AWS messages are short, anything longer is an echoed request.
    static let maxMessageLength = 400
    /// Longest code kept; real codes are short identifiers, a longer one is not a code.
    static let maxCodeLength = 100

    /// `secrets` are scrubbed from the message (the secret key, the session token).
    static func decode(_ response: HTTPResponse, service: AWSService, operation: String, region: String,
                       secrets: [String]) -> AWSError {
        var code = ""
        var message = ""
        var requestId = response.header("x-amzn-RequestId") ?? response.header("x-amz-request-id")
        let firstByte = response.body.first { !isWhitespace($0) }
        if firstByte == UInt8(ascii: "{") {
            (code, message) = decodeJSON(response.body)
        } else if firstByte == UInt8(ascii: "<") {
            let text = String(decoding: response.body, as: UTF8.self)
            code = xmlElement("Code", in: text) ?? ""
            message = xmlElement("Message", in: text) ?? ""
            if requestId == nil { requestId = xmlElement("RequestId", in: text) }
        }
        if code.isEmpty, let header = response.header("x-amzn-ErrorType") {
            // `ResourceNotFoundException:http://internal.amazon.com/coral/...`
            code = String(header.split(separator: ":", maxSplits: 1).first ?? "")
        }
        // The code is the body's too: a proxy or an echo can put anything there, a secret or a newline included.
        return AWSError(code: clean(code, secrets: secrets, limit: maxCodeLength),
                        message: clean(message, secrets: secrets), status: response.status,
                        service: service, operation: operation, region: region, requestId: requestId)
    }

    static func decodeJSON(_ body: [UInt8]) -> (code: String, message: String) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else {
            return ("", "")
        }
        var code = (object["__type"] as? String) ?? (object["code"] as? String) ?? (object["Code"] as? String) ?? ""
        // `com.amazonaws.logs#ResourceNotFoundException` → the part after `#`.
        if let hash = code.lastIndex(of: "#") {
            code = String(code[code.index(after: hash)...])
        }
        // Some services append `:http://…` to the type.
        if let colon = code.firstIndex(of: ":") {
            code = String(code[..<colon])
        }
        let message = (object["message"] as? String) ?? (object["Message"] as? String)
            ?? (object["errorMessage"] as? String) ?? ""
        return (code, message)
    }

    /// The text of the first `<name>…</name>`, entities decoded. The bodies are tiny and flat, so a
    /// search is enough; no XML parser (FoundationXML would pull in libxml2).
    static func xmlElement(_ name: String, in text: String) -> String? {
        guard let open = text.range(of: "<\(name)>"),
              let close = text.range(of: "</\(name)>", range: open.upperBound..<text.endIndex) else {
            return nil
        }
        return decodeEntities(String(text[open.upperBound..<close.lowerBound]))
    }

    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&#xA;", with: "\n").replacingOccurrences(of: "&#10;", with: "\n")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    private static let echoedCredentialPatterns: [NSRegularExpression] = [
        #"(Credential=)[^\s,]+"#, #"(Signature=)[0-9A-Fa-f]+"#, #"(X-Amz-Security-Token[=:]\s*)[^\s&,]+"#,
        #"()(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])"#,
    ].compactMap { try? NSRegularExpression(pattern: $0, options: [.caseInsensitive]) }

    /// One line, no echoed canonical request, no known secret, bounded length.
    static func clean(_ message: String, secrets: [String], limit: Int = maxMessageLength) -> String {
        var text = message
        // SignatureDoesNotMatch from AWS goes on with "The Canonical String for this request should
        // have been '…'" — the canonical request, which includes the session token.
        for marker in ["The Canonical String for this request", "The String-to-Sign should have been", "Canonical String"] {
            if let range = text.range(of: marker) {
                text = String(text[..<range.lowerBound])
            }
        }
        for secret in secrets where secret.count >= 8 {
            text = text.replacingOccurrences(of: secret, with: "<redacted>")
        }
        // A server (or proxy) that echoes the request's Authorization header shows the access key id
        // and the signature: neither belongs in a report.
        for pattern in echoedCredentialPatterns {
            text = pattern.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text),
                                                    withTemplate: "$1<redacted>")
        }
        text = text.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\t" }).joined(separator: " ")
        text = text.trimmingCharacters(in: .whitespaces)
        if text.count > limit {
            text = String(text.prefix(limit)) + "…"
        }
        return text
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
