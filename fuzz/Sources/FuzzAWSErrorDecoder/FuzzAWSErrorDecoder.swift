import FuzzSupport
@testable import Fetch
import Foundation

/// A non-2xx AWS answer as `AWSJSONClient` sees it: status, headers and body from the input, then
/// `AWSErrorDecoder.decode` with the client's secrets, the retry delay and clock-skew headers, and the
/// damaged-2xx-body check. Asserts the user message is one bounded line without either secret, even when
/// the body carries them.
///
/// Input: `s0 s1` status (300...599), `flags`, `at` (where a secret goes in the body), `n` (length of the
/// `x-amzn-ErrorType` value that follows), `r` (`x-amz-retry-after`), then `n` bytes, then the body.
let secretKey = "FUZZSECRETKEY1234567890"
let sessionToken = "FUZZSESSIONTOKEN0987654321"
let dates = ["Thu, 03 Dec 2026 08:00:00 GMT", "Sun, 06 Nov 1994 08:49:37 GMT", "garbage", "", "Mon, 99 Foo 2026 99:99:99 GMT"]

/// What libcurl hands on as a header value: one line.
func headerValue(_ bytes: ArraySlice<UInt8>) -> String {
    String(decoding: bytes.filter { $0 != 0x0A && $0 != 0x0D }, as: UTF8.self)
}

func fuzzAWSErrorDecoder(_ bytes: UnsafeBufferPointer<UInt8>) -> CInt {
    let input = Array(bytes)
    guard input.count >= 6 else { return 0 }
    let status = 300 + (Int(input[0]) << 8 | Int(input[1])) % 300
    let flags = input[2]
    let typeLength = Int(input[4]) % 64
    let typeEnd = min(input.count, 6 + typeLength)
    var body = Array(input[typeEnd...])
    if flags & 0x10 != 0 {
        let secret = Array((flags & 0x20 != 0 ? sessionToken : secretKey).utf8)
        body.insert(contentsOf: secret, at: body.isEmpty ? 0 : Int(input[3]) % (body.count + 1))
    }
    var headers: [HTTPHeader] = []
    if flags & 0x01 != 0 { headers.append(HTTPHeader("x-amzn-ErrorType", headerValue(input[6..<typeEnd]))) }
    if flags & 0x02 != 0 { headers.append(HTTPHeader("Date", dates[Int(input[5]) % dates.count])) }
    if flags & 0x04 != 0 { headers.append(HTTPHeader("x-amz-retry-after", String(Int(input[5]) * 37 - 400))) }
    if flags & 0x08 != 0 { headers.append(HTTPHeader("x-amzn-RequestId", headerValue(input[6..<typeEnd]))) }
    let response = HTTPResponse(status: status, headers: headers, body: body)
    let service = AWSService.allCases[Int(flags >> 6) % AWSService.allCases.count]

    let error = AWSErrorDecoder.decode(response, service: service, operation: "GetLogEvents", region: "us-east-1",
                                       secrets: [secretKey, sessionToken])
    checkMessage(error.userMessage)
    if let advice = error.advice { checkMessage(advice) }
    _ = RetryPolicy.isRetryable(error)
    _ = error.mayBeClockSkew
    let delay = RetryPolicy(random: { 0.5 }).delay(afterAttempt: 1, retryAfterHeader: response.header("x-amz-retry-after"))
    precondition(delay >= 0 && delay <= 20, "the retry delay stays within the backoff cap")
    if let date = response.header("Date") { _ = HTTPDate.parse(date) }

    // The same body as a 2xx answer: either usable or a one-line reason.
    for expectingJSON in [true, false] {
        if let damage = ResponseBodyCheck.damage(in: body, expectingJSON: expectingJSON) {
            let damaged = AWSDamagedResponseError(service: service, operation: "GetLogEvents", status: 200,
                                                  reason: damage, bytesReceived: body.count, attempts: 3)
            checkMessage(damaged.userMessage)
        }
    }
    return 0
}

func checkMessage(_ text: String) {
    precondition(!text.contains(where: { $0 == "\n" || $0 == "\r" }), "a user message is one line: \(text.debugDescription)")
    precondition(text.count <= 1_000, "a user message is bounded: \(text.count) characters")
    precondition(!text.contains(secretKey) && !text.contains(sessionToken), "a secret reached a user message: \(text.debugDescription)")
}

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    fuzzAWSErrorDecoder(fuzzBytes(data, count))
}

@_cdecl("FuzzAWSErrorDecoder_main")
public func FuzzAWSErrorDecoderMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc, argv) { data, count in fuzzAWSErrorDecoder(fuzzBytes(data, count)) }
}
