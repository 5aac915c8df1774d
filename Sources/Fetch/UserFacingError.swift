/// An error that can be shown to the user as one line.
///
/// Every module's error types conform; `report` prints `userMessage` once and picks the exit code.
/// A message must never contain a credential, a secret or a webhook URL.
public protocol UserFacingError: Error {
    var userMessage: String { get }
}
