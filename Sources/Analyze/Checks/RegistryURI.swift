import Foundation

/// An ECR registry reference found in a line: `<account>.dkr.ecr[-fips].<region>.amazonaws.com[.cn][/repo[:tag]]`.
///
/// Pieces are kept as written, empty when the text has nothing there (`.dkr.ecr..amazonaws.com`),
/// which is how an unset shell variable shows after expansion.
struct RegistryURI: Equatable {
    var text: String
    var account: String
    var isFIPS: Bool
    var region: String
    var domain: String
    /// The repository path without its leading `/`; nil when the reference names only the registry.
    var repository: String?
    /// nil when there is no `:`; empty when the `:` ends the reference.
    var tag: String?

    /// Offsets (in `text`'s UTF-16 units) of each piece, for aligning with a command's variables.
    var accountOffset = 0
    var regionOffset = 0
    var repositoryOffset: Int?
    var tagOffset: Int?

    /// The registry host as written.
    var host: String { "\(account).dkr.ecr\(isFIPS ? "-fips" : "").\(region).\(domain)" }

    /// Written with shell variables still in it (a command's own text, not its output).
    var isTemplate: Bool { text.contains("$") || text.contains("{") || text.contains("}") }

    private static let pattern: NSRegularExpression? = try? NSRegularExpression(pattern:
        #"(?<![A-Za-z0-9_.$}{-])([A-Za-z0-9_${}-]*)\.dkr\.ecr(-fips)?\.([A-Za-z0-9_${}-]*)\.(amazonaws\.com(?:\.cn)?)"#
            + #"(/[^\s:@\[\]"'`,;()<>]*)?(?::([^\s@\[\]"'`,;()<>/]*))?"#)

    /// Every reference in `line`, in order.
    static func all(in line: String) -> [RegistryURI] {
        guard let pattern else { return [] }
        let nsLine = line as NSString
        return pattern.matches(in: line, range: NSRange(location: 0, length: nsLine.length)).map { match in
            func piece(_ index: Int) -> String? {
                let range = match.range(at: index)
                return range.location == NSNotFound ? nil : nsLine.substring(with: range)
            }
            let start = match.range.location
            var uri = RegistryURI(text: nsLine.substring(with: match.range), account: piece(1) ?? "",
                                  isFIPS: piece(2) != nil, region: piece(3) ?? "", domain: piece(4) ?? "",
                                  repository: piece(5).map { String($0.dropFirst()) }, tag: piece(6))
            uri.accountOffset = match.range(at: 1).location - start
            uri.regionOffset = match.range(at: 3).location - start
            if match.range(at: 5).location != NSNotFound { uri.repositoryOffset = match.range(at: 5).location + 1 - start }
            if match.range(at: 6).location != NSNotFound { uri.tagOffset = match.range(at: 6).location - start }
            // `https://<registry>/v2/…` is the registry's HTTP API, not an image reference.
            if let path = uri.repository, path == "v2" || path.hasPrefix("v2/") {
                uri.repository = nil
                uri.tag = nil
                uri.repositoryOffset = nil
                uri.tagOffset = nil
            }
            return uri
        }
    }

    /// Same registry: account and region (the repository does not matter for a login).
    func sameRegistry(as other: RegistryURI) -> Bool {
        account == other.account && region == other.region && isFIPS == other.isFIPS
    }
}

/// What can be wrong with a reference, first problem first.
enum RegistryURIProblem: Equatable {
    /// A piece is empty: the variable that should have filled it was unset.
    case emptyPiece(name: String, offset: Int)
    case invalidAccount(String)
    case invalidRegion(String)
    case invalidHost(String)
    case invalidRepository(String)
    case invalidTag(String)
}

extension RegistryURI {
    private static let repositoryGrammar = try? NSRegularExpression(
        pattern: #"^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$"#)
    private static let tagGrammar = try? NSRegularExpression(pattern: #"^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$"#)
    private static let fipsRegions: Set<String> = ["us-east-1", "us-east-2", "us-west-1", "us-west-2",
                                                    "us-gov-east-1", "us-gov-west-1", "ca-central-1", "ca-west-1"]

    /// The first problem with this reference, or nil when it is well-formed.
    var problem: RegistryURIProblem? {
        if account.isEmpty { return .emptyPiece(name: "account id", offset: accountOffset) }
        if region.isEmpty { return .emptyPiece(name: "region", offset: regionOffset) }
        if let repository, let offset = repositoryOffset {
            if repository.isEmpty { return .emptyPiece(name: "repository name", offset: offset) }
            if let empty = Self.emptyPathComponentOffset(repository) {
                return .emptyPiece(name: "repository name", offset: offset + empty)
            }
        }
        if let tag, tag.isEmpty, let offset = tagOffset { return .emptyPiece(name: "tag", offset: offset) }
        if account.count != 12 || !account.allSatisfy({ $0.isASCII && $0.isNumber }) { return .invalidAccount(account) }
        guard AWSRegions.codes.contains(region) else { return .invalidRegion(region) }
        let chinaRegion = region.hasPrefix("cn-")
        if chinaRegion != domain.hasSuffix(".cn") || (isFIPS && !Self.fipsRegions.contains(region)) {
            return .invalidHost(host)
        }
        if let repository, !(2...256).contains(repository.utf8.count) || !Self.matches(Self.repositoryGrammar, repository) {
            return .invalidRepository(repository)
        }
        if let tag, !Self.matches(Self.tagGrammar, tag) { return .invalidTag(tag) }
        return nil
    }

    private static func matches(_ regex: NSRegularExpression?, _ text: String) -> Bool {
        guard let regex else { return true }
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// Offset of an empty component in `a//b` or a trailing `/`.
    private static func emptyPathComponentOffset(_ path: String) -> Int? {
        var offset = 0
        for component in path.split(separator: "/", omittingEmptySubsequences: false) {
            if component.isEmpty { return offset }
            offset += component.utf16.count + 1
        }
        return nil
    }
}
