import ArgumentParser
import Fetch

/// `--role-arn`, `--role-arn-for-account`, `--external-id`, `--role-session-name`: reading another account's builds
/// through a role assumed with STS (part of `AWSOptions`).
struct RoleOptions: ParsableArguments {
    @Option(name: .customLong("role-arn"),
            help: ArgumentHelp("Assume this IAM role (STS AssumeRole, signed with the usual credentials) before reading.",
                               valueName: "arn"))
    var roleARN: String?

    @Option(name: .customLong("role-arn-for-account"),
            help: ArgumentHelp("A role ARN with {account}, filled with the build's account (from its ARN or the event), "
                               + "e.g. arn:aws:iam::{account}:role/cbtriage-read.", valueName: "template"))
    var roleARNTemplate: String?

    @Option(name: .customLong("external-id"), help: ArgumentHelp("The external id the role's trust policy requires.",
                                                                 valueName: "id"))
    var externalId: String?

    @Option(name: .customLong("role-session-name"),
            help: ArgumentHelp("The assumed role's session name (default: cbtriage-<unix time>).", valueName: "name"))
    var sessionName: String?

    func validate() throws {
        if roleARN != nil && roleARNTemplate != nil {
            throw ValidationError("Use either --role-arn or --role-arn-for-account, not both.")
        }
        if roleARN == nil && roleARNTemplate == nil && (externalId != nil || sessionName != nil) {
            throw ValidationError("--external-id and --role-session-name go with --role-arn or --role-arn-for-account.")
        }
        do {
            // A template is checked by filling it with a well-formed account.
            let arn = try roleARN ?? roleARNTemplate.map { try RoleAssumption.fill(template: $0, account: "123456789012") }
            if let arn { _ = try RoleAssumption(roleARN: arn, externalId: externalId, sessionName: sessionName) }
        } catch let error as RoleAssumptionError {
            let flag = roleARN != nil ? "--role-arn" : "--role-arn-for-account"
            if case .invalidRoleARN = error, let given = roleARN ?? roleARNTemplate {
                throw ValidationError("\(flag): '\(given.prefix(120))' is not an IAM role ARN (expected "
                                      + "\(roleARN != nil ? RoleAssumptionError.acceptedForm : "arn:aws:iam::{account}:role/NAME"))")
            }
            throw ValidationError("\(flag): \(error.userMessage)")
        }
    }

    /// The role to assume for a build of `account` (nil when no role option was given).
    func assumption(account: String?) throws -> RoleAssumption? {
        if let roleARN { return try RoleAssumption(roleARN: roleARN, externalId: externalId, sessionName: sessionName) }
        guard let roleARNTemplate else { return nil }
        guard let account else { throw RoleAssumptionError.noAccountForTemplate }
        return try RoleAssumption(roleARN: RoleAssumption.fill(template: roleARNTemplate, account: account),
                                  externalId: externalId, sessionName: sessionName)
    }
}
