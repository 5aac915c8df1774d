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

    /// Every reference in `line`, in order.
    ///
    /// A reference is delimited like a shell word or a quoted/bracketed value: whitespace, quotes, brackets,
    /// `=`, `,`, `;`, `(`, `)` and a scheme's `/` end it. A `.` or `:` that ends the word before a space or
    /// the end of the line is sentence punctuation, not a tag (`… with the tag: REF.`); inside quotes or
    /// brackets a trailing `:` is kept, because there it is what Docker received (an empty tag).
    static func all(in line: String) -> [RegistryURI] {
        let units = Array(line.utf16)
        let marker = Array(".dkr.ecr".utf16)
        var found: [RegistryURI] = []
        var searchFrom = 0
        while let markerAt = Self.find(marker, in: units, from: searchFrom) {
            searchFrom = markerAt + marker.count
            var start = markerAt
            while start > 0, !Self.isDelimiter(units[start - 1]) { start -= 1 }
            // The account is what stands between the word's start and `.dkr.ecr`, after any scheme.
            guard let uri = parse(units, start: start, markerAt: markerAt) else { continue }
            found.append(uri)
            searchFrom = max(searchFrom, start + uri.text.utf16.count)
        }
        return found
    }

    private static func parse(_ units: [UInt16], start: Int, markerAt: Int) -> RegistryURI? {
        var index = markerAt + ".dkr.ecr".utf16.count
        var isFIPS = false
        let fips = Array("-fips".utf16)
        if units.count - index >= fips.count, Array(units[index..<index + fips.count]) == fips {
            isFIPS = true
            index += fips.count
        }
        guard index < units.count, units[index] == dot else { return nil }
        index += 1
        let regionStart = index
        let amazonaws = Array(".amazonaws.com".utf16)
        guard let domainAt = find(amazonaws, in: units, from: regionStart),
              !units[regionStart..<domainAt].contains(where: { isDelimiter($0) || $0 == dot || $0 == slash })
        else { return nil }
        index = domainAt + amazonaws.count
        let china = Array(".cn".utf16)
        var domainEnd = index
        if units.count - index >= china.count, Array(units[index..<index + china.count]) == china,
           index + china.count == units.count || !isHostUnit(units[index + china.count]) {
            domainEnd = index + china.count
        }
        // A host that goes on (`….amazonaws.com.evil`) is not an ECR host.
        if domainEnd < units.count, isHostUnit(units[domainEnd]) { return nil }
        var end = domainEnd
        while end < units.count, !isDelimiter(units[end]) { end += 1 }
        let closedByQuote = end < units.count && closingMarks.contains(units[end])
        while end > domainEnd, units[end - 1] == dot || (units[end - 1] == colon && !closedByQuote) { end -= 1 }

        func text(_ from: Int, _ to: Int) -> String { String(decoding: units[from..<to], as: UTF16.self) }
        var accountStart = start
        if let scheme = lastIndex(of: Array("://".utf16), in: units, from: start, to: markerAt) { accountStart = scheme + 3 }
        var uri = RegistryURI(text: text(accountStart, end), account: text(accountStart, markerAt), isFIPS: isFIPS,
                              region: text(regionStart, domainAt), domain: text(domainAt + 1, domainEnd),
                              repository: nil, tag: nil)
        uri.accountOffset = 0
        uri.regionOffset = regionStart - accountStart
        if domainEnd < end, units[domainEnd] == slash {
            var pathEnd = end
            var tagAt: Int?
            // The tag follows the last `:` after the last `/`; a digest (`@sha256:…`) ends the path.
            if let at = units[(domainEnd + 1)..<end].firstIndex(of: atSign) { pathEnd = at }
            if let colonAt = units[(domainEnd + 1)..<pathEnd].lastIndex(of: colon),
               !units[(colonAt + 1)..<pathEnd].contains(slash) {
                tagAt = colonAt
            }
            let repositoryEnd = tagAt ?? pathEnd
            uri.repository = text(domainEnd + 1, repositoryEnd)
            uri.repositoryOffset = domainEnd + 1 - accountStart
            if let tagAt {
                uri.tag = text(tagAt + 1, pathEnd)
                uri.tagOffset = tagAt + 1 - accountStart
            }
            // `https://<registry>/v2/…` is the registry's HTTP API, not an image reference.
            if let path = uri.repository, path == "v2" || path.hasPrefix("v2/") {
                uri.repository = nil
                uri.tag = nil
                uri.repositoryOffset = nil
                uri.tagOffset = nil
            }
        } else if domainEnd < end, units[domainEnd] == colon {
            // `host:443` or a bare `host:` — a port, not a tag; nothing to judge beyond the host.
        }
        return uri
    }

    private static let dot = UInt16(UInt8(ascii: "."))
    private static let colon = UInt16(UInt8(ascii: ":"))
    private static let slash = UInt16(UInt8(ascii: "/"))
    private static let atSign = UInt16(UInt8(ascii: "@"))
    private static let closingMarks: Set<UInt16> = Set("\"'`]>)".utf16)
    private static let delimiters: Set<UInt16> = Set(" \t\"'`[](),;=|&".utf16)

    private static func isDelimiter(_ unit: UInt16) -> Bool { delimiters.contains(unit) || unit < 0x20 }

    private static func isHostUnit(_ unit: UInt16) -> Bool {
        (unit >= 0x30 && unit <= 0x39) || (unit >= 0x41 && unit <= 0x5A) || (unit >= 0x61 && unit <= 0x7A) || unit == 0x2D
    }

    private static func find(_ needle: [UInt16], in units: [UInt16], from: Int) -> Int? {
        guard needle.count <= units.count, from <= units.count - needle.count else { return nil }
        var index = from
        while index <= units.count - needle.count {
            if units[index] == needle[0], Array(units[index..<index + needle.count]) == needle { return index }
            index += 1
        }
        return nil
    }

    private static func lastIndex(of needle: [UInt16], in units: [UInt16], from: Int, to: Int) -> Int? {
        guard to - from >= needle.count else { return nil }
        var index = to - needle.count
        while index >= from {
            if Array(units[index..<index + needle.count]) == needle { return index }
            index -= 1
        }
        return nil
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

    /// Every problem with this reference, in the order of its pieces; empty when it is well-formed.
    ///
    /// A piece that a poster redacted or wrote as a placeholder (`XXXXXXXXXXXX`, `<account-id>`, `*censored*`,
    /// `**SUBACCOUNT**`, `aws_account_id`, `region`) is not judged: it is not what Docker received. A real
    /// account id or region typo still holds digits (`43534534`, `us-east01`); a word without any is a
    /// placeholder.
    var problems: [RegistryURIProblem] {
        var found: [RegistryURIProblem] = []
        let accountIsPlaceholder = Self.isPlaceholder(account) || Self.isWordPlaceholder(account)
            || Self.isDigitPlaceholder(account)
        let regionIsPlaceholder = Self.isPlaceholder(region) || Self.isWordPlaceholder(region)
        if account.isEmpty { found.append(.emptyPiece(name: "account id", offset: accountOffset)) }
        if region.isEmpty { found.append(.emptyPiece(name: "region", offset: regionOffset)) }
        if let repository, let offset = repositoryOffset {
            if repository.isEmpty {
                found.append(.emptyPiece(name: "repository name", offset: offset))
            } else if let empty = Self.emptyPathComponentOffset(repository) {
                found.append(.emptyPiece(name: "repository name", offset: offset + empty))
            }
        }
        if let tag, tag.isEmpty, let offset = tagOffset { found.append(.emptyPiece(name: "tag", offset: offset)) }
        if !account.isEmpty, !accountIsPlaceholder,
           account.count != 12 || !account.allSatisfy({ $0.isASCII && $0.isNumber }) {
            found.append(.invalidAccount(account))
        }
        let regionKnown = AWSRegions.codes.contains(region)
        if !region.isEmpty, !regionIsPlaceholder, !regionKnown { found.append(.invalidRegion(region)) }
        if regionKnown {
            let chinaRegion = region.hasPrefix("cn-")
            if chinaRegion != domain.hasSuffix(".cn") || (isFIPS && !Self.fipsRegions.contains(region)) {
                found.append(.invalidHost(host))
            }
        }
        if let repository, !repository.isEmpty, Self.emptyPathComponentOffset(repository) == nil,
           !Self.hasRedactionMarks(repository),
           !(2...256).contains(repository.utf8.count) || !Self.matches(Self.repositoryGrammar, repository) {
            found.append(.invalidRepository(repository))
        }
        if let tag, !tag.isEmpty, !Self.hasRedactionMarks(tag), !Self.matches(Self.tagGrammar, tag) {
            found.append(.invalidTag(tag))
        }
        return found
    }

    /// The first problem with this reference, or nil when it is well-formed.
    var problem: RegistryURIProblem? { problems.first }

    /// Written by a person in place of the real value: redaction marks, angle-bracket or template
    /// placeholders, runs of x, or a word with no digit where an id or region code must have them.
    static func isPlaceholder(_ piece: String) -> Bool {
        if piece.isEmpty { return false }
        if hasRedactionMarks(piece) { return true }
        let lower = piece.lowercased()
        if lower.contains("xxx") || lower.contains("redacted") || lower.contains("censored") || lower.contains("hidden")
            || lower.contains("masked") || lower.contains("account") || lower.contains("region") { return true }
        return false
    }

    /// An account id a person typed as a pattern, not a value: counting to nine or to zero (`1234`, `123456789`,
    /// `1234567890`) or one repeated digit (`000000000000`). A typo of a real id (`43534534`) is neither, and
    /// neither is the documentation's `123456789012` with a digit lost (`12345678901`): Docker received that.
    static func isDigitPlaceholder(_ piece: String) -> Bool {
        let digits = piece.utf8.map { Int($0) - 48 }
        guard digits.count >= 4, digits.allSatisfy({ (0...9).contains($0) }) else { return false }
        if digits.allSatisfy({ $0 == digits[0] }) { return true }
        guard digits[0] <= 1, let last = digits.last, last == 9 || last == 0 else { return false }
        return zip(digits, digits.dropFirst()).allSatisfy { ($0 + 1) % 10 == $1 }
    }

    /// Marks that no reference Docker received can hold: `<…>`, `*…*`, `{…}`, `#`, an ellipsis.
    static func hasRedactionMarks(_ piece: String) -> Bool {
        piece.contains(where: { "<>*{}#…".contains($0) }) || piece.contains("...")
    }

    /// An account id or region written as a word without digits (`aws_account_id`, `myaccount`, `region`).
    static func isWordPlaceholder(_ piece: String) -> Bool {
        !piece.isEmpty && !piece.contains(where: { $0.isASCII && $0.isNumber })
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
