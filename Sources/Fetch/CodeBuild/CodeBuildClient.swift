/// The CodeBuild operations cbtriage needs, over any `AWSJSONCalling`.
public final class CodeBuildClient {
    /// `BatchGetBuilds` takes at most 100 ids per call.
    public static let maxIdsPerBatch = 100
    private let caller: AWSJSONCalling

    public init(caller: AWSJSONCalling) {
        self.caller = caller
    }

    /// Describes builds, calling the service once per 100 ids; answers come back in the order asked.
    /// Ids the service does not know are left out (and listed in `buildsNotFound`).
    public func batchGetBuilds(ids: [String]) throws -> BatchGetBuildsResponse {
        var builds: [CodeBuildBuild] = []
        var notFound: [String] = []
        var start = 0
        while start < ids.count {
            let chunk = Array(ids[start..<min(start + Self.maxIdsPerBatch, ids.count)])
            let answer = try caller.call(.codeBuild, "BatchGetBuilds", BatchGetBuildsRequest(ids: chunk),
                                         as: BatchGetBuildsResponse.self)
            let byId = Dictionary((answer.builds ?? []).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            builds += chunk.compactMap { byId[$0] }
            notFound += answer.buildsNotFound ?? []
            start += Self.maxIdsPerBatch
        }
        return BatchGetBuildsResponse(builds: builds, buildsNotFound: notFound)
    }

    /// One build; `CodeBuildError.unknownBuild` when the service does not return it
    /// (real CodeBuild lists it in `buildsNotFound`, moto just returns no build).
    public func build(id: String) throws -> CodeBuildBuild {
        guard let build = try batchGetBuilds(ids: [id]).builds?.first(where: { $0.id == id }) else {
            throw CodeBuildError.unknownBuild(id: id)
        }
        return build
    }

    /// Build ids of a project, newest first unless `ascending`, stopping after `limit` ids when given.
    public func listBuildIds(project: String, ascending: Bool = false, limit: Int? = nil) throws -> [String] {
        var ids: [String] = []
        try forEachBuildIdPage(project: project, ascending: ascending) { page in
            ids += page
            return limit.map { ids.count < $0 } ?? true
        }
        return limit.map { Array(ids.prefix($0)) } ?? ids
    }

    /// `ListBuildsForProject` one page at a time (up to 100 ids each); `body` returns false to stop early.
    public func forEachBuildIdPage(project: String, ascending: Bool = false,
                                   _ body: ([String]) throws -> Bool) throws {
        var request = ListBuildsForProjectRequest(projectName: project,
                                                  sortOrder: ascending ? "ASCENDING" : "DESCENDING")
        var guardrail = PaginationGuard(operation: "ListBuildsForProject", maxPages: 100_000)
        while true {
            let page: ListBuildsForProjectResponse
            do {
                page = try caller.call(.codeBuild, "ListBuildsForProject", request,
                                       as: ListBuildsForProjectResponse.self)
            } catch let error as AWSErrorCodeReporting where error.awsErrorCode == "ResourceNotFoundException" {
                throw CodeBuildError.unknownProject(name: project)
            }
            guard try body(page.ids ?? []) else { return }
            guard let token = page.nextToken, !token.isEmpty, token != request.nextToken else { return }
            try guardrail.record(items: page.ids?.count ?? 0)
            request.nextToken = token
        }
    }

    /// Every project name in the region, sorted by name.
    public func listProjects() throws -> [String] {
        var names: [String] = []
        var request = ListProjectsRequest(sortBy: "NAME", sortOrder: "ASCENDING")
        var guardrail = PaginationGuard(operation: "ListProjects", maxPages: 100_000)
        while true {
            let page = try caller.call(.codeBuild, "ListProjects", request, as: ListProjectsResponse.self)
            names += page.projects ?? []
            guard let token = page.nextToken, !token.isEmpty, token != request.nextToken else { return names }
            try guardrail.record(items: page.projects?.count ?? 0)
            request.nextToken = token
        }
    }
}
