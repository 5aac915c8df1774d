/// Keeps a paginated AWS read from running forever against a server that keeps handing out new tokens:
/// it stops after `maxEmptyPagesInARow` pages without an item (no progress) or `maxPages` pages in all,
/// and says which. Real streams have quiet stretches (GetLogEvents may answer a few empty pages before
/// the events), so only a long run of them counts.
struct PaginationGuard {
    let operation: String
    let maxPages: Int
    let maxEmptyPagesInARow: Int
    private(set) var pages = 0
    private var emptyInARow = 0

    init(operation: String, maxPages: Int, maxEmptyPagesInARow: Int = 100) {
        self.operation = operation
        self.maxPages = maxPages
        self.maxEmptyPagesInARow = maxEmptyPagesInARow
    }

    /// Call once per page received, before asking for the next one.
    mutating func record(items: Int) throws {
        pages += 1
        emptyInARow = items == 0 ? emptyInARow + 1 : 0
        if emptyInARow >= maxEmptyPagesInARow {
            throw PaginationRunawayError(operation: operation, pages: pages,
                                         reason: "\(emptyInARow) pages in a row had nothing but a new token")
        }
        if pages >= maxPages {
            throw PaginationRunawayError(operation: operation, pages: pages, reason: "it reached the cap of \(maxPages) pages")
        }
    }
}

/// A paginated read stopped by `PaginationGuard`.
public struct PaginationRunawayError: UserFacingError, Equatable {
    public var operation: String
    public var pages: Int
    public var reason: String

    public init(operation: String, pages: Int, reason: String) {
        self.operation = operation
        self.pages = pages
        self.reason = reason
    }

    public var userMessage: String {
        "stopped paging \(operation) after \(pages) pages: \(reason)"
    }
}
