/// Makes one signed AWS query-protocol call (STS) and returns the XML body of a 2xx answer.
///
/// `parameters` are sent in the given order, form-encoded the way botocore does it (RFC 3986
/// unreserved characters kept, everything else `%XX`, space as `%20`), and must start with
/// `Action` and `Version`, e.g. `[("Action", "AssumeRole"), ("Version", "2011-06-15"), ("RoleArn", …)]`.
/// The credentials chain depends only on this protocol, so its tests can script STS answers.
public protocol AWSQueryCalling: AnyObject {
    func callQuery(service: AWSService, parameters: [(String, String)]) throws -> [UInt8]
}

/// The query-protocol body: `name=value` pairs joined by `&`, in order.
public enum AWSQueryBody {
    public static func encode(_ parameters: [(String, String)]) -> [UInt8] {
        Array(parameters.map {
            SigV4Encoding.uriEncode($0.0.utf8, keepSlash: false) + "=" + SigV4Encoding.uriEncode($0.1.utf8, keepSlash: false)
        }.joined(separator: "&").utf8)
    }
}
