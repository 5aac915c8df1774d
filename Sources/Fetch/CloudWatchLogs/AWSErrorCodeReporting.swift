/// An error that carries an AWS service's own error code and message (`ResourceNotFoundException`,
/// `The specified log stream does not exist.`).
///
/// The service clients only need these two strings to turn "does not exist" answers into errors that
/// name what is missing; the AWS call layer's error type conforms (see `AWSError+CodeReporting.swift`)
/// and unit-test fakes conform without HTTP.
public protocol AWSErrorCodeReporting: Error {
    var awsErrorCode: String? { get }
    var awsErrorMessage: String? { get }
}
