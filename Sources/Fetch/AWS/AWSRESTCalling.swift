/// One signed REST call (S3): the method, the full URL (path and query already encoded as they go on the
/// wire) and the headers; the signer adds the date, token and signature.
public struct AWSRESTRequest: Sendable {
    public var service: AWSService
    /// The API operation, for retries' rate keys, log lines and error messages (`GetObject`).
    public var operation: String
    public var method: String
    public var url: String
    public var headers: [HTTPHeader]
    public var body: [UInt8]
    var expecting: ResponseBodyCheck.Expectation

    /// `xmlAnswer`: a 2xx body must be an XML document (a listing), else anything (an object's bytes).
    public init(service: AWSService, operation: String, method: String, url: String, headers: [HTTPHeader] = [],
                body: [UInt8] = [], xmlAnswer: Bool = false) {
        self.service = service
        self.operation = operation
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.expecting = xmlAnswer ? .xml : .any
    }
}

/// Makes one signed REST call with the same attempts, retries and error decoding as the JSON and query
/// calls, and returns the 2xx answer whole (status, headers, body). S3's client depends only on this,
/// so its unit tests can script answers without HTTP.
public protocol AWSRESTCalling: AnyObject {
    func callREST(_ call: AWSRESTRequest) throws -> HTTPResponse
}
