/// The AWS call layer's error carries the service's code and message: the clients read them to turn
/// `ResourceNotFoundException` into errors that name the missing group, stream, build or project.
extension AWSError: AWSErrorCodeReporting {
    public var awsErrorCode: String? { code }
    public var awsErrorMessage: String? { message }
}
