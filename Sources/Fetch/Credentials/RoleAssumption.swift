import Foundation

/// `--role-arn` / `--role-arn-for-account`: a role assumed through STS `AssumeRole` before anything is read,
/// signed with the normal chain's credentials (the "source"), the result cached until it nears expiry.
/// What a central account uses to read its member accounts' builds.
public struct RoleAssumption: Equatable, Sendable {
    public var roleARN: String
    public var externalId: String?
    public var sessionName: String?

    /// Validates the ARN, the external id and the session name (IAM's documented forms).
    public init(roleARN: String, externalId: String? = nil, sessionName: String? = nil) throws {
        guard Self.isRoleARN(roleARN) else { throw RoleAssumptionError.invalidRoleARN(roleARN) }
        if let externalId, !Self.isExternalId(externalId) { throw RoleAssumptionError.invalidExternalId }
        if let sessionName, !Self.isSessionName(sessionName) { throw RoleAssumptionError.invalidSessionName(sessionName) }
        self.roleARN = roleARN
        self.externalId = externalId
        self.sessionName = sessionName
    }

    /// `arn:aws:iam::{account}:role/cbtriage-read`, filled with the account a build belongs to.
    public static let accountPlaceholder = "{account}"

    /// The template with `{account}` replaced; throws unless the template has the placeholder and the result
    /// is a role ARN.
    public static func fill(template: String, account: String) throws -> String {
        guard template.contains(accountPlaceholder) else { throw RoleAssumptionError.templateWithoutAccount(template) }
        guard isAccount(account) else { throw RoleAssumptionError.invalidAccount(account) }
        let filled = template.replacingOccurrences(of: accountPlaceholder, with: account)
        guard isRoleARN(filled) else { throw RoleAssumptionError.invalidRoleARN(template) }
        return filled
    }

    /// The 12-digit account inside an ARN (`arn:PARTITION:SERVICE:REGION:ACCOUNT:…`), if it has one.
    public static func account(inARN arn: String) -> String? {
        let parts = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", isAccount(String(parts[4])) else { return nil }
        return String(parts[4])
    }

    /// `arn:PARTITION:iam::ACCOUNT:role/[PATH/]NAME`.
    static func isRoleARN(_ text: String) -> Bool {
        let parts = text.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "arn", ["aws", "aws-cn", "aws-us-gov"].contains(parts[1]),
              parts[2] == "iam", parts[3].isEmpty, isAccount(String(parts[4])), parts[5].hasPrefix("role/") else {
            return false
        }
        let path = parts[5].dropFirst("role/".count)
        guard let name = path.split(separator: "/", omittingEmptySubsequences: false).last,
              (1...64).contains(name.count) else { return false }
        return path.allSatisfy { isNameCharacter($0) || $0 == "/" }
    }

    public static func isAccount(_ text: String) -> Bool { text.count == 12 && text.allSatisfy(\.isASCII) && text.allSatisfy(\.isNumber) }

    /// 2 to 1224 characters of `[\w+=,.@:/-]` (STS AssumeRole's ExternalId).
    static func isExternalId(_ text: String) -> Bool {
        (2...1224).contains(text.count) && text.allSatisfy { isNameCharacter($0) || $0 == ":" || $0 == "/" }
    }

    /// 2 to 64 characters of `[\w+=,.@-]` (STS AssumeRole's RoleSessionName).
    static func isSessionName(_ text: String) -> Bool {
        (2...64).contains(text.count) && text.allSatisfy(isNameCharacter)
    }

    private static func isNameCharacter(_ character: Character) -> Bool {
        guard character.isASCII else { return false }
        return character.isLetter || character.isNumber || "_+=,.@-".contains(character)
    }
}

public enum RoleAssumptionError: Error, Equatable, UserFacingError {
    case invalidRoleARN(String)
    case invalidExternalId
    case invalidSessionName(String)
    case templateWithoutAccount(String)
    case invalidAccount(String)
    /// `--role-arn-for-account` with a build that names no account (`PROJECT:UUID`, or a command without a build).
    case noAccountForTemplate

    public static let acceptedForm = "arn:aws:iam::ACCOUNT:role/NAME"

    public var userMessage: String {
        switch self {
        case .invalidRoleARN(let text):
            return "'\(Self.clip(text))' is not an IAM role ARN (expected \(Self.acceptedForm), ACCOUNT 12 digits)"
        case .invalidExternalId:
            // Not echoed: an external id is not a secret, but it is a shared value best kept out of logs.
            return "the external id must be 2 to 1224 characters of letters, digits and _+=,.@:/-"
        case .invalidSessionName(let text):
            return "'\(Self.clip(text))' is not a role session name (2 to 64 characters of letters, digits and _+=,.@-)"
        case .templateWithoutAccount(let text):
            return "'\(Self.clip(text))' has no {account} to fill (expected e.g. arn:aws:iam::{account}:role/cbtriage-read)"
        case .invalidAccount(let text):
            return "'\(Self.clip(text))' is not an AWS account id (12 digits)"
        case .noAccountForTemplate:
            return "--role-arn-for-account needs the build's account: give the build as an ARN or an --event "
                + "(PROJECT:UUID names no account), or use --role-arn"
        }
    }

    private static func clip(_ text: String) -> String {
        let printable = text.filter { !$0.isNewline }
        return printable.count > 120 ? String(printable.prefix(120)) + "…" : printable
    }
}

extension AWSSettings {
    /// The normal chain, or, with `role`, credentials STS `AssumeRole` hands out for it (the chain's signing that
    /// call), cached and refreshed before they expire.
    public func credentialsProvider(transport: HTTPTransport, assuming role: RoleAssumption?) -> CredentialsProvider {
        let chain = credentialsProvider(transport: transport)
        guard let role else { return chain }
        let context = CredentialContext(environment: environment, config: sharedConfig, transport: transport,
                                        region: region, stsEndpoint: endpoint(for: .sts))
        let parameters = STSClient.AssumeRoleParameters(
            roleArn: role.roleARN, roleSessionName: role.sessionName ?? context.defaultSessionName(),
            externalId: role.externalId, durationSeconds: nil)
        let sts = context.sts
        return context.caching {
            // The source's name is looked up when STS is called, so --verbose says where the signing keys came from.
            let source = (try? chain.credentials().source) ?? "the default chain"
            return try sts.assumeRole(parameters, source: chain,
                                      description: "assume role \(role.roleARN) (source: \(source))")
        }
    }
}
